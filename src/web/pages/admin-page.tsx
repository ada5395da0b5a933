/**
 * Administration: organizations, users, roles, service accounts and API keys — each section
 * shown only to those whose permissions allow it.
 *
 * @module
 */
import { useState, type SubmitEvent } from 'react';

import { getJson, sendJson } from '../http/client.js';
import type { Organization } from '../http/types.js';
import { useSession } from '../auth/session.js';
import { ErrorMessage, useLoad } from '../components/feedback.js';
import { TextField } from '../components/text-field.js';
import { PERMISSION_KEYS, ROLE_KEYS, word } from '../components/vocabulary.js';
import { useI18n } from '../i18n/i18n.js';
import { ApiKeysSection } from './admin-keys.js';
import { UsersSection } from './admin-users.js';

/** The administration page. */
export function AdminPage() {
  const { t } = useI18n();
  const { can } = useSession();
  return (
    <>
      <h1>{t('admin.title')}</h1>
      {can('organization.manage') ? <OrganizationsSection /> : null}
      {can('user.manage') ? <UsersSection /> : null}
      {can('user.manage') ? <RolesSection /> : null}
      {can('api-key.manage') ? <ApiKeysSection /> : null}
    </>
  );
}

function OrganizationsSection() {
  const { t, date } = useI18n();
  const loaded = useLoad(
    () => getJson<{ organizations: Organization[] }>('/admin/organizations'),
    [],
  );
  const [form, setForm] = useState({ name: '', kind: 'agency', country: '' });
  const [error, setError] = useState<unknown>();
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await sendJson('/admin/organizations', { ...form, country: form.country.toUpperCase() });
      setForm({ name: '', kind: 'agency', country: '' });
      loaded.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section aria-labelledby="orgs-heading">
      <h2 id="orgs-heading">{t('admin.organizations')}</h2>
      <ErrorMessage error={loaded.error} />
      <table>
        <caption className="visually-hidden">{t('admin.organizations')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.orgName')}</th>
            <th scope="col">{t('admin.orgKind')}</th>
            <th scope="col">{t('admin.country')}</th>
            <th scope="col">{t('admin.createdAt')}</th>
          </tr>
        </thead>
        <tbody>
          {(loaded.data?.organizations ?? []).map((org) => (
            <tr key={org.id}>
              <td>{org.name}</td>
              <td>{org.kind === 'agency' ? t('admin.kindAgency') : t('admin.kindCompany')}</td>
              <td>{org.country}</td>
              <td>{date(org.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="grid-form"
        onSubmit={(event) => void submit(event)}
        aria-label={t('admin.newOrganization')}
      >
        <TextField
          label={t('admin.orgName')}
          value={form.name}
          required
          onChange={(name) => {
            setForm({ ...form, name });
          }}
        />
        <label>
          {t('admin.orgKind')}
          <select
            value={form.kind}
            onChange={(event) => {
              setForm({ ...form, kind: event.target.value });
            }}
          >
            <option value="agency">{t('admin.kindAgency')}</option>
            <option value="company">{t('admin.kindCompany')}</option>
          </select>
        </label>
        <TextField
          label={t('admin.country')}
          hint={t('admin.countryHint')}
          value={form.country}
          required
          onChange={(country) => {
            setForm({ ...form, country });
          }}
        />
        <div className="actions">
          <button type="submit">{t('admin.create')}</button>
        </div>
      </form>
      <ErrorMessage error={error} />
    </section>
  );
}

function RolesSection() {
  const { t } = useI18n();
  const loaded = useLoad(
    () => getJson<{ roles: { role: string; permissions: string[] }[] }>('/admin/roles'),
    [],
  );
  return (
    <section aria-labelledby="roles-heading">
      <h2 id="roles-heading">{t('admin.roles')}</h2>
      <ErrorMessage error={loaded.error} />
      <table>
        <caption className="visually-hidden">{t('admin.roles')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.role')}</th>
            <th scope="col">{t('admin.permissions')}</th>
          </tr>
        </thead>
        <tbody>
          {(loaded.data?.roles ?? []).map(({ role, permissions }) => (
            <tr key={role}>
              <th scope="row">{word(t, ROLE_KEYS, role)}</th>
              <td>
                {permissions.map((permission) => word(t, PERMISSION_KEYS, permission)).join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
