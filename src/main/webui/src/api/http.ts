import type { AxiosError, InternalAxiosRequestConfig } from 'axios';
import { refreshSession } from './generated';
import { client } from './generated/client.gen';
import { session } from './session';

/**
 * The one axios instance every generated SDK call goes through (`client.instance`). It carries the auth:
 * the in-memory access token on every request, and on a 401 one refresh through the HttpOnly refresh
 * cookie followed by a single retry of the failed request. Concurrent 401s share one refresh, because the
 * server rotates the refresh token and a second refresh with the old cookie would revoke the family.
 */
const REFRESH_URL = '/api/v1/auth/refresh';
const NO_RETRY = [REFRESH_URL, '/api/v1/auth/login', '/api/v1/auth/register', '/api/v1/auth/logout'];

type RetriableConfig = InternalAxiosRequestConfig & { _retried?: boolean };

let refreshing: Promise<string | null> | null = null;

/**
 * The server rotates the refresh cookie on every refresh and treats a second use of a rotated one as theft
 * (the whole family is revoked). Two refreshes with the same cookie must therefore never race, even across
 * tabs and page loads:
 * - within a page, concurrent callers share one refresh (`refreshing`);
 * - across tabs and page loads, a refresh announces itself in localStorage and the next one waits (up to
 *   IN_FLIGHT_MS) until it has finished and the browser holds the rotated cookie;
 * - the refresh is a keepalive fetch, so a reload or navigation right after it starts does not cancel it:
 *   the browser still stores the rotated cookie the answer sets.
 */
const IN_FLIGHT_KEY = 'shop.refreshInFlight';
const IN_FLIGHT_MS = 1500;
let keepAliveRefresh = true;

function otherRefreshInFlight(): boolean {
  try {
    const since = Number(localStorage.getItem(IN_FLIGHT_KEY) ?? 0);
    return Date.now() - since < IN_FLIGHT_MS;
  } catch {
    return false;
  }
}

function markInFlight(on: boolean): void {
  try {
    if (on) localStorage.setItem(IN_FLIGHT_KEY, String(Date.now()));
    else localStorage.removeItem(IN_FLIGHT_KEY);
  } catch {
    // storage unavailable: nothing to coordinate with
  }
}

async function refreshWhenClear(): Promise<string | null> {
  while (otherRefreshInFlight()) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  markInFlight(true);
  try {
    const { data } = await refreshSession({
      throwOnError: true,
      ...(keepAliveRefresh ? { adapter: 'fetch' as const, fetchOptions: { keepalive: true } } : {}),
    });
    session.set({ accessToken: data.accessToken, user: data.user });
    return data.accessToken;
  } catch {
    session.set(null);
    return null;
  } finally {
    markInFlight(false);
  }
}

/** Trades the refresh cookie for a new access token; null (and signed out) when the cookie is no good. */
export function refreshAccessToken(): Promise<string | null> {
  if (!refreshing) {
    refreshing = refreshWhenClear().finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

/**
 * Public catalog reads are cacheable (`Cache-Control: public, max-age=N` with an ETag), so the browser may answer
 * one from its own cache for N seconds. That must not show a shopper the stock they have just bought, nor an
 * admin the product they have just edited. After any write this browser makes (answered, whatever the answer: a
 * checkout refused for stock has learnt something too; signing in or out is not such a write), its GETs carry
 * `Cache-Control: max-age=0` for the next N seconds, so the browser (and a CDN that honours it) asks the server
 * again with the ETag it holds, answered 304 when nothing changed. The moment is kept in localStorage, so every
 * tab of the browser revalidates; N is learnt from the catalog's own answers (the server's default until then).
 */
const CHANGED_KEY = 'shop.changedAt';
let catalogMaxAgeMs = 30_000;

function markChanged(): void {
  try {
    localStorage.setItem(CHANGED_KEY, String(Date.now()));
  } catch {
    // storage unavailable: this tab's cache may answer for up to max-age
  }
}

function changedRecently(): boolean {
  try {
    return Date.now() - Number(localStorage.getItem(CHANGED_KEY) ?? 0) < catalogMaxAgeMs;
  } catch {
    return false;
  }
}

function learnMaxAge(cacheControl: unknown): void {
  const match = typeof cacheControl === 'string' ? /(?:^|,)\s*max-age=(\d+)/.exec(cacheControl) : null;
  if (match) catalogMaxAgeMs = Number(match[1]) * 1000;
}

type Call = { method?: string; url?: string } | undefined;
const isRead = (config: Call) => ['get', 'head'].includes((config?.method ?? 'get').toLowerCase());
/** A request that may change what the catalog shows: any write but the session's own (sign-in, refresh, sign-out). */
const isWrite = (config: Call) => !isRead(config) && config?.method?.toLowerCase() !== 'options'
  && !config?.url?.includes('/api/v1/auth/');

let installed = false;

/**
 * `keepAlive: false` is for tests, whose stand-in transport replaces the network: the keepalive refresh
 * goes through the browser's fetch.
 */
export function configureApi(baseURL = '', options: { keepAlive?: boolean } = {}): void {
  keepAliveRefresh = options.keepAlive ?? true;
  client.setConfig({ baseURL, withCredentials: true });
  if (installed) return;
  installed = true;
  const http = client.instance;
  http.interceptors.request.use((config) => {
    const token = session.token();
    if (token && !config.headers.has('Authorization')) {
      config.headers.set('Authorization', `Bearer ${token}`);
    }
    if (isRead(config) && changedRecently()) {
      config.headers.set('Cache-Control', 'max-age=0');
    }
    return config;
  });
  http.interceptors.response.use((response) => {
    if (isWrite(response.config)) markChanged();
    else learnMaxAge(response.headers?.['cache-control']);
    return response;
  }, async (error: AxiosError) => {
    const config = error.config as RetriableConfig | undefined;
    if (error.response && isWrite(config)) markChanged();
    const url = config?.url ?? '';
    const hadToken = !!config?.headers?.has('Authorization');
    if (
      error.response?.status !== 401 ||
      !config ||
      config._retried ||
      NO_RETRY.some((path) => url.endsWith(path)) ||
      (!hadToken && !session.mayHaveRefreshCookie())
    ) {
      throw error;
    }
    config._retried = true;
    const token = await refreshAccessToken();
    if (!token) throw error;
    config.headers.set('Authorization', `Bearer ${token}`);
    return http.request(config);
  });
}
