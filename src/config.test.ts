import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const noFile = { PUENTE_CONFIG: undefined };

describe('loadConfig', () => {
  it('has working defaults: embedded SQLite, local port, automatic list loading', () => {
    const config = loadConfig({ ...noFile });
    expect(config.db).toBe('./puente.db');
    expect(config.server).toMatchObject({ host: '127.0.0.1', port: 8080 });
    expect(config.lists).toMatchObject({
      mode: 'auto',
      localDir: '../shared/data',
      loadOnStart: true,
    });
  });

  it('layers file < environment < overrides', () => {
    const dir = mkdtempSync(join(tmpdir(), 'puente-config-'));
    const file = join(dir, 'puente.config.json');
    writeFileSync(
      file,
      JSON.stringify({ db: 'file.db', server: { port: 9000 }, lists: { mode: 'local' } }),
    );
    const config = loadConfig(
      { PUENTE_CONFIG: file, PUENTE_PORT: '9100', PUENTE_LISTS_LOAD_ON_START: 'false' },
      { db: 'flag.db' },
    );
    expect(config.db).toBe('flag.db');
    expect(config.server.port).toBe(9100);
    expect(config.lists.mode).toBe('local');
    expect(config.lists.loadOnStart).toBe(false);
  });

  it('names the setting and the variable when a value is invalid', () => {
    expect(() => loadConfig({ PUENTE_PORT: 'eighty' })).toThrow(/server\.port \(PUENTE_PORT\)/);
    expect(() => loadConfig({ PUENTE_LISTS_MODE: 'sometimes' })).toThrow(/lists\.mode/);
  });

  it('rejects unknown keys, malformed files and missing explicit files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'puente-config-'));
    const unknown = join(dir, 'unknown.json');
    writeFileSync(unknown, JSON.stringify({ dbb: 'typo' }));
    expect(() => loadConfig({ PUENTE_CONFIG: unknown })).toThrow(/invalid configuration/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ not json');
    expect(() => loadConfig({ PUENTE_CONFIG: broken })).toThrow(/not valid JSON/);
    expect(() => loadConfig({ PUENTE_CONFIG: join(dir, 'absent.json') })).toThrow(/not found/);
  });
});
