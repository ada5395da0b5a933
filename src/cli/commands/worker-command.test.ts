import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, describe, expect, it } from 'vitest';

import { testAudit, testOrganization } from '../../../test/support/identity-fixtures.js';
import { loadConfig } from '../../config.js';
import { createLogger } from '../../core/logger.js';
import { createServices } from '../../services.js';
import { runCli } from '../main.js';

describe('puente webhooks and puente worker', () => {
  const folder = mkdtempSync(join(tmpdir(), 'puente-worker-'));
  const env = {
    PUENTE_DB: join(folder, 'puente.db'),
    PUENTE_SECRETS_KEY_PATH: join(folder, 'secrets.key'),
    PUENTE_AUDIT_KEY_PATH: join(folder, 'audit.pem'),
    PUENTE_WEBHOOKS_ALLOW_HTTP: 'true',
    PUENTE_NOTIFY_BASE_DELAY_SECONDS: '1',
    PUENTE_LOG_LEVEL: 'silent',
  };
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('subscribes a webhook from the CLI, and a worker process delivers through a failing receiver', async () => {
    const bodies: string[] = [];
    let requests = 0;
    const receiver = createServer((request, response) => {
      requests += 1;
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        // The first attempt fails: the worker must retry after its back-off.
        response.statusCode = requests === 1 ? 500 : 200;
        if (requests > 1) {
          bodies.push(Buffer.concat(chunks).toString());
        }
        response.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    Object.assign(process.env, env);

    const config = loadConfig(process.env, {});
    const services = await createServices(config, createLogger('silent'));
    const organization = await services.store.identity.createOrganization(
      testOrganization('Banco'),
      testAudit(),
    );
    expect(
      await runCli([
        'webhooks',
        'add',
        '--org',
        organization.id,
        '--url',
        url,
        '--events',
        'alert.raised',
      ]),
    ).toBe(0);
    await services.notifications.publish({
      id: 'alert-1-raised-v1',
      type: 'alert.raised',
      organizationId: organization.id,
      occurredAt: new Date().toISOString(),
      data: { alertId: 1 },
    });
    await services.close();

    const worker = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/run.ts', 'worker', '--sweep-seconds', '1'],
      {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      for (let waited = 0; bodies.length === 0; waited += 100) {
        if (waited > 60_000) {
          throw new Error('the worker never delivered');
        }
        await sleep(100);
      }
      expect(JSON.parse(bodies[0]!)).toMatchObject({
        id: 'alert-1-raised-v1',
        type: 'alert.raised',
      });
    } finally {
      worker.kill('SIGTERM');
      const [code] = (await once(worker, 'exit')) as [number | null];
      expect(code).toBe(0);
      receiver.close();
    }
    expect(
      await runCli([
        'webhooks',
        'deliveries',
        '--org',
        organization.id,
        '--status',
        'delivered',
        '--json',
      ]),
    ).toBe(0);
  });
});
