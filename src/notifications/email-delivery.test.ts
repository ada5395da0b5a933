import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';

import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testAudit, testOrganization } from '../../test/support/identity-fixtures.js';
import type { Actor } from '../identity/actor.js';
import { permissionsOf } from '../identity/permissions.js';
import { createSqliteStore } from '../store/sqlite/sqlite-store.js';
import { smtpEmailSender } from './email-sender.js';
import { NotificationService } from './notification-service.js';
import { secretBox } from './secret-box.js';

interface Received {
  readonly from: string;
  readonly to: readonly string[];
  readonly data: string;
}

/** A real SMTP server on a free local port, requiring a login, keeping every message. */
async function startSmtp(
  received: Received[],
): Promise<{ port: number; close: () => Promise<void> }> {
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: false,
    onAuth(auth, _session, callback) {
      const ok = auth.username === 'puente' && auth.password === 'smtp pass';
      callback(ok ? null : new Error('bad credentials'), ok ? { user: auth.username } : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
  return { port, close };
}

describe('e-mail notifications through SMTP', () => {
  const received: Received[] = [];
  let smtp: { port: number; close: () => Promise<void> };

  beforeAll(async () => {
    smtp = await startSmtp(received);
  });
  afterAll(() => smtp.close());

  it('e-mails a new alert in Spanish and a decision in English, each once', async () => {
    const store = await createSqliteStore(':memory:');
    try {
      const organization = await store.identity.createOrganization(
        testOrganization('Banco'),
        testAudit(),
      );
      const actor: Actor = {
        kind: 'user',
        id: 'admin',
        name: 'admin',
        organizationId: organization.id,
        organizationKind: 'company',
        country: 'COL',
        roles: ['administrator'],
        permissions: permissionsOf(['administrator']),
        clearance: 'unclassified',
      };
      const sender = smtpEmailSender({
        host: '127.0.0.1',
        port: smtp.port,
        secure: false,
        requireTls: false,
        user: 'puente',
        password: 'smtp pass',
        from: 'Puente <alertas@banco.example>',
      });
      const service = new NotificationService({
        store: store.notifications,
        secrets: () => secretBox(randomBytes(32)),
        retry: { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 1000 },
        webhookTimeoutMs: 1000,
        allowHttp: false,
        email: () => sender,
      });
      await service.createEmail(
        actor,
        { address: 'oficial@banco.example', language: 'es', events: ['alert.raised'] },
        testAudit(),
      );
      await service.createEmail(
        actor,
        { address: 'officer@bank.example', language: 'en', events: ['alert.decided'] },
        testAudit(),
      );
      const base = { organizationId: organization.id, occurredAt: '2026-03-01T10:00:00.000Z' };
      await service.publish({
        ...base,
        id: 'alert-7-raised',
        type: 'alert.raised',
        data: {
          alertId: 7,
          counterpartyName: 'Inversiones La Esperanza SAS',
          entryId: 'ofac-sdn:11900',
          score: 0.93,
        },
      });
      await service.publish({
        ...base,
        id: 'alert-7-decided',
        type: 'alert.decided',
        data: { alertId: 7, decision: 'clear', decidedBy: 'maria', reason: 'different NIT' },
      });
      expect(await service.dispatch()).toEqual({ delivered: 2, retried: 0, dead: 0 });
      expect(await service.dispatch()).toEqual({ delivered: 0, retried: 0, dead: 0 });
      sender.close();

      expect(received.map((m) => m.to)).toEqual(
        expect.arrayContaining([['oficial@banco.example'], ['officer@bank.example']]),
      );
      const spanish = received.find((m) => m.to[0] === 'oficial@banco.example')!;
      expect(spanish.from).toBe('alertas@banco.example');
      expect(decodeQuotedPrintable(spanish.data)).toContain(
        'Contraparte: Inversiones La Esperanza SAS',
      );
      expect(decodeQuotedPrintable(spanish.data)).toContain('Registro en lista: ofac-sdn:11900');
      const english = decodeQuotedPrintable(
        received.find((m) => m.to[0] === 'officer@bank.example')!.data,
      );
      expect(english).toContain('Subject: [Puente] Decision on an alert');
      expect(english).toContain('Reason: different NIT');
    } finally {
      await store.close();
    }
  });

  it('retries when the SMTP server refuses the login', async () => {
    const store = await createSqliteStore(':memory:');
    try {
      const organization = await store.identity.createOrganization(
        testOrganization('Banco'),
        testAudit(),
      );
      const sender = smtpEmailSender({
        host: '127.0.0.1',
        port: smtp.port,
        secure: false,
        requireTls: false,
        user: 'puente',
        password: 'wrong',
        from: 'alertas@banco.example',
      });
      const service = new NotificationService({
        store: store.notifications,
        secrets: () => secretBox(randomBytes(32)),
        retry: { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 1000 },
        webhookTimeoutMs: 1000,
        allowHttp: false,
        email: () => sender,
      });
      await store.notifications.createEmailSubscription(
        {
          organizationId: organization.id,
          address: 'oc@banco.example',
          language: 'es',
          events: ['alert.raised'],
        },
        testAudit(),
      );
      await service.publish({
        id: 'e1',
        type: 'alert.raised',
        organizationId: organization.id,
        occurredAt: '2026-03-01T10:00:00.000Z',
        data: {},
      });
      expect(await service.dispatch()).toEqual({ delivered: 0, retried: 1, dead: 0 });
      const [item] = await store.notifications.listOutbox({ organizationId: organization.id });
      expect(item!.lastError).toMatch(/auth|credentials/i);
      sender.close();
    } finally {
      await store.close();
    }
  });
});

/** Undoes quoted-printable soft breaks and escapes, enough to read the text part. */
function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
