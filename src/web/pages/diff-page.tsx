/**
 * The diff between two publications of one source: entries added, removed and changed, each
 * changed field shown before and after with the difference highlighted.
 *
 * @module
 */
import { Link, useSearchParams } from 'react-router';

import { getJson, query } from '../http/client.js';
import type { EntrySummary, FieldChange, PublicationDiff } from '../http/types.js';
import { ENTRY_FIELD_KEYS, factText } from '../components/entry-fields.js';
import { ErrorMessage, Loading, useLoad } from '../components/feedback.js';
import { useI18n } from '../i18n/i18n.js';

/** The diff page: `?from=&to=` are publication references. */
export function DiffPage() {
  const { t, date, number } = useI18n();
  const [params] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const diff = useLoad(
    () => getJson<PublicationDiff>(`/lists/diff${query({ from, to })}`),
    [from, to],
  );
  const data = diff.data;
  return (
    <>
      <p>
        <Link to="/lists">{t('diff.back')}</Link>
      </p>
      <h1>{t('diff.title')}</h1>
      <ErrorMessage error={diff.error} />
      {diff.loading ? <Loading /> : null}
      {data === undefined ? null : (
        <>
          <p>
            {t('diff.between', {
              source: data.to.source,
              from: date(data.from.publishedAt),
              to: date(data.to.publishedAt),
            })}
          </p>
          <ul className="counts" aria-label={t('diff.countsLabel')}>
            <li className="added">{t('diff.addedCount', { count: number(data.counts.added) })}</li>
            <li className="removed">
              {t('diff.removedCount', { count: number(data.counts.removed) })}
            </li>
            <li className="changed">
              {t('diff.changedCount', { count: number(data.counts.changed) })}
            </li>
            <li>{t('diff.unchangedCount', { count: number(data.counts.unchanged) })}</li>
          </ul>
          <EntryTable title={t('diff.added')} entries={data.added} at={String(data.to.id)} />
          <EntryTable title={t('diff.removed')} entries={data.removed} at={String(data.from.id)} />
          <section aria-labelledby="changed-heading">
            <h2 id="changed-heading">{t('diff.changed')}</h2>
            {data.changed.length === 0 ? <p>{t('diff.nothing')}</p> : null}
            {data.changed.map((entry) => (
              <article key={entry.entryId} className="card" aria-labelledby={`c-${entry.entryId}`}>
                <h3 id={`c-${entry.entryId}`}>
                  <EntryLink entry={entry} at={String(data.to.id)} />
                </h3>
                <ChangeTable changes={entry.changes} />
              </article>
            ))}
          </section>
        </>
      )}
    </>
  );
}

function EntryLink({ entry, at }: { readonly entry: EntrySummary; readonly at: string }) {
  return (
    <Link to={`/lists/entries/${encodeURIComponent(entry.entryId)}${query({ at })}`}>
      {entry.name}
    </Link>
  );
}

function EntryTable({
  title,
  entries,
  at,
}: {
  readonly title: string;
  readonly entries: readonly EntrySummary[];
  readonly at: string;
}) {
  const { t } = useI18n();
  return (
    <section>
      <h2>{title}</h2>
      {entries.length === 0 ? (
        <p>{t('diff.nothing')}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">{t('entry.id')}</th>
              <th scope="col">{t('field.programs')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.entryId}>
                <td>
                  <EntryLink entry={entry} at={at} />
                </td>
                <td>{entry.entryId}</td>
                <td>{entry.programs.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ChangeTable({ changes }: { readonly changes: readonly FieldChange[] }) {
  const { t } = useI18n();
  return (
    <table className="changes">
      <caption className="visually-hidden">{t('diff.changesCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('diff.field')}</th>
          <th scope="col">{t('diff.before')}</th>
          <th scope="col">{t('diff.after')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.field}>
            <th scope="row">{t(ENTRY_FIELD_KEYS[change.field] ?? 'field.other')}</th>
            <td>
              <ChangedValue value={change.before} items={change.itemsRemoved} kind="removed" />
            </td>
            <td>
              <ChangedValue value={change.after} items={change.itemsAdded} kind="added" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * One side of a change. For list fields the items only on this side are highlighted (`<del>`
 * before, `<ins>` after) and the others shown plainly; a scalar field is highlighted whole.
 */
function ChangedValue({
  value,
  items,
  kind,
}: {
  readonly value: unknown;
  readonly items: readonly unknown[] | undefined;
  readonly kind: 'added' | 'removed';
}) {
  const { t } = useI18n();
  if (!Array.isArray(value)) {
    const text = factText(value);
    return text === '' ? (
      <span className="muted">{t('diff.empty')}</span>
    ) : (
      <Marked kind={kind}>{text}</Marked>
    );
  }
  const highlighted = new Set((items ?? []).map((item) => JSON.stringify(item)));
  if (value.length === 0) {
    return <span className="muted">{t('diff.empty')}</span>;
  }
  return (
    <ul className="plain">
      {value.map((item: unknown, index) => {
        const text = factText(item);
        return (
          <li key={index}>
            {highlighted.has(JSON.stringify(item)) ? <Marked kind={kind}>{text}</Marked> : text}
          </li>
        );
      })}
    </ul>
  );
}

/** Text only on one side of a change: `<ins>` after, `<del>` before. */
function Marked({
  kind,
  children,
}: {
  readonly kind: 'added' | 'removed';
  readonly children: string;
}) {
  const { t } = useI18n();
  const Tag = kind === 'added' ? 'ins' : 'del';
  // <ins>/<del> are not announced by every screen reader; the hidden word is.
  return (
    <Tag>
      <span className="visually-hidden">
        {t(kind === 'added' ? 'diff.addedMark' : 'diff.removedMark')}{' '}
      </span>
      {children}
    </Tag>
  );
}
