import { errorBodySchema, errorCodes, type ErrorCode, type Issue } from '../../core/shared/errors.js';

/** An error answered by the server (or the network), with the code the pages branch on. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    readonly issues: Issue[] = [],
    readonly params: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown, ...codes: Array<ApiError['code']>): error is ApiError {
  return error instanceof ApiError && (codes.length === 0 || codes.includes(error.code));
}

let csrfToken: string | null = null;
let acceptLanguage = 'fr';
let onUnauthenticated: () => void = () => undefined;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export function setRequestLanguage(locale: string) {
  acceptLanguage = locale;
}

/** Called when the server says the session is gone, so the app can go back to the sign-in page. */
export function setUnauthenticatedHandler(handler: () => void) {
  onUnauthenticated = handler;
}

export type QueryValue = string | number | boolean | null | undefined;

export function toQueryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  formData?: FormData;
  signal?: AbortSignal;
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function parseError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's page): keep the status only.
  }
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, issues, params } = parsed.data.error;
    return new ApiError(response.status, code, issues ?? [], params ?? {});
  }
  const code = (body as { error?: { code?: string } } | null)?.error?.code;
  const known = errorCodes.find((candidate) => candidate === code);
  return new ApiError(response.status, known ?? (response.status >= 500 ? 'internal' : 'validation'));
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': acceptLanguage };
  let body: BodyInit | undefined;
  if (options.formData) {
    body = options.formData;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (unsafeMethods.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(`${path}${toQueryString(options.query)}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network');
  }
}

async function refreshCsrfToken(): Promise<boolean> {
  const response = await send('GET', '/api/auth/session', {});
  if (!response.ok) return false;
  const session = (await response.json()) as { csrfToken?: string };
  csrfToken = session.csrfToken ?? null;
  return csrfToken !== null;
}

/**
 * The one way the web app talks to the server: JSON in and out, the CSRF
 * header on every write, errors parsed into an `ApiError`. A write refused
 * for an expired CSRF token is retried once with a fresh token.
 */
export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(method, path, options);
  if (!response.ok) {
    let error = await parseError(response);
    if (error.code === 'csrf' && (await refreshCsrfToken())) {
      response = await send(method, path, options);
      if (response.ok) return readBody<T>(response);
      error = await parseError(response);
    }
    if (error.code === 'unauthenticated' && !path.startsWith('/api/auth/')) onUnauthenticated();
    throw error;
  }
  return readBody<T>(response);
}

async function readBody<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    apiRequest<T>('GET', path, { ...(query ? { query } : {}), ...(signal ? { signal } : {}) }),
  post: <T>(path: string, body?: unknown, query?: Record<string, QueryValue>) =>
    apiRequest<T>('POST', path, { body, ...(query ? { query } : {}) }),
  put: <T>(path: string, body: unknown, query?: Record<string, QueryValue>) => apiRequest<T>('PUT', path, { body, ...(query ? { query } : {}) }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
  upload: <T>(path: string, formData: FormData) => apiRequest<T>('POST', path, { formData }),
};
