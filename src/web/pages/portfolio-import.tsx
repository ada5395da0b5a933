/**
 * Import of counterparties from a CSV file: the file's columns are read in the browser and
 * mapped to the fields the server expects; a check run reports every bad row by line and field
 * without storing anything, and the import stores the good rows and screens them.
 *
 * @module
 */
import { useState, type SubmitEvent } from 'react';

import { parseCsv } from '../batch/csv.js';
import { query, request } from '../http/client.js';
import type { ImportReport, Portfolio } from '../http/types.js';
import { ErrorMessage } from '../components/feedback.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages-en.js';

/** The fields of a counterparty a column can fill, and the column names that fill each. */
const FIELDS: readonly { field: string; label: MessageKey; guesses: readonly string[] }[] = [
  {
    field: 'externalId',
    label: 'import.externalId',
    guesses: ['externalid', 'id', 'codigo', 'código', 'ref'],
  },
  { field: 'kind', label: 'import.kind', guesses: ['kind', 'tipo', 'type'] },
  {
    field: 'name',
    label: 'screening.name',
    guesses: ['name', 'nombre', 'razon_social', 'razón social'],
  },
  { field: 'dob', label: 'screening.dob', guesses: ['dob', 'fecha_nacimiento'] },
  { field: 'country', label: 'screening.country', guesses: ['country', 'pais', 'país'] },
  { field: 'cedula', label: 'import.cedula', guesses: ['cedula', 'cédula'] },
  { field: 'nit', label: 'import.nit', guesses: ['nit'] },
  { field: 'passport', label: 'import.passport', guesses: ['passport', 'pasaporte'] },
];

/** Guesses the column of each field from the header's names. */
export function guessMapping(header: readonly string[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const { field, guesses } of FIELDS) {
    const column = header.find((name) => guesses.includes(name.trim().toLowerCase()));
    if (column !== undefined) {
      mapping[field] = column;
    }
  }
  return mapping;
}

/** The import form for one of `portfolios`. */
export function ImportForm({ portfolios }: { readonly portfolios: readonly Portfolio[] }) {
  const { t, number } = useI18n();
  const [portfolioId, setPortfolioId] = useState(String(portfolios[0]?.id ?? ''));
  const [text, setText] = useState('');
  const [header, setHeader] = useState<readonly string[]>([]);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [report, setReport] = useState<ImportReport>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const choose = async (file: File | undefined) => {
    const content = file === undefined ? '' : await file.text();
    const columns = parseCsv(content)[0] ?? [];
    setText(content);
    setHeader(columns);
    setMapping(guessMapping(columns));
    setReport(undefined);
  };
  const send = async (dryRun: boolean) => {
    setBusy(true);
    setError(undefined);
    try {
      const path = `/portfolios/${portfolioId}/import${query({
        format: 'csv',
        dryRun: String(dryRun),
        mapping: JSON.stringify(mapping),
      })}`;
      const response = await request(path, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: text,
      });
      setReport((await response.json()) as ImportReport);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void send(false);
  };
  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">{t('import.title')}</h2>
      <form className="grid-form" onSubmit={submit} aria-busy={busy}>
        <label>
          {t('import.portfolio')}
          <select
            value={portfolioId}
            onChange={(event) => {
              setPortfolioId(event.target.value);
            }}
          >
            {portfolios.map((portfolio) => (
              <option key={portfolio.id} value={portfolio.id}>
                {portfolio.name}
              </option>
            ))}
          </select>
        </label>
        <label className="wide">
          {t('batch.file')}
          <input
            type="file"
            accept=".csv,text/csv"
            required
            onChange={(event) => void choose(event.target.files?.[0])}
          />
        </label>
        {header.length === 0 ? null : (
          <fieldset className="wide mapping">
            <legend>{t('import.mapping')}</legend>
            {FIELDS.map(({ field, label }) => (
              <label key={field}>
                {t(label)}
                <select
                  value={mapping[field] ?? ''}
                  onChange={(event) => {
                    const next = Object.fromEntries(
                      Object.entries(mapping).filter(([key]) => key !== field),
                    );
                    if (event.target.value !== '') {
                      next[field] = event.target.value;
                    }
                    setMapping(next);
                  }}
                >
                  <option value="">{t('import.noColumn')}</option>
                  {header.map((column) => (
                    <option key={column} value={column}>
                      {column}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </fieldset>
        )}
        <div className="actions">
          <button type="button" disabled={busy || text === ''} onClick={() => void send(true)}>
            {t('import.check')}
          </button>
          <button type="submit" className="primary" disabled={busy || text === ''}>
            {t('import.submit')}
          </button>
        </div>
      </form>
      <ErrorMessage error={error} />
      {report === undefined ? null : (
        <div role="status">
          <p>
            {t(report.dryRun ? 'import.checked' : 'import.done', {
              rows: number(report.rows),
              valid: number(report.valid),
              invalid: number(report.invalid),
              imported: number(report.imported),
              alerts: number(report.alertsRaised),
            })}
          </p>
          {report.errors.length === 0 ? null : (
            <table>
              <caption>{t('import.errors')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.line')}</th>
                  <th scope="col">{t('diff.field')}</th>
                  <th scope="col">{t('import.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((problem, index) => (
                  <tr key={index}>
                    <td>{number(problem.line)}</td>
                    <td>
                      <code>{problem.field}</code>
                    </td>
                    <td lang="en">{problem.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {report.errorsTruncated ? <p>{t('import.truncated')}</p> : null}
        </div>
      )}
    </section>
  );
}
