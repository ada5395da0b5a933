import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapApiKey } from '../../test/support/api-auth.js';
import { createTestServices, HISTORY_FIXTURE } from '../../test/support/test-services.js';
import type { Services } from '../services.js';
import { createApp } from './app.js';

let services: Services;
let app: ReturnType<typeof createApp>;
let auth: Record<string, string>;

beforeAll(async () => {
  services = await createTestServices();
  await services.watchlists.ingestPath(HISTORY_FIXTURE);
  app = createApp(services);
  auth = { ...(await bootstrapApiKey(services)).headers };
});

afterAll(async () => {
  await services.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(path, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...auth, ...headers },
  });

interface Match {
  entryId: string;
  score: number;
  name: string;
  explanation: { summary: string; tokens: unknown[] };
}

describe('POST /screen', () => {
  it('finds a listed person in natural order with a second surname omitted, with evidence', async () => {
    const response = await post('/screen', { name: 'Juan Perez', dob: '1971-09-15' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      matches: Match[];
      lists: { source: string; publishedAt: string }[];
      threshold: number;
    };
    expect(body.matches[0]).toMatchObject({ entryId: 'ofac-sdn:100', name: 'PEREZ GOMEZ, Juan' });
    expect(body.matches[0]?.explanation.tokens.length).toBeGreaterThan(0);
    expect(body.lists).toEqual([
      expect.objectContaining({ source: 'ofac-sdn', publishedAt: '2024-05-02' }),
    ]);
    expect(body.threshold).toBe(0.8);
  });

  it('applies filters and rejects bad input with a stable code', async () => {
    const filtered = (await (
      await post('/screen', { name: 'Juan Perez', programs: ['ILLICIT-DRUGS-EO14059'] })
    ).json()) as { matches: Match[] };
    expect(filtered.matches).toEqual([]);
    for (const body of [
      { name: '   ' },
      { name: 'x'.repeat(10_000) },
      { name: 'Juan', dob: '1971-13-45' },
      { name: 'Juan', sources: ['nope'] },
      {},
    ]) {
      const response = await post('/screen', body);
      expect(response.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(((await response.json()) as { code: string }).code).toBe('validation_failed');
    }
    expect((await post('/screen', '{not json')).status).toBe(400);
  });
});

describe('POST /screen/batch', () => {
  it('screens a JSON batch and reports bad rows by line', async () => {
    const response = await post('/screen/batch', {
      queries: [{ name: 'Pedro Torres' }, { name: '' }, { name: 'Nobody Atall' }],
    });
    const body = (await response.json()) as {
      results: { line: number; matches?: Match[]; error?: string }[];
    };
    expect(body.results.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(body.results[0]?.matches?.[0]?.entryId).toBe('ofac-sdn:400');
    expect(body.results[1]?.error).toContain('name');
    expect(body.results[2]?.matches).toEqual([]);
  });

  it('streams NDJSON in and out', async () => {
    const input = [
      '{"name":"Pedro Torres","ref":"c-1"}',
      'garbage',
      '{"name":"Juan Perez Gomez"}',
    ].join('\n');
    const response = await post('/screen/batch?threshold=0.7', input, {
      'content-type': 'application/x-ndjson',
    });
    expect(response.headers.get('content-type')).toContain('ndjson');
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as { line: number; ref?: string; error?: string; matches?: Match[] },
      );
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ line: 1, ref: 'c-1' });
    expect(lines[1]?.error).toBe('not valid JSON');
    expect(lines[2]?.matches?.[0]?.entryId).toBe('ofac-sdn:100');
  });
});

describe('POST /match', () => {
  it('scores two names with an explanation, and refuses empty ones', async () => {
    const body = (await (
      await post('/match', { name1: 'Juan Perez', name2: 'PEREZ GOMEZ, Juan', type: 'individual' })
    ).json()) as { score: number; explanation: { summary: string } };
    expect(body.score).toBeGreaterThan(0.8);
    expect(body.explanation.summary).toContain('perez');
    const siblings = (await (
      await post('/match', {
        name1: 'INVERSIONES LA ESPERANZA S.A.S.',
        name2: 'INVERSIONES LA PRIMAVERA S.A.S.',
        type: 'entity',
      })
    ).json()) as { score: number };
    expect(siblings.score).toBeLessThan(0.8);
    expect((await post('/match', { name1: '', name2: 'x' })).status).toBe(400);
  });

  it('names each pair of words and leaves none of them unmatched', async () => {
    const body = (await (
      await post('/match', { name1: 'Pedro Torres', name2: 'TORRES, Pedro' })
    ).json()) as {
      explanation: {
        tokens: { query: string; list: string; method: string }[];
        unmatchedQuery: string[];
        unmatchedList: string[];
      };
    };
    expect(body.explanation.tokens.map((t) => `${t.query}→${t.list} ${t.method}`)).toEqual([
      'pedro→pedro exact',
      'torres→torres exact',
    ]);
    expect([...body.explanation.unmatchedQuery, ...body.explanation.unmatchedList]).toEqual([]);
  });
});

describe('screening audit', () => {
  it('records who screened, without the names screened', async () => {
    expect((await post('/screen', { name: 'Juan Perez' })).status).toBe(200);
    const events = await services.store.audit.list({ action: 'screening.run', limit: 1000 });
    expect(events.length).toBeGreaterThan(0);
    expect(events.at(-1)).toMatchObject({ actorKind: 'service', targetId: '/screen' });
    expect(JSON.stringify(events)).not.toContain('Juan');
  });
});
