/**
 * The marking of a marked list entry (agency lists): the current marking with its banner, every
 * change made to it, and a form to change it. Raising is open to readers with the list write
 * permission; any other change is a lowering, which only the originating organization may make
 * (the server decides and answers why not). An entry the caller may not read is not found.
 *
 * @module
 */
import { useState, type SubmitEvent } from 'react';
import { Link, useParams } from 'react-router';

import { CheckboxGroup } from '../components/checkbox-group.js';
import { ErrorMessage, Loading, useLoad } from '../components/feedback.js';
import { TextField } from '../components/text-field.js';
import { CLEARANCE_KEYS } from '../components/vocabulary.js';
import { getJson, sendJson } from '../http/client.js';
import { useI18n } from '../i18n/i18n.js';

/** A marking as the API shows it. */
export interface MarkingView {
  readonly classification: string;
  readonly originators: readonly { readonly organizationId: string; readonly country: string }[];
  readonly releasableTo: {
    readonly countries: readonly string[];
    readonly organizations: readonly string[];
  };
  readonly caveats: readonly string[];
  readonly tlp: string;
  readonly banner: string;
}

/** `GET /lists/entries/{entryId}/marking`. */
interface EntryMarking {
  readonly entryId: string;
  readonly marking: MarkingView;
  readonly changes: readonly {
    readonly id: number;
    readonly kind: 'raise' | 'lower';
    readonly previous: MarkingView;
    readonly marking: MarkingView;
    readonly reason: string;
    readonly actorId: string;
    readonly organizationId: string;
    readonly changedAt: string;
  }[];
}

const LEVELS = ['unclassified', 'restricted', 'confidential', 'secret', 'top-secret'] as const;
const TLP = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
const CAVEATS = ['ORCON', 'NOFORN'] as const;

/** The form's fields: lists as comma-separated text. */
interface Form {
  readonly classification: string;
  readonly tlp: string;
  readonly countries: string;
  readonly organizations: string;
  readonly caveats: readonly string[];
  readonly reason: string;
}

function formOf(marking: MarkingView): Form {
  return {
    classification: marking.classification,
    tlp: marking.tlp,
    countries: marking.releasableTo.countries.join(', '),
    organizations: marking.releasableTo.organizations.join(', '),
    caveats: marking.caveats,
    reason: '',
  };
}

function listOf(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** The page: `/lists/entries/:entryId/marking`. */
export function EntryMarkingPage() {
  const { t, dateTime } = useI18n();
  const entryId = useParams().entryId ?? '';
  const path = `/lists/entries/${encodeURIComponent(entryId)}/marking`;
  const loaded = useLoad(() => getJson<EntryMarking>(path), [path]);
  const [form, setForm] = useState<Form>();
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const view = loaded.data;
  const current = form ?? (view === undefined ? undefined : formOf(view.marking));
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (current === undefined) {
      return;
    }
    setError(undefined);
    setSaved(false);
    try {
      await sendJson(
        path,
        {
          marking: {
            classification: current.classification,
            tlp: current.tlp,
            releasableTo: {
              countries: listOf(current.countries).map((c) => c.toUpperCase()),
              organizations: listOf(current.organizations),
            },
            caveats: current.caveats,
          },
          reason: current.reason,
        },
        'PUT',
      );
      setForm(undefined);
      setSaved(true);
      loaded.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  const set = (change: Partial<Form>) => {
    if (current !== undefined) {
      setForm({ ...current, ...change });
    }
  };
  return (
    <>
      <p>
        <Link to={`/lists/entries/${encodeURIComponent(entryId)}`}>{t('marking.back')}</Link>
      </p>
      <h1>{t('marking.title', { entryId })}</h1>
      <ErrorMessage error={loaded.error} />
      {loaded.loading ? <Loading /> : null}
      {view === undefined || current === undefined ? null : (
        <>
          <p className="marking-banner">
            <strong>{view.marking.banner}</strong>
          </p>
          <p className="muted">
            {t('marking.originators', {
              names: view.marking.originators.map((o) => o.organizationId).join(', '),
            })}
          </p>
          <p className="muted">{t('marking.rules')}</p>
          <form className="stack narrow" onSubmit={(event) => void submit(event)}>
            <label>
              {t('marking.classification')}
              <select
                value={current.classification}
                onChange={(event) => {
                  set({ classification: event.target.value });
                }}
              >
                {LEVELS.map((level) => (
                  <option key={level} value={level}>
                    {t(CLEARANCE_KEYS[level] ?? 'clearance.unclassified')}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('marking.tlp')}
              <select
                value={current.tlp}
                onChange={(event) => {
                  set({ tlp: event.target.value });
                }}
              >
                {TLP.map((label) => (
                  <option key={label} value={label}>
                    TLP:{label}
                  </option>
                ))}
              </select>
            </label>
            <TextField
              label={t('marking.countries')}
              hint={t('marking.countriesHint')}
              value={current.countries}
              onChange={(countries) => {
                set({ countries });
              }}
            />
            <TextField
              label={t('marking.organizations')}
              hint={t('marking.organizationsHint')}
              value={current.organizations}
              onChange={(organizations) => {
                set({ organizations });
              }}
            />
            <CheckboxGroup
              legend={t('marking.caveats')}
              options={CAVEATS.map((caveat) => ({ value: caveat, label: caveat }))}
              selected={current.caveats}
              onChange={(caveats) => {
                set({ caveats });
              }}
            />
            <TextField
              label={t('marking.reason')}
              required
              value={current.reason}
              onChange={(reason) => {
                set({ reason });
              }}
            />
            <ErrorMessage error={error} />
            {saved ? <p role="status">{t('marking.saved')}</p> : null}
            <div className="actions">
              <button type="submit" className="primary">
                {t('marking.submit')}
              </button>
            </div>
          </form>
          <h2>{t('marking.history')}</h2>
          {view.changes.length === 0 ? (
            <p>{t('marking.noChanges')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('marking.when')}</th>
                  <th scope="col">{t('marking.kind')}</th>
                  <th scope="col">{t('marking.from')}</th>
                  <th scope="col">{t('marking.to')}</th>
                  <th scope="col">{t('marking.who')}</th>
                  <th scope="col">{t('marking.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {view.changes.map((change) => (
                  <tr key={change.id}>
                    <td>{dateTime(change.changedAt)}</td>
                    <td>{t(change.kind === 'raise' ? 'marking.raised' : 'marking.lowered')}</td>
                    <td>{change.previous.banner}</td>
                    <td>{change.marking.banner}</td>
                    <td>
                      {change.organizationId} · {change.actorId}
                    </td>
                    <td>{change.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  );
}
