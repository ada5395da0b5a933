/**
 * Sign-in with username, password and, for accounts that enrolled it, a TOTP code. The server
 * sets the session cookie (HttpOnly) and the CSRF cookie the page echoes on changes.
 *
 * @module
 */
import { useState, type SubmitEvent } from 'react';

import { useSession } from '../auth/session.js';
import { ErrorMessage } from '../components/feedback.js';
import { LanguageSwitch } from '../components/language-switch.js';
import { useI18n } from '../i18n/i18n.js';

/** The sign-in page. */
export function LoginPage() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(username, password, totpCode === '' ? undefined : totpCode);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  return (
    <main id="main" className="login">
      <div className="login-top">
        <span className="brand">Puente</span>
        <LanguageSwitch />
      </div>
      <h1>{t('login.title')}</h1>
      <p className="muted">{t('login.intro')}</p>
      <form onSubmit={(event) => void submit(event)} className="stack">
        <label>
          {t('login.username')}
          <input
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(event) => {
              setUsername(event.target.value);
            }}
          />
        </label>
        <label>
          {t('login.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => {
              setPassword(event.target.value);
            }}
          />
        </label>
        <label>
          {t('login.totp')}
          <input
            name="totp"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="\d{6}"
            value={totpCode}
            onChange={(event) => {
              setTotpCode(event.target.value);
            }}
          />
        </label>
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
    </main>
  );
}
