/**
 * The audit trail: whether the hash chain verifies (for `audit.verify`), and the organization's
 * events with filters by action and actor, a page at a time (for `audit.read`).
 *
 * @module
 */
import { useState, type SubmitEvent } from 'react';

import { getJson, query } from '../http/client.js';
import type { AuditChainReport, AuditEvent } from '../http/types.js';
import { useSession } from '../auth/session.js';
import { ErrorMessage, Loading, useLoad } from '../components/feedback.js';
import { TextField } from '../components/text-field.js';
import { OUTCOME_KEYS, word } from '../components/vocabulary.js';
import { useI18n } from '../i18n/i18n.js';

/** Events per page. */
const PAGE_SIZE = 100;

/** The audit page. */
export function AuditPage() {
  const { t } = useI18n();
  const { can } = useSession();
  return (
    <>
      <h1>{t('audit.title')}</h1>
      {can('audit.verify') ? <Verification /> : null}
      {can('audit.read') ? <Events /> : null}
    </>
  );
}

function Verification() {
  const { t, number } = useI18n();
  const report = useLoad(() => getJson<AuditChainReport>('/audit/verify'), []);
  const data = report.data;
  return (
    <section aria-labelledby="verify-heading" className="card">
      <h2 id="verify-heading">{t('audit.verification')}</h2>
      <ErrorMessage error={report.error} />
      {report.loading ? <Loading /> : null}
      {data === undefined || report.loading ? null : data.intact ? (
        <p role="status" className="ok" data-testid="chain-status">
          {t('audit.intact', { count: number(data.count) })}
        </p>
      ) : (
        <p role="alert" className="error" data-testid="chain-status">
          {t('audit.broken', { seq: number(data.brokenSeq), reason: data.reason })}
        </p>
      )}
      <button type="button" onClick={report.reload}>
        {t('audit.verifyAgain')}
      </button>
    </section>
  );
}

interface Filters {
  action: string;
  actorId: string;
  afterSeq: string;
}

function Events() {
  const { t, dateTime, number } = useI18n();
  const [draft, setDraft] = useState<Filters>({ action: '', actorId: '', afterSeq: '' });
  const [filters, setFilters] = useState<Filters>(draft);
  const events = useLoad(
    () =>
      getJson<{ events: AuditEvent[] }>(`/audit/events${query({ ...filters, limit: PAGE_SIZE })}`),
    [filters],
  );
  const list = events.data?.events ?? [];
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setFilters(draft);
  };
  const last = list.at(-1);
  return (
    <section aria-labelledby="events-heading">
      <h2 id="events-heading">{t('audit.events')}</h2>
      <form className="inline-form" onSubmit={submit} aria-label={t('audit.filters')}>
        <TextField
          label={t('audit.action')}
          hint={t('audit.actionHint')}
          value={draft.action}
          onChange={(action) => {
            setDraft({ ...draft, action });
          }}
        />
        <TextField
          label={t('audit.actor')}
          value={draft.actorId}
          onChange={(actorId) => {
            setDraft({ ...draft, actorId });
          }}
        />
        <TextField
          label={t('audit.afterSeq')}
          type="number"
          min="0"
          value={draft.afterSeq}
          onChange={(afterSeq) => {
            setDraft({ ...draft, afterSeq });
          }}
        />
        <button type="submit">{t('audit.apply')}</button>
      </form>
      <ErrorMessage error={events.error} />
      {events.loading ? <Loading /> : null}
      <table>
        <caption className="visually-hidden">{t('audit.events')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.seq')}</th>
            <th scope="col">{t('audit.at')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.target')}</th>
            <th scope="col">{t('audit.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((event) => (
            <tr key={event.seq}>
              <td>{number(event.seq)}</td>
              <td>{dateTime(event.at)}</td>
              <td>
                <code>{event.actorId}</code>
              </td>
              <td>
                <code>{event.action}</code>
              </td>
              <td>
                {event.targetType}: <code>{event.targetId}</code>
              </td>
              <td className={`outcome-${event.outcome}`}>{word(t, OUTCOME_KEYS, event.outcome)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!events.loading && list.length === 0 ? <p>{t('audit.none')}</p> : null}
      {last !== undefined && list.length === PAGE_SIZE ? (
        <button
          type="button"
          onClick={() => {
            const next = { ...filters, afterSeq: String(last.seq) };
            setDraft(next);
            setFilters(next);
          }}
        >
          {t('audit.next')}
        </button>
      ) : null}
    </section>
  );
}
