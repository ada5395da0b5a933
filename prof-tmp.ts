import { createApp } from './src/api/app.js';
import { bootstrapApiKey } from './test/support/api-auth.js';
import { dataPath } from './test/support/data-dir.js';
import { createTestServices } from './test/support/test-services.js';
const s = await createTestServices();
await s.watchlists.ingestPath(dataPath('ofac', 'history', 'sdn-2024-05-03.csv.gz'));
const { headers } = await bootstrapApiKey(s);
const id = (await s.screening.screen({ name: 'Dairo Antonio Usuga David' })).matches[0]!.entryId;
const secure = createApp(s); const open = createApp(s, { insecureWithoutSecurityForBenchmarks: true });
const calls: [string, RequestInit][] = [['/lists', {}], ['/lists/entries/' + id, {}], ['/screen', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Dairo Antonio Usuga David' }) }], ['/health', {}]];
for (let rep = 0; rep < 2; rep++) for (const [p, init] of calls) for (const [label, app, h] of [['open', open, {}], ['secure', secure, headers]] as const) {
  const t = performance.now();
  for (let i = 0; i < 200; i++) { const r = await app.request(p, { ...init, headers: { ...h, ...(init.headers as object) } }); if (r.status !== 200) throw new Error(p + r.status); await r.arrayBuffer(); }
  console.log(rep, p.slice(0, 14), label, ((performance.now() - t) / 200).toFixed(3), 'ms');
}
const t = performance.now();
for (let i = 0; i < 200; i++) await s.authenticator.authenticateApiKey(headers.authorization.slice(7));
console.log('auth only', ((performance.now() - t) / 200).toFixed(3));
const t2 = performance.now();
const ctx = { actor: { kind: 'system' as const, id: 'x', organizationId: null } };
for (let i = 0; i < 200; i++) await s.store.audit.append(ctx, { action: 'a', targetType: 'b', targetId: 'c' });
console.log('append only', ((performance.now() - t2) / 200).toFixed(3));
await s.close();
