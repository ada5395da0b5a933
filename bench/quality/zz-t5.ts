import { analyzeName } from '../../src/screening/name-tokens.js';
for (const n of ['Шафикльах', 'SHAFIQULLAH', 'Асадольах', 'ASADOLLAH', 'SALAH', 'ABDULLAH', 'NURULLAH', 'Хаирульах', 'FATALLAH']) console.log(n, analyzeName(n).tokens.map((t) => t.text).join(' '));
