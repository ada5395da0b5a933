/**
 * The lists: every source with its current publication, the publications of one source (with a
 * form to compare two), and — for those who may ingest — an upload of a new publication.
 *
 * @module
 */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';

import { getJson, query } from '../http/client.js';
import type { Publication, SourceStatus } from '../http/types.js';
import { useSession } from '../auth/session.js';
import { ErrorMessage, Loading, useLoad } from '../components/feedback.js';
import { useI18n } from '../i18n/i18n.js';
import { DiffForm } from './diff-form.js';
import { UploadForm } from './upload-form.js';

/** The lists page. `?source=` selects the source whose publications are shown. */
export function ListsPage() {
  const { t, date, number } = useI18n();
  const { can } = useSession();
  const status = useLoad(() => getJson<{ sources: SourceStatus[] }>('/lists'), []);
  const [params, setParams] = useSearchParams();
  // Each ingest re-reads the publications too.
  const [ingests, setIngests] = useState(0);
  const onIngested = () => {
    status.reload();
    setIngests((count) => count + 1);
  };
  const sources = status.data?.sources ?? [];
  const selected = params.get('source') ?? sources[0]?.source ?? '';
  return (
    <>
      <h1>{t('lists.title')}</h1>
      <ErrorMessage error={status.error} />
      {status.loading && status.data === undefined ? <Loading /> : null}
      <table>
        <caption>{t('lists.sourcesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('lists.source')}</th>
            <th scope="col">{t('lists.current')}</th>
            <th scope="col">{t('lists.entries')}</th>
            <th scope="col">{t('lists.publications')}</th>
            <th scope="col">{t('lists.warnings')}</th>
          </tr>
        </thead>
        <tbody>
          {sources.map((source) => (
            <tr key={source.source}>
              <th scope="row">
                <button
                  type="button"
                  className="link"
                  aria-pressed={source.source === selected}
                  onClick={() => {
                    setParams({ source: source.source });
                  }}
                >
                  {source.source}
                </button>
              </th>
              <td>{date(source.current.publishedAt)}</td>
              <td>{number(source.current.entryCount)}</td>
              <td>{number(source.publications)}</td>
              <td>{number(source.current.report.warnings.length)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {sources.length === 0 && !status.loading ? <p>{t('lists.none')}</p> : null}
      {selected === '' ? null : <Publications key={`${selected}:${ingests}`} source={selected} />}
      {can('list.ingest') ? <UploadForm onIngested={onIngested} /> : null}
    </>
  );
}

function Publications({ source }: { readonly source: string }) {
  const { t, date, dateTime, number } = useI18n();
  const loaded = useLoad(
    () => getJson<{ publications: Publication[] }>(`/lists/publications${query({ source })}`),
    [source],
  );
  const publications = loaded.data?.publications ?? [];
  return (
    <section aria-labelledby="publications-heading">
      <h2 id="publications-heading">{t('lists.publicationsOf', { source })}</h2>
      <ErrorMessage error={loaded.error} />
      <table>
        <caption className="visually-hidden">{t('lists.publicationsOf', { source })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('lists.publishedAt')}</th>
            <th scope="col">{t('lists.ingestedAt')}</th>
            <th scope="col">{t('lists.entries')}</th>
            <th scope="col">{t('lists.files')}</th>
            <th scope="col">{t('lists.compare')}</th>
          </tr>
        </thead>
        <tbody>
          {publications.map((publication, index) => {
            const previous = publications[index + 1];
            return (
              <tr key={publication.id}>
                <td>{date(publication.publishedAt)}</td>
                <td>{dateTime(publication.ingestedAt)}</td>
                <td>{number(publication.entryCount)}</td>
                <td>{publication.files.join(', ')}</td>
                <td>
                  {previous === undefined ? (
                    '—'
                  ) : (
                    <Link to={`/lists/diff${query({ from: previous.id, to: publication.id })}`}>
                      {t('lists.diffWithPrevious', { date: date(previous.publishedAt) })}
                    </Link>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {publications.length > 1 ? <DiffForm publications={publications} /> : null}
    </section>
  );
}
