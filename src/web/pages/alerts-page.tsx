/**
 * The alert queue: alerts of the organization's portfolios, filtered by state and portfolio,
 * each opening its review.
 *
 * @module
 */
import { useState } from 'react';
import { Link } from 'react-router';

import { getJson, query } from '../http/client.js';
import { ALERT_STATES, type Alert, type Portfolio } from '../http/types.js';
import { ErrorMessage, Loading, useLoad } from '../components/feedback.js';
import { ALERT_STATE_KEYS, word } from '../components/vocabulary.js';
import { useI18n } from '../i18n/i18n.js';

/** The alerts page. */
export function AlertsPage() {
  const { t, dateTime, percent } = useI18n();
  const [state, setState] = useState('open,in_review');
  const [portfolioId, setPortfolioId] = useState('');
  const portfolios = useLoad(() => getJson<{ portfolios: Portfolio[] }>('/portfolios'), []);
  const alerts = useLoad(
    () => getJson<{ alerts: Alert[] }>(`/alerts${query({ state, portfolioId, limit: 500 })}`),
    [state, portfolioId],
  );
  const list = alerts.data?.alerts ?? [];
  return (
    <>
      <h1>{t('alerts.title')}</h1>
      <form className="inline-form" aria-label={t('alerts.filters')}>
        <label>
          {t('alerts.state')}
          <select
            value={state}
            onChange={(event) => {
              setState(event.target.value);
            }}
          >
            <option value="open,in_review">{t('alerts.toDecide')}</option>
            <option value="">{t('alerts.all')}</option>
            {ALERT_STATES.map((value) => (
              <option key={value} value={value}>
                {word(t, ALERT_STATE_KEYS, value)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('import.portfolio')}
          <select
            value={portfolioId}
            onChange={(event) => {
              setPortfolioId(event.target.value);
            }}
          >
            <option value="">{t('alerts.all')}</option>
            {(portfolios.data?.portfolios ?? []).map((portfolio) => (
              <option key={portfolio.id} value={portfolio.id}>
                {portfolio.name}
              </option>
            ))}
          </select>
        </label>
      </form>
      <ErrorMessage error={alerts.error} />
      {alerts.loading ? <Loading /> : null}
      <table>
        <caption className="visually-hidden">{t('alerts.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('alerts.id')}</th>
            <th scope="col">{t('alerts.listed')}</th>
            <th scope="col">{t('batch.score')}</th>
            <th scope="col">{t('alerts.state')}</th>
            <th scope="col">{t('alerts.raised')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((alert) => (
            <tr key={alert.id}>
              <td>
                <Link to={`/alerts/${alert.id}`}>{t('alerts.open', { id: alert.id })}</Link>
              </td>
              <td>
                {alert.entryName} <span className="muted">({alert.entryId})</span>
              </td>
              <td>{percent(alert.score)}</td>
              <td>
                {word(t, ALERT_STATE_KEYS, alert.state)}
                {alert.pending === null ? '' : ` · ${t('alerts.awaitingApproval')}`}
              </td>
              <td>{dateTime(alert.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!alerts.loading && list.length === 0 ? <p>{t('alerts.none')}</p> : null}
    </>
  );
}
