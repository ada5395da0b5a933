/**
 * Review of one alert: the counterparty and the list entry side by side, the explanation of the
 * match, the alert's history, and the decision with four eyes — one reviewer proposes confirming
 * or clearing with a reason, a different one approves or rejects it with a reason.
 *
 * @module
 */
import { useState, type SubmitEvent } from 'react';
import { Link, useParams } from 'react-router';

import { getJson, query, sendJson } from '../http/client.js';
import type { Alert, AlertNote, Counterparty, EntryView, MatchExplanation } from '../http/types.js';
import { useSession } from '../auth/session.js';
import { factText } from '../components/entry-fields.js';
import { ExplanationView } from '../components/explanation-view.js';
import { ErrorMessage, Loading, useLoad } from '../components/feedback.js';
import { ALERT_STATE_KEYS, word } from '../components/vocabulary.js';
import { useI18n } from '../i18n/i18n.js';

interface Review {
  readonly alert: Alert;
  readonly notes: readonly AlertNote[];
  readonly counterparty: Counterparty;
  readonly entry: EntryView | undefined;
  readonly explanation: MatchExplanation | undefined;
}

async function loadReview(id: string): Promise<Review> {
  const { alert, notes } = await getJson<{ alert: Alert; notes: AlertNote[] }>(`/alerts/${id}`);
  const counterparty = await getJson<Counterparty>(`/counterparties/${alert.counterpartyId}`);
  // The entry and the explanation help the reviewer; the review works without them.
  const [entry, match] = await Promise.all([
    getJson<EntryView>(`/lists/entries/${encodeURIComponent(alert.entryId)}`).catch(
      () => undefined,
    ),
    sendJson<{ explanation: MatchExplanation }>('/match', {
      name1: counterparty.name,
      name2: alert.matchedName,
      type: counterparty.kind === 'person' ? 'individual' : 'entity',
    }).catch(() => undefined),
  ]);
  return { alert, notes, counterparty, entry, explanation: match?.explanation };
}

/** The alert review page. */
export function AlertPage() {
  const { t, percent } = useI18n();
  const id = useParams().id ?? '';
  const loaded = useLoad(() => loadReview(id), [id]);
  const review = loaded.data;
  return (
    <>
      <p>
        <Link to="/alerts">{t('alerts.back')}</Link>
      </p>
      <h1>{t('alerts.open', { id })}</h1>
      <ErrorMessage error={loaded.error} />
      {loaded.loading && review === undefined ? <Loading /> : null}
      {review === undefined ? null : (
        <>
          <p className="muted">
            {word(t, ALERT_STATE_KEYS, review.alert.state)} · {t('batch.score')}{' '}
            {percent(review.alert.score)}
          </p>
          <SideBySide review={review} />
          {review.explanation === undefined ? null : (
            <section aria-labelledby="why-heading">
              <h2 id="why-heading">{t('alerts.why')}</h2>
              <ExplanationView explanation={review.explanation} id="alert" />
            </section>
          )}
          <Decision alert={review.alert} onChange={loaded.reload} />
          <Documents alert={review.alert} />
          <Notes notes={review.notes} />
        </>
      )}
    </>
  );
}

function SideBySide({ review }: { readonly review: Review }) {
  const { t } = useI18n();
  const { counterparty, entry, alert } = review;
  const listed = entry?.entry;
  const countries =
    listed === undefined
      ? ''
      : factText([...listOf(listed.nationalities), ...listOf(listed.citizenships)]);
  const rows: readonly [string, string, string][] = [
    [t('screening.name'), counterparty.name, listed?.name ?? alert.entryName],
    [
      t('field.aliases'),
      counterparty.aliases.join('; '),
      listed === undefined ? '' : factText(listed.aliases.map((a) => a.name)),
    ],
    [
      t('screening.dob'),
      counterparty.dob ?? '',
      listed === undefined ? '' : factText(listed.birthDates),
    ],
    [t('screening.country'), counterparty.country ?? '', countries],
    [
      t('field.documents'),
      counterparty.documents.map((d) => `${d.type} ${d.number}`).join('; '),
      listed === undefined ? '' : factText(listed.documents),
    ],
    [t('field.programs'), '', listed?.programs.join(', ') ?? ''],
  ];
  return (
    <table className="side-by-side">
      <caption>{t('alerts.sideBySide')}</caption>
      <thead>
        <tr>
          <td />
          <th scope="col">
            {t('alerts.counterparty')} <span className="muted">({counterparty.externalId})</span>
          </th>
          <th scope="col">
            <Link to={`/lists/entries/${encodeURIComponent(alert.entryId)}`}>
              {t('alerts.listEntry')}
            </Link>{' '}
            <span className="muted">({alert.entryId})</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, ours, theirs]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{ours === '' ? '—' : ours}</td>
            <td>{theirs === '' ? '—' : theirs}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

/** Start the review, propose a decision, or approve/reject the pending one, as the state allows. */
function Decision({ alert, onChange }: { readonly alert: Alert; readonly onChange: () => void }) {
  const { t } = useI18n();
  const { actor, can } = useSession();
  const [decision, setDecision] = useState<'confirm' | 'clear'>('clear');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const act = async (path: string, body?: unknown) => {
    setError(undefined);
    try {
      await sendJson(`/alerts/${alert.id}/${path}`, body);
      setReason('');
      onChange();
    } catch (failure) {
      setError(failure);
    }
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void act('propose', { decision, reason });
  };
  const reasonField = (
    <label className="wide">
      {t('alerts.reason')}
      <textarea
        required
        rows={3}
        value={reason}
        onChange={(event) => {
          setReason(event.target.value);
        }}
      />
    </label>
  );
  let body;
  if (alert.state === 'open') {
    body = can('alert.review') ? (
      <button type="button" className="primary" onClick={() => void act('review')}>
        {t('alerts.startReview')}
      </button>
    ) : null;
  } else if (alert.state === 'in_review' && alert.pending === null) {
    body = can('alert.review') ? (
      <form className="grid-form" onSubmit={submit} aria-label={t('alerts.propose')}>
        <fieldset className="wide checkboxes">
          <legend>{t('alerts.decision')}</legend>
          {(['clear', 'confirm'] as const).map((value) => (
            <label key={value} className="check">
              <input
                type="radio"
                name="decision"
                value={value}
                checked={decision === value}
                onChange={() => {
                  setDecision(value);
                }}
              />
              {t(value === 'clear' ? 'alerts.clear' : 'alerts.confirm')}
            </label>
          ))}
        </fieldset>
        {reasonField}
        <div className="actions">
          <button type="submit" className="primary">
            {t('alerts.propose')}
          </button>
        </div>
      </form>
    ) : null;
  } else if (alert.pending !== null) {
    const own = alert.pending.by === actor?.id;
    body = (
      <>
        <p>
          {t(alert.pending.decision === 'clear' ? 'alerts.pendingClear' : 'alerts.pendingConfirm', {
            reason: alert.pending.reason,
          })}
        </p>
        {own || !can('alert.approve') ? (
          <p className="muted">{t('alerts.secondReviewer')}</p>
        ) : (
          <form
            className="grid-form"
            aria-label={t('alerts.approval')}
            onSubmit={(event) => {
              event.preventDefault();
              void act('approve', { reason });
            }}
          >
            {reasonField}
            <div className="actions">
              <button type="submit" className="primary">
                {t('alerts.approve')}
              </button>
              <button
                type="button"
                disabled={reason === ''}
                onClick={() => void act('reject', { reason })}
              >
                {t('alerts.reject')}
              </button>
            </div>
          </form>
        )}
      </>
    );
  } else {
    body = (
      <p role="status">
        {t('alerts.decided', {
          state: word(t, ALERT_STATE_KEYS, alert.state),
          reason: alert.decisionReason ?? alert.closedReason ?? '',
        })}
      </p>
    );
  }
  return (
    <section aria-labelledby="decision-heading" className="card">
      <h2 id="decision-heading">{t('alerts.decision')}</h2>
      {body}
      <ErrorMessage error={error} />
    </section>
  );
}

/** Certificates and evidence, generated by the server in the page's language. */
function Documents({ alert }: { readonly alert: Alert }) {
  const { t, language } = useI18n();
  const { can } = useSession();
  const links = [
    {
      href: `/evidence/counterparties/${alert.counterpartyId}/certificate${query({ format: 'pdf', lang: language })}`,
      label: t('alerts.certificate'),
      shown: can('alert.read'),
    },
    {
      href: `/evidence/alerts/${alert.id}/pack${query({ format: 'pdf', lang: language })}`,
      label: t('alerts.evidencePdf'),
      shown: can('record.export'),
    },
    {
      href: `/evidence/alerts/${alert.id}/pack${query({ format: 'json', lang: language })}`,
      label: t('alerts.evidenceJson'),
      shown: can('record.export'),
    },
    {
      href: `/evidence/alerts/${alert.id}/ros-draft${query({ lang: language })}`,
      label: t('alerts.rosDraft'),
      shown: can('record.export') && alert.state === 'confirmed',
    },
  ].filter((link) => link.shown);
  if (links.length === 0) {
    return null;
  }
  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t('alerts.documents')}</h2>
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href} download>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Notes({ notes }: { readonly notes: readonly AlertNote[] }) {
  const { t, dateTime } = useI18n();
  return (
    <section aria-labelledby="notes-heading">
      <h2 id="notes-heading">{t('alerts.history')}</h2>
      {notes.length === 0 ? <p>{t('entry.none')}</p> : null}
      <ol className="plain">
        {notes.map((note) => (
          <li key={note.id}>
            {dateTime(note.at)} · <code>{note.actorId}</code> · <code>{note.kind}</code>:{' '}
            {note.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
