import { analyzeName, canonicalCompound } from '../../src/screening/name-tokens.js';
import { consonantSkeleton } from '../../src/screening/spanish-phonetic.js';
for (const n of [
  'ABD AL-MALIK',
  'ABDELMALEK DROUKDEL',
  'عبد المالك دروكدال',
  'Abdurrahman',
  'abdul rahman',
  'عبد الله',
  'ABDULLAH',
  'SIRAJUDDIN JALLALOUDINE HAQQANI',
  'سراج الدين جلال الدين حقانى',
  'SAIF-AL-DIN AL-MASHHADANI',
  'Nur Eddine',
  'ABDI',
  'Abdallah ABDU',
  'SALADIN',
  'BALDWIN',
  'ALADDIN',
])
  console.log(
    n,
    '=>',
    analyzeName(n)
      .tokens.map((t) => `${t.text}[${consonantSkeleton(t.text)}]`)
      .join(' '),
  );
for (const n of [
  'NURULLAH NURI',
  'نور الله نوری',
  'NAJIBULLAH HAQQANI HIDAYATULLAH',
  'نجیب الله حقانی هدايت الله',
  'SALAH',
  'ABD ALLAH',
  'Abdullah',
  'KHAIRULLAH KHAIRKHWAH',
  'Хаирульах',
  'ATAULLAH',
])
  console.log(
    n,
    '=>',
    analyzeName(n)
      .tokens.map((t) => `${t.text}[${consonantSkeleton(t.text)}]`)
      .join(' '),
  );
