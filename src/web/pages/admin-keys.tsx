/**
 * Service accounts and their API keys: create an account, issue a key (its secret shown once,
 * with a scope no wider than the administrator's own permissions), list the organization's keys
 * (never their secrets) and revoke any of them.
 *
 * @module
 */
import { useState, type SubmitEvent } from 'react';

import { getJson, sendJson } from '../http/client.js';
import type { ApiKey, ListedApiKey, ServiceAccount } from '../http/types.js';
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
  const keys = useLoad(() => getJson<{ apiKeys: ListedApiKey[] }>('/admin/api-keys'), []);
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
      {accounts.length > 0 ? <IssueKey accounts={accounts} onIssued={keys.reload} /> : null}
      <KeyList keys={keys.data?.apiKeys} error={keys.error} onRevoked={keys.reload} />
    </section>
  );
}

function IssueKey({
  accounts,
  onIssued,
}: {
  readonly accounts: readonly ServiceAccount[];
  readonly onIssued: () => void;
}) {
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
      onIssued();
    } catch (failure) {
      setError(failure);
    }
  };
  const revoke = async (id: string) => {
    setError(undefined);
    try {
      const key = await sendJson<ApiKey>(`/admin/api-keys/${id}`, undefined, 'DELETE');
      setIssued(issued.map((item) => (item.key.id === id ? { key, secret: '' } : item)));
      onIssued();
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

/** The organization's keys, newest first, each revocable while it is still usable. */
function KeyList({
  keys,
  error: loadError,
  onRevoked,
}: {
  readonly keys: readonly ListedApiKey[] | undefined;
  readonly error: unknown;
  readonly onRevoked: () => void;
}) {
  const { t, date, dateTime } = useI18n();
  const [error, setError] = useState<unknown>();
  // When the page opened: a key that expires while it is open is shown as it was then.
  const [openedAt] = useState(() => Date.now());
  const revoke = async (id: string) => {
    setError(undefined);
    try {
      await sendJson<ApiKey>(`/admin/api-keys/${id}`, undefined, 'DELETE');
      onRevoked();
    } catch (failure) {
      setError(failure);
    }
  };
  const state = (key: ListedApiKey) => {
    if (key.revokedAt !== null) {
      return t('admin.keyRevoked');
    }
    return Date.parse(key.expiresAt) <= openedAt ? t('admin.keyExpired') : t('admin.keyActive');
  };
  return (
    <>
      <h3 id="key-list-heading">{t('admin.apiKeys')}</h3>
      <ErrorMessage error={loadError} />
      <ErrorMessage error={error} />
      {keys === undefined ? null : keys.length === 0 ? (
        <p>{t('admin.noKeys')}</p>
      ) : (
        <table aria-labelledby="key-list-heading">
          <thead>
            <tr>
              <th scope="col">{t('admin.keyName')}</th>
              <th scope="col">{t('admin.serviceAccount')}</th>
              <th scope="col">{t('admin.permissions')}</th>
              <th scope="col">{t('admin.createdAt')}</th>
              <th scope="col">{t('admin.keyExpiresAt')}</th>
              <th scope="col">{t('admin.lastUsed')}</th>
              <th scope="col">{t('admin.status')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id}>
                <td>{key.name}</td>
                <td>{key.serviceAccountName}</td>
                <td>
                  {key.permissions
                    .map((permission) => word(t, PERMISSION_KEYS, permission))
                    .join(', ')}
                </td>
                <td>{date(key.createdAt)}</td>
                <td>{date(key.expiresAt)}</td>
                <td>{key.lastUsedAt === null ? t('admin.never') : dateTime(key.lastUsedAt)}</td>
                <td>{state(key)}</td>
                <td>
                  {key.revokedAt === null ? (
                    <button type="button" onClick={() => void revoke(key.id)}>
                      {t('admin.revoke', { name: key.name })}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
