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

/** Trades the refresh cookie for a new access token; null (and signed out) when the cookie is no good. */
export function refreshAccessToken(): Promise<string | null> {
  if (!refreshing) {
    refreshing = refreshSession({ throwOnError: true })
      .then(({ data }) => {
        session.set({ accessToken: data.accessToken, user: data.user });
        return data.accessToken;
      })
      .catch(() => {
        session.set(null);
        return null;
      })
      .finally(() => {
        refreshing = null;
      });
  }
  return refreshing;
}

let installed = false;

export function configureApi(baseURL = ''): void {
  client.setConfig({ baseURL, withCredentials: true });
  if (installed) return;
  installed = true;
  const http = client.instance;
  http.interceptors.request.use((config) => {
    const token = session.token();
    if (token && !config.headers.has('Authorization')) {
      config.headers.set('Authorization', `Bearer ${token}`);
    }
    return config;
  });
  http.interceptors.response.use(undefined, async (error: AxiosError) => {
    const config = error.config as RetriableConfig | undefined;
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
