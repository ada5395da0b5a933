import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { openStore } from './open-store.js';

describe('openStore', () => {
  const folder = mkdtempSync(join(tmpdir(), 'puente-open-'));
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('opens a SQLite file for a path', async () => {
    const store = await openStore(join(folder, 'puente.db'));
    try {
      expect(store.kind).toBe('sqlite');
      expect(await store.watchlist.listPublications()).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('rejects an empty location and other URL schemes as config_invalid', async () => {
    await expect(openStore('  ')).rejects.toMatchObject({ code: 'config_invalid' });
    const error: unknown = await openStore('mysql://root:hunter2@db/puente').catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'config_invalid' });
    expect((error as Error).message).not.toContain('hunter2');
  });

  it('rejects an unparsable PostgreSQL URL as config_invalid without echoing it', async () => {
    const error: unknown = await openStore('postgres://app:hunter2@db:notaport/puente').catch(
      (e: unknown) => e,
    );

    expect(error).toMatchObject({ code: 'config_invalid' });
    expect((error as Error).message).not.toContain('hunter2');
  });

  it('reports an unreachable PostgreSQL server as source_unavailable without the password', async () => {
    // Port 1 on the loopback interface refuses connections immediately.
    const error: unknown = await openStore('postgresql://app:hunter2@127.0.0.1:1/puente').catch(
      (e: unknown) => e,
    );

    expect(error).toMatchObject({ code: 'source_unavailable' });
    expect((error as Error).message).toContain('postgresql://app:***@127.0.0.1:1/puente');
    expect((error as Error).message).not.toContain('hunter2');
  });
});
