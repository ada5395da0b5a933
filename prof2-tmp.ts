import { createApp } from './src/api/app.js';
import { bootstrapApiKey } from './test/support/api-auth.js';
import { dataPath } from './test/support/data-dir.js';
import { createTestServices } from './test/support/test-services.js';
const s = await createTestServices();
await s.watchlists.ingestPath(dataPath('ofac', 'history', 'sdn-2024-05-03.csv.gz'));
const { headers } = await bootstrapApiKey(s);
const secure = createApp(s);
const init = { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Dairo Antonio Usuga David' }) };
for (let rep = 0; rep < 5; rep++) {
  const t = performance.now();
  for (let i = 0; i < 300; i++) { const r = await secure.request('/screen', init); await r.arrayBuffer(); }
  console.log('screen secure', ((performance.now() - t) / 300).toFixed(3));
}
await s.close();
