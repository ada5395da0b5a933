/**
 * One list entry: its names, every parsed fact, aliases, documents, links to linked entries,
 * and its history across publications (each version viewable).
 *
 * @module
 */
import { Link, useParams, useSearchParams } from 'react-router';

import { getJson, query } from '../http/client.js';
import type { EntryView, Fact } from '../http/types.js';
import { ENTRY_FIELD_KEYS, factText } from '../components/entry-fields.js';
import { ErrorMessage, Loading, useLoad } from '../components/feedback.js';
import { useI18n } from '../i18n/i18n.js';
import { ENTITY_TYPE_KEYS } from './screening-page.js';

/** Fields with their own table, or shown in the heading. */
const SHOWN_APART = new Set([
  'source',
  'sourceId',
  'name',
  'entityType',
  'programs',
  'aliases',
  'documents',
  'links',
]);

/** The entry page: `/lists/entries/:entryId?at=<publication>`. */
export function EntryPage() {
  const { t, date } = useI18n();
  const entryId = useParams().entryId ?? '';
  const [params] = useSearchParams();
  const at = params.get('at') ?? undefined;
  const loaded = useLoad(
    () => getJson<EntryView>(`/lists/entries/${encodeURIComponent(entryId)}${query({ at })}`),
    [entryId, at],
  );
  const view = loaded.data;
  return (
    <>
      <p>
        <Link to="/lists">{t('diff.back')}</Link>
      </p>
      <ErrorMessage error={loaded.error} />
      {loaded.loading ? <Loading /> : null}
      {view === undefined ? null : (
        <>
          <h1>{view.entry.name}</h1>
          <p className="muted">
            {view.entryId} · {t(ENTITY_TYPE_KEYS[view.entry.entityType])} ·{' '}
            {view.entry.programs.join(', ')} ·{' '}
            {t('entry.asPublished', {
              source: view.publication.source,
              date: date(view.publication.publishedAt),
            })}
          </p>
          {'marking' in view.entry ? (
            <p>
              <Link to={`/lists/entries/${encodeURIComponent(view.entryId)}/marking`}>
                {t('marking.link')}
              </Link>
            </p>
          ) : null}
          <Aliases aliases={view.entry.aliases} />
          <Documents documents={view.entry.documents} />
          <Links links={view.entry.links} source={view.entry.source} />
          <Facts view={view} />
          <History view={view} />
        </>
      )}
    </>
  );
}

function Aliases({ aliases }: { readonly aliases: readonly Fact[] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="aliases-heading">
      <h2 id="aliases-heading">{t('field.aliases')}</h2>
      {aliases.length === 0 ? (
        <p>{t('entry.none')}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t('field.aliases')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">{t('entry.aliasType')}</th>
              <th scope="col">{t('entry.strength')}</th>
            </tr>
          </thead>
          <tbody>
            {aliases.map((alias, index) => (
              <tr key={index}>
                <td>{factText(alias.name)}</td>
                <td>{factText(alias.type)}</td>
                <td>{alias.strength === 'weak' ? t('entry.weak') : t('entry.strong')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Documents({ documents }: { readonly documents: readonly Fact[] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t('field.documents')}</h2>
      {documents.length === 0 ? (
        <p>{t('entry.none')}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t('field.documents')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('entry.documentType')}</th>
              <th scope="col">{t('entry.documentNumber')}</th>
              <th scope="col">{t('entry.documentCountry')}</th>
              <th scope="col">{t('entry.checkDigit')}</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((document, index) => (
              <tr key={index}>
                <td>{factText(document.label)}</td>
                <td>{factText(document.number)}</td>
                <td>{factText(document.country)}</td>
                <td>
                  {document.checkDigitValid === undefined
                    ? '—'
                    : document.checkDigitValid === true
                      ? t('entry.valid')
                      : t('entry.invalid')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Links({ links, source }: { readonly links: readonly Fact[]; readonly source: string }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="links-heading">
      <h2 id="links-heading">{t('field.links')}</h2>
      {links.length === 0 ? (
        <p>{t('entry.none')}</p>
      ) : (
        <ul>
          {links.map((link, index) => {
            const target =
              typeof link.targetSourceId === 'string' ? link.targetSourceId : undefined;
            const name = factText(link.name);
            return (
              <li key={index}>
                {factText(link.relation)}:{' '}
                {target === undefined ? (
                  name
                ) : (
                  <Link to={`/lists/entries/${encodeURIComponent(`${source}:${target}`)}`}>
                    {name}
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** Every other parsed fact, field by field, in the source's own wording. */
function Facts({ view }: { readonly view: EntryView }) {
  const { t } = useI18n();
  const fields = Object.entries(view.entry).filter(
    ([field, value]) =>
      !SHOWN_APART.has(field) &&
      value !== undefined &&
      !(Array.isArray(value) && value.length === 0),
  );
  return (
    <section aria-labelledby="facts-heading">
      <h2 id="facts-heading">{t('entry.facts')}</h2>
      <dl className="facts-list">
        {fields.map(([field, value]) => (
          <div key={field}>
            <dt>{t(ENTRY_FIELD_KEYS[field] ?? 'field.other')}</dt>
            {Array.isArray(value) ? (
              value.map((item: unknown, index) => <dd key={index}>{factText(item)}</dd>)
            ) : (
              <dd>{factText(value)}</dd>
            )}
          </div>
        ))}
      </dl>
    </section>
  );
}

function History({ view }: { readonly view: EntryView }) {
  const { t, date } = useI18n();
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('entry.history')}</h2>
      <table>
        <caption className="visually-hidden">{t('entry.history')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('lists.publishedAt')}</th>
            <th scope="col">{t('entry.version')}</th>
            <th scope="col">{t('entry.change')}</th>
          </tr>
        </thead>
        <tbody>
          {view.history.map((item, index) => (
            <tr
              key={item.publicationId}
              aria-current={item.publicationId === view.publication.id ? 'true' : undefined}
            >
              <td>
                <Link
                  to={`/lists/entries/${encodeURIComponent(view.entryId)}${query({ at: item.publicationId })}`}
                >
                  {date(item.publishedAt)}
                </Link>
              </td>
              <td>
                <code>{item.versionHash.slice(0, 12)}</code>
              </td>
              <td>
                {index === 0
                  ? t('entry.firstListed')
                  : item.changed
                    ? t('entry.changed')
                    : t('entry.unchanged')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
