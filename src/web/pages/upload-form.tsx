/**
 * Upload of list files (OFAC CSV, UN XML, an agency list) as a new publication.
 *
 * @module
 */
import { useState, type SubmitEvent } from 'react';

import { query, request } from '../http/client.js';
import type { IngestResult } from '../http/types.js';
import { ErrorMessage } from '../components/feedback.js';
import { useI18n } from '../i18n/i18n.js';

/** The upload form; `onIngested` runs after a successful ingest. */
export function UploadForm({ onIngested }: { readonly onIngested: () => void }) {
  const { t, date, number } = useI18n();
  const [files, setFiles] = useState<readonly File[]>([]);
  const [publishedAt, setPublishedAt] = useState('');
  const [result, setResult] = useState<IngestResult>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const body = new FormData();
    for (const file of files) {
      body.append('file', file, file.name);
    }
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const response = await request(`/lists/publications${query({ publishedAt })}`, {
        method: 'POST',
        body,
      });
      setResult((await response.json()) as IngestResult);
      onIngested();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="upload-heading">
      <h2 id="upload-heading">{t('upload.title')}</h2>
      <form className="grid-form" onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <label className="wide">
          {t('upload.files')}
          <input
            type="file"
            name="file"
            multiple
            required
            onChange={(event) => {
              setFiles([...(event.target.files ?? [])]);
            }}
          />
        </label>
        <label>
          {t('upload.publishedAt')}
          <input
            type="date"
            name="publishedAt"
            value={publishedAt}
            onChange={(event) => {
              setPublishedAt(event.target.value);
            }}
          />
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('upload.submit')}
          </button>
        </div>
      </form>
      <ErrorMessage error={error} />
      {result === undefined ? null : (
        <div role="status">
          <ul>
            {result.publications.map(({ created, publication }) => (
              <li key={publication.id}>
                {t(created ? 'upload.created' : 'upload.known', {
                  source: publication.source,
                  date: date(publication.publishedAt),
                  entries: number(publication.entryCount),
                })}
              </li>
            ))}
          </ul>
          {result.unclaimed.length > 0 ? (
            <p className="error">{t('upload.unclaimed', { files: result.unclaimed.join(', ') })}</p>
          ) : null}
        </div>
      )}
    </section>
  );
}
