/**
 * Batch screening of a CSV file: the rows are read in the browser, screened by the server as a
 * stream, shown with a progress bar, and offered as a CSV to download.
 *
 * @module
 */
import { useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';

import type { BatchResultLine } from '../http/types.js';
import { readBatchCsv, resultsCsv } from '../batch/csv.js';
import { streamBatch } from '../batch/stream-batch.js';
import { ErrorMessage } from '../components/feedback.js';
import { useI18n } from '../i18n/i18n.js';

/** Rows shown on the page; the download has them all. */
const SHOWN_ROWS = 200;

type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly total: number; readonly done: number }
  | { readonly kind: 'done'; readonly results: readonly BatchResultLine[]; readonly file: string };

/** The batch page. */
export function BatchPage() {
  const { t, number } = useI18n();
  const [file, setFile] = useState<File>();
  const [threshold, setThreshold] = useState('0.8');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<unknown>();
  const [problem, setProblem] = useState<string>();
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (file === undefined) {
      return;
    }
    setError(undefined);
    setProblem(undefined);
    const read = readBatchCsv(await file.text());
    if (!read.ok) {
      setProblem(read.problem === 'empty' ? t('batch.emptyFile') : t('batch.noNameColumn'));
      return;
    }
    const total = read.queries.length;
    setPhase({ kind: 'running', total, done: 0 });
    try {
      const results = await streamBatch(read.queries, Number(threshold) || 0.8, (done) => {
        setPhase({ kind: 'running', total, done });
      });
      setPhase({ kind: 'done', results, file: file.name });
    } catch (failure) {
      setError(failure);
      setPhase({ kind: 'idle' });
    }
  };
  return (
    <>
      <h1>{t('batch.title')}</h1>
      <p className="muted">{t('batch.intro')}</p>
      <form className="grid-form" onSubmit={(event) => void submit(event)}>
        <label className="wide">
          {t('batch.file')}
          <input
            type="file"
            name="file"
            accept=".csv,text/csv"
            required
            onChange={(event) => {
              setFile(event.target.files?.[0]);
            }}
          />
        </label>
        <label>
          {t('screening.threshold')}
          <input
            type="number"
            min="0"
            max="1"
            step="0.05"
            value={threshold}
            onChange={(event) => {
              setThreshold(event.target.value);
            }}
          />
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={phase.kind === 'running'}>
            {t('batch.submit')}
          </button>
        </div>
      </form>
      {problem === undefined ? null : (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <ErrorMessage error={error} />
      {phase.kind === 'running' ? (
        <div className="progress">
          <label>
            {t('batch.progress', { done: number(phase.done), total: number(phase.total) })}
            <progress max={phase.total} value={phase.done} />
          </label>
        </div>
      ) : null}
      {phase.kind === 'done' ? <BatchResults results={phase.results} file={phase.file} /> : null}
    </>
  );
}

function BatchResults({
  results,
  file,
}: {
  readonly results: readonly BatchResultLine[];
  readonly file: string;
}) {
  const { t, number, percent } = useI18n();
  const download = () => {
    const url = URL.createObjectURL(new Blob([resultsCsv(results)], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${file.replace(/\.csv$/i, '')}-results.csv`;
    link.click();
    // The browser has taken the file once the click is handled.
    setTimeout(() => {
      URL.revokeObjectURL(url);
    }, 0);
  };
  const matched = results.filter((result) => (result.matches?.length ?? 0) > 0).length;
  const failed = results.filter((result) => result.error !== undefined).length;
  return (
    <section aria-labelledby="batch-results">
      <h2 id="batch-results">{t('batch.results')}</h2>
      <p role="status">
        {t('batch.summary', {
          total: number(results.length),
          matched: number(matched),
          failed: number(failed),
        })}
      </p>
      <button type="button" className="primary" onClick={download}>
        {t('batch.download')}
      </button>
      <table>
        <caption>
          {t('batch.tableCaption', { shown: number(Math.min(SHOWN_ROWS, results.length)) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('batch.row')}</th>
            <th scope="col">{t('batch.ref')}</th>
            <th scope="col">{t('screening.name')}</th>
            <th scope="col">{t('batch.bestMatch')}</th>
            <th scope="col">{t('batch.score')}</th>
          </tr>
        </thead>
        <tbody>
          {results.slice(0, SHOWN_ROWS).map((result) => {
            const best = result.matches?.[0];
            return (
              <tr key={result.line}>
                <td>{number(result.line)}</td>
                <td>{result.ref ?? ''}</td>
                <td>{result.name ?? ''}</td>
                <td>
                  {result.error !== undefined ? (
                    <span className="error-text">
                      {t('batch.rowError')} <code lang="en">{result.error}</code>
                    </span>
                  ) : best === undefined ? (
                    t('batch.noMatch')
                  ) : (
                    <Link to={`/lists/entries/${encodeURIComponent(best.entryId)}`}>
                      {best.name}
                    </Link>
                  )}
                </td>
                <td>{best === undefined ? '' : percent(best.score)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
