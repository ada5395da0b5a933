/**
 * Users of the administrator's organization: the list, a form for a new user (roles, clearance,
 * a first password they must change), and enabling or disabling an account.
 *
 * @module
 */
import { useState, type SubmitEvent } from 'react';

import { getJson, sendJson } from '../http/client.js';
import type { User } from '../http/types.js';
import { CheckboxGroup } from '../components/checkbox-group.js';
import { ErrorMessage, useLoad } from '../components/feedback.js';
import { TextField } from '../components/text-field.js';
import { CLEARANCE_KEYS, ROLE_KEYS, word } from '../components/vocabulary.js';
import { useI18n } from '../i18n/i18n.js';

const EMPTY = {
  username: '',
  displayName: '',
  roles: [] as string[],
  clearance: 'unclassified',
  password: '',
};

/** The users section. */
export function UsersSection() {
  const { t, date } = useI18n();
  const loaded = useLoad(() => getJson<{ users: User[] }>('/admin/users'), []);
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<unknown>();
  const [created, setCreated] = useState<string>();
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(undefined);
    setCreated(undefined);
    try {
      const user = await sendJson<User>('/admin/users', form);
      setCreated(user.username);
      setForm(EMPTY);
      loaded.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  const toggle = async (user: User) => {
    setError(undefined);
    try {
      const status = user.status === 'active' ? 'disabled' : 'active';
      await sendJson(`/admin/users/${user.id}`, { status }, 'PATCH');
      loaded.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section aria-labelledby="users-heading">
      <h2 id="users-heading">{t('admin.users')}</h2>
      <ErrorMessage error={loaded.error} />
      <table>
        <caption className="visually-hidden">{t('admin.users')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('login.username')}</th>
            <th scope="col">{t('admin.displayName')}</th>
            <th scope="col">{t('admin.roles')}</th>
            <th scope="col">{t('admin.clearance')}</th>
            <th scope="col">{t('admin.status')}</th>
            <th scope="col">{t('admin.createdAt')}</th>
            <th scope="col">{t('admin.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {(loaded.data?.users ?? []).map((user) => (
            <tr key={user.id}>
              <td>{user.username}</td>
              <td>{user.displayName}</td>
              <td>{user.roles.map((role) => word(t, ROLE_KEYS, role)).join(', ')}</td>
              <td>{word(t, CLEARANCE_KEYS, user.clearance)}</td>
              <td>{user.status === 'active' ? t('admin.active') : t('admin.disabled')}</td>
              <td>{date(user.createdAt)}</td>
              <td>
                <button type="button" onClick={() => void toggle(user)}>
                  {user.status === 'active'
                    ? t('admin.disable', { name: user.username })
                    : t('admin.enable', { name: user.username })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('admin.newUser')}</h3>
      <form
        className="grid-form"
        onSubmit={(event) => void submit(event)}
        aria-label={t('admin.newUser')}
      >
        <TextField
          label={t('login.username')}
          name="new-username"
          autoComplete="off"
          value={form.username}
          required
          onChange={(username) => {
            setForm({ ...form, username });
          }}
        />
        <TextField
          label={t('admin.displayName')}
          value={form.displayName}
          required
          onChange={(displayName) => {
            setForm({ ...form, displayName });
          }}
        />
        <label>
          {t('admin.clearance')}
          <select
            value={form.clearance}
            onChange={(event) => {
              setForm({ ...form, clearance: event.target.value });
            }}
          >
            {Object.entries(CLEARANCE_KEYS).map(([level, key]) => (
              <option key={level} value={level}>
                {t(key)}
              </option>
            ))}
          </select>
        </label>
        <TextField
          label={t('admin.firstPassword')}
          hint={t('admin.firstPasswordHint')}
          type="password"
          autoComplete="new-password"
          value={form.password}
          required
          onChange={(password) => {
            setForm({ ...form, password });
          }}
        />
        <CheckboxGroup
          legend={t('admin.roles')}
          options={Object.entries(ROLE_KEYS).map(([value, key]) => ({ value, label: t(key) }))}
          selected={form.roles}
          onChange={(roles) => {
            setForm({ ...form, roles });
          }}
        />
        <div className="actions">
          <button type="submit">{t('admin.createUser')}</button>
        </div>
      </form>
      <ErrorMessage error={error} />
      {created === undefined ? null : (
        <p role="status">{t('admin.userCreated', { name: created })}</p>
      )}
    </section>
  );
}
