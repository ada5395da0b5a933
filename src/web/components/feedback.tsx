/**
 * Shared feedback: error messages translated by the API's stable code, loading notices, and a
 * hook that loads data and re-loads on demand.
 *
 * @module
 */
import { useCallback, useEffect, useState } from 'react';

import { ApiError } from '../http/client.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages-en.js';

const ERROR_KEYS: Readonly<Record<string, MessageKey>> = {
  validation_failed: 'error.validation_failed',
  not_found: 'error.not_found',
  conflict: 'error.conflict',
  parse_failed: 'error.parse_failed',
  unsupported_format: 'error.unsupported_format',
  unsafe_input: 'error.unsafe_input',
  input_too_large: 'error.input_too_large',
  source_unavailable: 'error.source_unavailable',
  unauthenticated: 'error.unauthenticated',
  forbidden: 'error.forbidden',
  rate_limited: 'error.rate_limited',
  network_error: 'error.network_error',
};

/** An error shown to the user: a translated sentence, with the server's detail when it has one. */
export function ErrorMessage({ error }: { readonly error: unknown }) {
  const { t } = useI18n();
  if (error === undefined || error === null) {
    return null;
  }
  const code = error instanceof ApiError ? error.code : 'internal_error';
  const key = ERROR_KEYS[code] ?? 'error.internal_error';
  // The server's message names the field or line at fault; it is technical and in English.
  const detail =
    error instanceof ApiError && error.code === 'validation_failed' ? error.message : '';
  return (
    <p role="alert" className="error">
      {t(key)}
      {detail === '' ? null : (
        <>
          {' '}
          <code lang="en">{detail}</code>
        </>
      )}
    </p>
  );
}

/** A polite loading notice. */
export function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" className="muted">
      {t('common.loading')}
    </p>
  );
}

/** What `useLoad` gives. */
export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  readonly reload: () => void;
}

/**
 * Loads data when `key` changes (and when `reload` is called); ignores answers that arrive
 * after a newer load began. While a load runs, the previous data stays shown.
 *
 * @example
 * const sources = useLoad(() => getJson<Status>('/lists'), []);
 */
export function useLoad<T>(load: () => Promise<T>, key: readonly unknown[]): Loaded<T> {
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState<{ data?: T; error?: unknown; token?: string }>({});
  const token = JSON.stringify([...key, generation]);
  useEffect(() => {
    let current = true;
    load().then(
      (data) => {
        if (current) {
          setState({ data, token });
        }
      },
      (error: unknown) => {
        if (current) {
          setState({ error, token });
        }
      },
    );
    return () => {
      current = false;
    };
    // `token` stands for everything `load` reads: the key and the reload count.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token]);
  const reload = useCallback(() => {
    setGeneration((value) => value + 1);
  }, []);
  const loading = state.token !== token;
  return { data: state.data, error: loading ? undefined : state.error, loading, reload };
}
