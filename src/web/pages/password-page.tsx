/**
 * Change of the own password. The server ends the session afterwards, so the page returns to
 * the sign-in form, where the new password is used.
 *
 * @module
 */
import { useState, type SubmitEvent } from 'react';

import { sendJson } from '../http/client.js';
import { useSession } from '../auth/session.js';
import { ErrorMessage } from '../components/feedback.js';
import { TextField } from '../components/text-field.js';
import { useI18n } from '../i18n/i18n.js';

/** The password page. */
export function PasswordPage() {
  const { t } = useI18n();
  const { signOut } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<unknown>();
  const [mismatch, setMismatch] = useState(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(undefined);
    setMismatch(next !== again);
    if (next !== again) {
      return;
    }
    try {
      await sendJson('/auth/password', { current, next });
      await signOut();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <>
      <h1>{t('password.title')}</h1>
      <p className="muted">{t('password.intro')}</p>
      <form className="stack narrow" onSubmit={(event) => void submit(event)}>
        <TextField
          label={t('password.current')}
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={setCurrent}
        />
        <TextField
          label={t('password.next')}
          type="password"
          autoComplete="new-password"
          required
          value={next}
          onChange={setNext}
        />
        <TextField
          label={t('password.again')}
          type="password"
          autoComplete="new-password"
          required
          value={again}
          onChange={setAgain}
        />
        {mismatch ? (
          <p role="alert" className="error">
            {t('password.mismatch')}
          </p>
        ) : null}
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="submit" className="primary">
            {t('password.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
