import { AxiosError, AxiosHeaders, type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import { client } from '../api/generated/client.gen';
import { configureApi } from '../api/http';
import { aCart } from './fixtures';

/**
 * Component tests stand in for the network, not for our code: this replaces the transport under the one
 * axios instance (its adapter), so the generated SDK, the auth interceptors and the components run as in
 * the browser. Each handler answers `METHOD /path` (query string excluded) with [status, body, headers?]. The cart every
 * page loads is empty unless a test answers `GET /api/v1/cart` itself; anything else unanswered is a 404.
 */
/** Where the admin endpoints live: `calls(ADMIN_API)` leaves out what the page shell loads. */
export const ADMIN_API = '/api/v1/admin';

/** [status, body, response headers]. */
export type Answer = [number, unknown?, Record<string, string>?];
export type Handler = (request: { method: string; path: string; url: URL; body: unknown; headers: AxiosHeaders })
  => Answer | Promise<Answer>;

export type Recorded = { method: string; path: string; url: URL; body: unknown; headers: AxiosHeaders };

export function fakeServer(routes: Record<string, Handler>) {
  configureApi('http://shop.test', { keepAlive: false });
  const answers: Record<string, Handler> = { 'GET /api/v1/cart': () => [200, aCart()], ...routes };
  const requests: Recorded[] = [];
  const adapter: AxiosAdapter = async (config: InternalAxiosRequestConfig) => {
    const url = new URL(config.url ?? '', 'http://shop.test');
    if (config.params) {
      for (const [k, v] of Object.entries(config.params as Record<string, unknown>)) {
        if (v !== undefined && v !== null) url.searchParams.set(k, String(v));
      }
    }
    const method = (config.method ?? 'get').toUpperCase();
    const headers = AxiosHeaders.from(config.headers as AxiosHeaders);
    let body: unknown = config.data;
    if (typeof body === 'string' && headers.getContentType()?.toString().includes('json')) body = JSON.parse(body);
    const request = { method, path: url.pathname, url, body, headers };
    requests.push(request);
    const handler = answers[`${method} ${url.pathname}`];
    const [status, data, responseHeaders] = handler ? await handler(request)
      : [404, { code: 'not_found', status: 404, title: 'Not Found', type: 'about:blank' }];
    const response: AxiosResponse = { data, status, statusText: String(status), headers: responseHeaders ?? {}, config };
    if (status >= 400) {
      throw new AxiosError(`Request failed with status code ${status}`, AxiosError.ERR_BAD_RESPONSE, config, null, response);
    }
    return response;
  };
  // through the client's config: it reaches every request's axios config (instance.defaults is not shared)
  client.setConfig({ adapter });
  /** The requests to paths under `prefix` (leaving out, say, the cart the page shell loads). */
  const calls = (prefix: string) => requests.filter((r) => r.path.startsWith(prefix));
  return { requests, calls };
}

/** A network failure (no response at all), as when the connection drops mid-request. */
export function networkError(config?: InternalAxiosRequestConfig): never {
  throw new AxiosError('Network Error', AxiosError.ERR_NETWORK, config);
}

export function problem(status: number, code: string,
  errors?: Array<{ field: string; message: string; index?: number; line?: number }>) {
  return { type: `https://shop.acme/problems/${code}`, title: code, status, code, errors };
}
