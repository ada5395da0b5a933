/**
 * Chooses two publications of one source and opens their diff.
 *
 * @module
 */
import { useState, type SubmitEvent } from 'react';
import { useNavigate } from 'react-router';

import { query } from '../http/client.js';
import type { Publication } from '../http/types.js';
import { useI18n } from '../i18n/i18n.js';

/** Two selects (older, newer) and a button. `publications` are newest first. */
export function DiffForm({ publications }: { readonly publications: readonly Publication[] }) {
  const { t, date } = useI18n();
  const navigate = useNavigate();
  const [from, setFrom] = useState(String(publications[1]?.id ?? ''));
  const [to, setTo] = useState(String(publications[0]?.id ?? ''));
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void navigate(`/lists/diff${query({ from, to })}`);
  };
  const options = publications.map((publication) => (
    <option key={publication.id} value={publication.id}>
      {date(publication.publishedAt)}
    </option>
  ));
  return (
    <form className="inline-form" onSubmit={submit} aria-label={t('diff.formLabel')}>
      <label>
        {t('diff.from')}
        <select
          value={from}
          onChange={(event) => {
            setFrom(event.target.value);
          }}
        >
          {options}
        </select>
      </label>
      <label>
        {t('diff.to')}
        <select
          value={to}
          onChange={(event) => {
            setTo(event.target.value);
          }}
        >
          {options}
        </select>
      </label>
      <button type="submit">{t('diff.submit')}</button>
    </form>
  );
}
