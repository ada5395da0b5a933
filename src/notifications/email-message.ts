/**
 * The text of notification e-mails, in Spanish or English. E-mails say what happened and where
 * to look; they carry ids and names, never the evidence itself.
 *
 * @module
 */
import type { NotificationEvent, NotificationEventType } from './notification-event.js';
import type { NotificationLanguage } from './subscription.js';

/** A rendered e-mail. */
export interface EmailMessage {
  readonly subject: string;
  readonly text: string;
}

const TITLES: Readonly<Record<NotificationLanguage, Record<NotificationEventType, string>>> = {
  es: {
    'alert.raised': 'Nueva alerta de coincidencia en listas',
    'alert.decided': 'Decisión sobre una alerta',
    'alert.closed': 'Alerta cerrada',
    'rescreen.completed': 'Nueva verificación de la cartera terminada',
  },
  en: {
    'alert.raised': 'New watchlist match alert',
    'alert.decided': 'Decision on an alert',
    'alert.closed': 'Alert closed',
    'rescreen.completed': 'Portfolio re-screening finished',
  },
};

/** Labels of the data fields shown, in display order. */
const FIELDS: Readonly<Record<NotificationLanguage, readonly (readonly [string, string])[]>> = {
  es: [
    ['alertId', 'Alerta'],
    ['counterpartyName', 'Contraparte'],
    ['entryId', 'Registro en lista'],
    ['entryName', 'Nombre en la lista'],
    ['score', 'Puntaje'],
    ['state', 'Estado'],
    ['decision', 'Decisión'],
    ['decidedBy', 'Decidido por'],
    ['reason', 'Motivo'],
    ['runId', 'Ejecución'],
    ['alertsRaised', 'Alertas nuevas'],
  ],
  en: [
    ['alertId', 'Alert'],
    ['counterpartyName', 'Counterparty'],
    ['entryId', 'List entry'],
    ['entryName', 'Name on the list'],
    ['score', 'Score'],
    ['state', 'State'],
    ['decision', 'Decision'],
    ['decidedBy', 'Decided by'],
    ['reason', 'Reason'],
    ['runId', 'Run'],
    ['alertsRaised', 'New alerts'],
  ],
};

const FOOTER: Readonly<Record<NotificationLanguage, string>> = {
  es: 'Mensaje automático de Puente. La información es reservada: no la reenvíe fuera de su organización.',
  en: 'Automatic message from Puente. The information is confidential: do not forward it outside your organization.',
};

/**
 * The e-mail for `event` in `language`.
 *
 * @example
 * const { subject, text } = emailFor(event, 'es');
 */
export function emailFor(event: NotificationEvent, language: NotificationLanguage): EmailMessage {
  const title = TITLES[language][event.type];
  const name = typeof event.data.counterpartyName === 'string' ? event.data.counterpartyName : '';
  const lines = FIELDS[language]
    .filter(([key]) => event.data[key] !== undefined && event.data[key] !== null)
    .map(([key, label]) => `${label}: ${formatValue(event.data[key])}`);
  return {
    subject: `[Puente] ${title}${name === '' ? '' : `: ${name}`}`,
    text: [
      title,
      '',
      ...lines,
      '',
      `${event.type} · ${event.id} · ${event.occurredAt}`,
      '',
      FOOTER[language],
      '',
    ].join('\n'),
  };
}

function formatValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
