/**
 * Portfolios of counterparties: the list, a new portfolio, and the import of a CSV file with a
 * column mapping, a check run (nothing stored) and a row-by-row error report.
 *
 * @module
 */
import { useState, type SubmitEvent } from 'react';

import { getJson, sendJson } from '../http/client.js';
import type { Portfolio } from '../http/types.js';
import { useSession } from '../auth/session.js';
import { ErrorMessage, useLoad } from '../components/feedback.js';
import { TextField } from '../components/text-field.js';
import { useI18n } from '../i18n/i18n.js';
import { ImportForm } from './portfolio-import.js';

/** The portfolios page. */
export function PortfoliosPage() {
  const { t, date } = useI18n();
  const { can } = useSession();
  const loaded = useLoad(() => getJson<{ portfolios: Portfolio[] }>('/portfolios'), []);
  const portfolios = loaded.data?.portfolios ?? [];
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>();
  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await sendJson('/portfolios', { name });
      setName('');
      loaded.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <>
      <h1>{t('portfolios.title')}</h1>
      <ErrorMessage error={loaded.error} />
      <table>
        <caption className="visually-hidden">{t('portfolios.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.orgName')}</th>
            <th scope="col">{t('admin.createdAt')}</th>
          </tr>
        </thead>
        <tbody>
          {portfolios.map((portfolio) => (
            <tr key={portfolio.id}>
              <td>{portfolio.name}</td>
              <td>{date(portfolio.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!loaded.loading && portfolios.length === 0 ? <p>{t('portfolios.none')}</p> : null}
      {can('portfolio.write') ? (
        <>
          <form
            className="inline-form"
            onSubmit={(event) => void create(event)}
            aria-label={t('portfolios.new')}
          >
            <TextField label={t('portfolios.name')} value={name} required onChange={setName} />
            <button type="submit">{t('admin.create')}</button>
          </form>
          <ErrorMessage error={error} />
          {portfolios.length > 0 ? <ImportForm portfolios={portfolios} /> : null}
        </>
      ) : null}
    </>
  );
}
