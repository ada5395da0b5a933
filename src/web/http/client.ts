/**
 * Calls to the Puente API from the page: same origin, the session cookie sent by the browser,
 * and the CSRF token (from the readable `puente_csrf` cookie) echoed on unsafe methods.
 *
 * @module
 */

/** An error answer of the API: its stable code (docs/errors.md) and HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** The CSRF token the server set at sign-in, or an empty string. */
export function csrfToken(): string {
  const cookie = document.cookie.split('; ').find((part) => part.startsWith('puente_csrf='));
  return cookie === undefined ? '' : decodeURIComponent(cookie.slice('puente_csrf='.length));
}

/**
 * A raw request: adds the CSRF header on unsafe methods and turns error answers into `ApiError`.
 *
 * @example
 * const response = await request('/screen/batch', { method: 'POST', body });
 */
export async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers);
  if (!SAFE_METHODS.has(method)) {
    headers.set('x-csrf-token', csrfToken());
  }
  let response: Response;
  try {
    response = await fetch(path, { ...init, method, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', 'the server could not be reached');
  }
  if (!response.ok) {
    throw await toApiError(response);
  }
  return response;
}

async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const code = typeof record.code === 'string' ? record.code : `http_${response.status}`;
  const message = typeof record.message === 'string' ? record.message : response.statusText;
  return new ApiError(response.status, code, message);
}

/**
 * GET a JSON document.
 *
 * @example
 * const { sources } = await getJson<{ sources: SourceStatus[] }>('/lists');
 */
export async function getJson<T>(path: string): Promise<T> {
  const response = await request(path, { headers: { accept: 'application/json' } });
  return (await response.json()) as T;
}

/**
 * Send a JSON body (POST by default) and read the JSON answer; `undefined` for 204.
 *
 * @example
 * const result = await sendJson<ScreeningResult>('/screen', { name: 'Juan Perez' });
 */
export async function sendJson<T>(path: string, body?: unknown, method = 'POST'): Promise<T> {
  const response = await request(path, {
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status === 204) {
    return undefined as T;
  }
  return (await response.json()) as T;
}

/** Builds a query string from the defined, non-empty values. */
export function query(values: Readonly<Record<string, string | number | undefined>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
