/**
 * The one wiring point: configuration → store → domain services. The API, the CLI and the
 * server get their collaborators from here and nowhere else.
 *
 * @module
 */
import { loadOrCreateSigningKey } from './audit/signing-key.js';
import type { AuditSigningKey } from './audit/signing-key.js';
import type { PuenteConfig } from './config.js';
import { AccountAdmin } from './identity/account-admin.js';
import { ApiKeyAdmin } from './identity/api-key-admin.js';
import { Authenticator } from './identity/authenticator.js';
import type { ScryptParams } from './identity/password.js';
import type { Logger } from './core/logger.js';
import { MonitoringEventBus } from './monitoring/monitoring-events.js';
import { MonitoringService } from './monitoring/monitoring-service.js';
import { EvidenceService } from './evidence/evidence-service.js';
import { createJobQueue } from './jobs/create-job-queue.js';
import { JobName, type JobQueue } from './jobs/job-queue.js';
import { registerWorkerJobs } from './jobs/worker.js';
import { smtpEmailSender, type EmailSender } from './notifications/email-sender.js';
import { notificationFor } from './notifications/monitoring-notifications.js';
import { NotificationService } from './notifications/notification-service.js';
import { loadOrCreateSecretsKey, secretBox, type SecretBox } from './notifications/secret-box.js';
import { loadConfiguredLists } from './watchlist/load-configured-lists.js';
import { ScreeningService, type ListSnapshotSource } from './screening/screening-service.js';
import { openStore, type Store } from './store/index.js';
import type { WatchlistStore } from './watchlist/watchlist-store.js';
import { WatchlistService } from './watchlist/watchlist-service.js';

/** Everything the edges need. */
export interface Services {
  readonly config: PuenteConfig;
  readonly logger: Logger;
  readonly store: Store;
  readonly watchlists: WatchlistService;
  readonly screening: ScreeningService;
  /** Portfolios, counterparties, alerts and re-screening runs. */
  readonly monitoring: MonitoringService;
  /** Monitoring's domain events; notifications subscribe here. */
  readonly monitoringEvents: MonitoringEventBus;
  /** Login, sessions and API keys. */
  readonly authenticator: Authenticator;
  /** Organizations, users, passwords and TOTP. */
  readonly accounts: AccountAdmin;
  /** Service accounts and API keys. */
  readonly apiKeys: ApiKeyAdmin;
  /** Webhooks and e-mail on monitoring events: subscriptions, outbox, delivery. */
  readonly notifications: NotificationService;
  /** The job queue: pg-boss on PostgreSQL, in-process on SQLite; its jobs registered. */
  readonly jobs: JobQueue;
  /** Screening certificates, alert evidence packs and ROS drafts. */
  readonly evidence: EvidenceService;
  /** The checkpoint signing key, loaded (or generated) on first call. */
  auditKey(): AuditSigningKey;
  /** Closes the store; call once on shutdown. */
  close(): Promise<void>;
}

/** Opens the configured store (running migrations) and builds the services over it. */
export async function createServices(config: PuenteConfig, logger: Logger): Promise<Services> {
  const store = await openStore(config.db);
  const { notifications, jobs, closeBackground } = backgroundServices(config, store, logger);
  const watchlists = new WatchlistService({
    store: store.watchlist,
    limits: { maxFileBytes: config.lists.maxFileBytes },
    fetch: {
      maxFileBytes: config.lists.maxFileBytes,
      timeoutMs: config.lists.fetchTimeoutMs,
      urlOverrides: config.lists.urls,
    },
    ...(config.monitoring.rescreenOnIngest
      ? {
          // One queued sync covers any number of publications stored before it runs.
          onPublicationsStored: async () => {
            await jobs.enqueue(JobName.MonitoringSync, {}, { singletonKey: 'lists-changed' });
          },
        }
      : {}),
  });
  const screening = new ScreeningService(currentLists(store.watchlist));
  const services: Services = {
    config,
    logger,
    store,
    watchlists,
    screening,
    ...monitoringServices(config, store, logger),
    ...identityServices(config, store),
    notifications,
    jobs,
    evidence: new EvidenceService({
      monitoring: store.monitoring,
      watchlist: store.watchlist,
      audit: store.audit,
      identity: store.identity,
      markings: store.markings,
      screening,
      threshold: config.monitoring.threshold,
    }),
    close: async () => {
      await closeBackground();
      await store.close();
    },
  };
  wireBackground(services);
  return services;
}

/** Monitoring over the store, with an event bus that logs failing subscribers. */
function monitoringServices(config: PuenteConfig, store: Store, logger: Logger) {
  const monitoringEvents = new MonitoringEventBus((error) => {
    logger.error({ err: error }, 'a monitoring event subscriber failed');
  });
  return {
    monitoringEvents,
    monitoring: new MonitoringService(
      store.monitoring,
      store.watchlist,
      monitoringEvents,
      { threshold: config.monitoring.threshold },
      store.markings,
    ),
  };
}

/** The identity use cases, configured from `auth` and `audit` settings. */
function identityServices(config: PuenteConfig, store: Store) {
  const { auth } = config;
  const scrypt: ScryptParams = {
    logN: auth.passwordHashCost,
    r: 8,
    p: auth.passwordHashCost >= 15 ? 3 : 1,
  };
  let key: AuditSigningKey | undefined;
  let totpBox: SecretBox | undefined;
  // Read on first use, so deployments without second factors never need the key file.
  const totpSecrets = () => (totpBox ??= secretBox(loadOrCreateSecretsKey(auth.totpKeyPath)));
  return {
    authenticator: new Authenticator(store.identity, store.audit, {
      scrypt,
      session: {
        maxAgeMs: auth.sessionMaxAgeMinutes * 60_000,
        idleTimeoutMs: auth.sessionIdleMinutes * 60_000,
      },
      lockout: { maxFailures: auth.maxFailedLogins, lockMs: auth.lockoutMinutes * 60_000 },
      rateLimit: { maxAttempts: auth.loginAttemptsPerMinute, windowMs: 60_000 },
      principalCacheMs: auth.principalCacheSeconds * 1000,
      totpSecrets,
    }),
    accounts: new AccountAdmin(store.identity, scrypt, undefined, totpSecrets),
    apiKeys: new ApiKeyAdmin(store.identity),
    auditKey: () => (key ??= loadOrCreateSigningKey(config.audit.signingKeyPath)),
  };
}

/** The screening index reads the current publication of every source from the store. */
function currentLists(store: WatchlistStore): ListSnapshotSource {
  return {
    currentVersions: async () =>
      (await store.currentPublications()).map((publication) => ({
        source: publication.source,
        publicationId: publication.id,
        publishedAt: publication.publishedAt,
        contentHash: publication.contentHash,
      })),
    entriesOf: async (versions) =>
      (
        await Promise.all(versions.map((version) => store.listEntries(version.publicationId)))
      ).flat(),
  };
}

/** Notifications and the job queue; e-mail only when an SMTP host is configured. */
function backgroundServices(config: PuenteConfig, store: Store, logger: Logger) {
  const settings = config.notifications;
  let box: SecretBox | undefined;
  let email: EmailSender | undefined;
  const { host, ...smtp } = settings.smtp;
  const notifications = new NotificationService({
    store: store.notifications,
    secrets: () => (box ??= secretBox(loadOrCreateSecretsKey(settings.secretsKeyPath))),
    retry: {
      maxAttempts: settings.maxAttempts,
      baseDelayMs: settings.baseDelaySeconds * 1000,
      maxDelayMs: settings.maxDelayMinutes * 60_000,
    },
    webhookTimeoutMs: settings.webhookTimeoutMs,
    allowHttp: settings.allowHttpWebhooks,
    ...(host === undefined ? {} : { email: () => (email ??= smtpEmailSender({ host, ...smtp })) }),
  });
  const jobs = createJobQueue({
    storeKind: store.kind,
    location: config.db,
    jobStore: store.jobs,
    pollIntervalMs: config.jobs.pollIntervalMs,
    pgBossSchema: config.jobs.pgBossSchema,
    onError: (error) => {
      logger.error({ err: error }, 'a job failed');
    },
  });
  const closeBackground = async () => {
    await jobs.stop();
    email?.close();
  };
  return { notifications, jobs, closeBackground };
}

/**
 * Monitoring events become notifications (then a delivery job), and the queue learns how to
 * run each job.
 */
function wireBackground(services: Services): void {
  const { monitoring, notifications, jobs } = services;
  services.monitoringEvents.subscribe({
    emit: async (event) => {
      const notification = notificationFor(event, new Date());
      if (notification !== undefined && (await notifications.publish(notification)) > 0) {
        await jobs.enqueue(JobName.NotificationsDeliver, {}, { singletonKey: 'published' });
      }
    },
  });
  registerWorkerJobs(jobs, {
    syncMonitoring: async () => {
      await monitoring.resumeUnfinished();
      await monitoring.syncWithLists();
    },
    fullRescreen: () => monitoring.fullRescreenAll(),
    deliverNotifications: () => notifications.dispatch(),
    refreshLists: async () => {
      await loadConfiguredLists(services.watchlists, services.config.lists);
      await monitoring.syncWithLists();
    },
  });
}
