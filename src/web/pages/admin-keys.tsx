/**
 * Service accounts and their API keys: create an account, issue a key (its secret shown once,
 * with a scope no wider than the administrator's own permissions), revoke a key just issued.
 *
 * @module
 */
import { useState, type SubmitEvent } from 'react';

import { getJson, sendJson } from '../http/client.js';
import type { ApiKey, ServiceAccount } from '../http/types.js';
import { useSession } from '../auth/session.js';
import { CheckboxGroup } from '../components/checkbox-group.js';
import { ErrorMessage, useLoad } from '../components/feedback.js';
import { TextField } from '../components/text-field.js';
import { CLEARANCE_KEYS, PERMISSION_KEYS, word } from '../components/vocabulary.js';
import { useI18n } from '../i18n/i18n.js';

/** The service accounts and API keys section. */
export function ApiKeysSection() {
  const { t, date } = useI18n();
  const loaded = useLoad(
    () => getJson<{ serviceAccounts: ServiceAccount[] }>('/admin/service-accounts'),
    [],
  );
  const accounts = loaded.data?.serviceAccounts ?? [];
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>();
  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await sendJson('/admin/service-accounts', { name, clearance: 'unclassified' });
      setName('');
      loaded.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">{t('admin.serviceAccounts')}</h2>
      <ErrorMessage error={loaded.error} />
      <table>
        <caption className="visually-hidden">{t('admin.serviceAccounts')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.orgName')}</th>
            <th scope="col">{t('admin.clearance')}</th>
            <th scope="col">{t('admin.status')}</th>
            <th scope="col">{t('admin.createdAt')}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.id}>
              <td>{account.name}</td>
              <td>{word(t, CLEARANCE_KEYS, account.clearance)}</td>
              <td>{account.status === 'active' ? t('admin.active') : t('admin.disabled')}</td>
              <td>{date(account.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="inline-form"
        onSubmit={(event) => void create(event)}
        aria-label={t('admin.newServiceAccount')}
      >
        <TextField label={t('admin.serviceAccountName')} value={name} required onChange={setName} />
        <button type="submit">{t('admin.create')}</button>
      </form>
      <ErrorMessage error={error} />
      {accounts.length > 0 ? <IssueKey accounts={accounts} /> : null}
    </section>
  );
}

function IssueKey({ accounts }: { readonly accounts: readonly ServiceAccount[] }) {
  const { t, date } = useI18n();
  const { actor } = useSession();
  const [form, setForm] = useState({
    serviceAccountId: accounts[0]?.id ?? '',
    name: '',
    permissions: [] as string[],
    days: '90',
  });
  const [issued, setIssued] = useState<readonly { key: ApiKey; secret: string }[]>([]);
  const [error, setError] = useState<unknown>();
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const result = await sendJson<{ key: ApiKey; secret: string }>('/admin/api-keys', {
        ...form,
        days: Number(form.days),
      });
      setIssued([result, ...issued]);
    } catch (failure) {
      setError(failure);
    }
  };
  const revoke = async (id: string) => {
    setError(undefined);
    try {
      const key = await sendJson<ApiKey>(`/admin/api-keys/${id}`, undefined, 'DELETE');
      setIssued(issued.map((item) => (item.key.id === id ? { key, secret: '' } : item)));
    } catch (failure) {
      setError(failure);
    }
  };
  const own = actor?.permissions ?? [];
  return (
    <>
      <h3>{t('admin.issueKey')}</h3>
      <form
        className="grid-form"
        onSubmit={(event) => void submit(event)}
        aria-label={t('admin.issueKey')}
      >
        <label>
          {t('admin.serviceAccount')}
          <select
            value={form.serviceAccountId}
            onChange={(event) => {
              setForm({ ...form, serviceAccountId: event.target.value });
            }}
          >
            {accounts.map((account) => (
              <option key={account.id} value={account.id}>
                {account.name}
              </option>
            ))}
          </select>
        </label>
        <TextField
          label={t('admin.keyName')}
          value={form.name}
          required
          onChange={(name) => {
            setForm({ ...form, name });
          }}
        />
        <TextField
          label={t('admin.keyDays')}
          type="number"
          min="1"
          max="365"
          value={form.days}
          required
          onChange={(days) => {
            setForm({ ...form, days });
          }}
        />
        <CheckboxGroup
          legend={t('admin.permissions')}
          options={own.map((value) => ({ value, label: word(t, PERMISSION_KEYS, value) }))}
          selected={form.permissions}
          onChange={(permissions) => {
            setForm({ ...form, permissions });
          }}
        />
        <div className="actions">
          <button type="submit">{t('admin.issue')}</button>
        </div>
      </form>
      <ErrorMessage error={error} />
      {issued.length === 0 ? null : (
        <ul className="issued" aria-live="polite">
          {issued.map(({ key, secret }) => (
            <li key={key.id} className="card">
              <p>
                <strong>{key.name}</strong> · {t('admin.expires', { date: date(key.expiresAt) })}
              </p>
              {key.revokedAt !== null ? (
                <p>{t('admin.revoked')}</p>
              ) : (
                <>
                  <p>{t('admin.secretOnce')}</p>
                  <code className="secret">{secret}</code>
                  <button type="button" onClick={() => void revoke(key.id)}>
                    {t('admin.revoke', { name: key.name })}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
