/**
 * Screening of one name, with optional date of birth, country, document and type; the matches
 * ranked by score, each with its explanation.
 *
 * @module
 */
import { useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';

import { sendJson } from '../http/client.js';
import type { EntityType, ScreeningMatch, ScreeningResult } from '../http/types.js';
import { ErrorMessage } from '../components/feedback.js';
import { ExplanationView } from '../components/explanation-view.js';
import { ListVersions } from '../components/list-versions.js';
import { TextField } from '../components/text-field.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages-en.js';

/** Keys of the entity type names. */
export const ENTITY_TYPE_KEYS: Readonly<Record<EntityType, MessageKey>> = {
  individual: 'entityType.individual',
  entity: 'entityType.entity',
  vessel: 'entityType.vessel',
  aircraft: 'entityType.aircraft',
};

const NAME_KIND_KEYS: Readonly<Record<ScreeningMatch['matchedNameKind'], MessageKey>> = {
  primary: 'nameKind.primary',
  alias: 'nameKind.alias',
  'weak-alias': 'nameKind.weak-alias',
};

interface Form {
  name: string;
  dob: string;
  country: string;
  document: string;
  type: EntityType | '';
  threshold: string;
}

const EMPTY: Form = { name: '', dob: '', country: '', document: '', type: '', threshold: '0.8' };

/** The screening page. */
export function ScreeningPage() {
  const { t } = useI18n();
  const [form, setForm] = useState<Form>(EMPTY);
  const [result, setResult] = useState<ScreeningResult>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const set = (field: keyof Form) => (value: string) => {
    setForm((previous) => ({ ...previous, [field]: value }));
  };
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      setResult(await sendJson<ScreeningResult>('/screen', requestOf(form)));
    } catch (failure) {
      setError(failure);
      setResult(undefined);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1>{t('screening.title')}</h1>
      <form className="grid-form" onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <TextField
          label={t('screening.name')}
          value={form.name}
          onChange={set('name')}
          required
          wide
        />
        <TextField
          label={t('screening.dob')}
          hint={t('screening.dobHint')}
          value={form.dob}
          onChange={set('dob')}
        />
        <TextField label={t('screening.country')} value={form.country} onChange={set('country')} />
        <TextField
          label={t('screening.document')}
          value={form.document}
          onChange={set('document')}
        />
        <label>
          {t('screening.type')}
          <select
            value={form.type}
            onChange={(event) => {
              set('type')(event.target.value);
            }}
          >
            <option value="">{t('screening.typeAny')}</option>
            {Object.entries(ENTITY_TYPE_KEYS).map(([type, key]) => (
              <option key={type} value={type}>
                {t(key)}
              </option>
            ))}
          </select>
        </label>
        <TextField
          label={t('screening.threshold')}
          type="number"
          step="0.05"
          min="0"
          max="1"
          value={form.threshold}
          onChange={set('threshold')}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('screening.submit')}
          </button>
        </div>
      </form>
      <ErrorMessage error={error} />
      {result === undefined ? null : <Results result={result} />}
    </>
  );
}

function requestOf(form: Form) {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const threshold = Number(form.threshold);
  return {
    name: form.name,
    dob: optional(form.dob),
    country: optional(form.country),
    document: optional(form.document),
    type: form.type === '' ? undefined : form.type,
    threshold: Number.isFinite(threshold) && form.threshold !== '' ? threshold : undefined,
  };
}

function Results({ result }: { readonly result: ScreeningResult }) {
  const { t, percent } = useI18n();
  return (
    <section aria-labelledby="results-heading" className="results">
      <h2 id="results-heading">{t('screening.results')}</h2>
      <p role="status">
        {result.matches.length === 0
          ? t('screening.noMatches', { threshold: percent(result.threshold) })
          : t('screening.matchCount', { count: result.matches.length })}
      </p>
      <ListVersions lists={result.lists} />
      <ol className="matches">
        {result.matches.map((match, index) => (
          <MatchCard key={match.entryId} match={match} rank={index + 1} />
        ))}
      </ol>
    </section>
  );
}

function MatchCard({ match, rank }: { readonly match: ScreeningMatch; readonly rank: number }) {
  const { t, percent } = useI18n();
  const headingId = `match-${rank}`;
  return (
    <li className="card match" aria-labelledby={headingId}>
      <div className="match-head">
        <h3 id={headingId}>
          <Link to={`/lists/entries/${encodeURIComponent(match.entryId)}`}>{match.name}</Link>
        </h3>
        <span
          className="score"
          aria-label={t('screening.scoreLabel', { score: percent(match.score) })}
        >
          {percent(match.score)}
        </span>
      </div>
      <p className="muted">
        {match.entryId} · {t(ENTITY_TYPE_KEYS[match.entityType])} ·{' '}
        {t(NAME_KIND_KEYS[match.matchedNameKind])} · {match.programs.join(', ')}
      </p>
      <ExplanationView explanation={match.explanation} id={headingId} />
    </li>
  );
}
