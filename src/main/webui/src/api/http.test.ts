import { describe, expect, it } from 'vitest';
import { addCartItem, checkout, getMe, getProductBySlug, listMyOrders, login } from './generated';
import { refreshAccessToken } from './http';
import { session } from './session';
import { fakeServer, problem, type Handler } from '../test/fakeServer';
import { aCart, aPage, aProduct, aUser } from '../test/fixtures';

const user = aUser();

describe('the axios instance carries the auth', () => {
  it('sends the in-memory access token as a bearer token', async () => {
    session.set({ accessToken: 'token-1', user });
    const server = fakeServer({ 'GET /api/v1/me': () => [200, user] });
    const { data } = await getMe({ throwOnError: true });
    expect(data.email).toBe(user.email);
    expect(server.requests[0].headers.get('Authorization')).toBe('Bearer token-1');
  });

  it('on a 401 refreshes once through the cookie and retries the request once, sharing one refresh', async () => {
    session.set({ accessToken: 'expired', user });
    let refreshes = 0;
    const server = fakeServer({
      'POST /api/v1/auth/refresh': () => {
        refreshes += 1;
        return [200, { accessToken: 'fresh', tokenType: 'Bearer', expiresIn: 900, user }];
      },
      'GET /api/v1/me': (r) => (r.headers.get('Authorization') === 'Bearer fresh' ? [200, user] : [401, problem(401, 'unauthorized')]),
      'GET /api/v1/orders': (r) => (r.headers.get('Authorization') === 'Bearer fresh'
        ? [200, aPage([])] : [401, problem(401, 'unauthorized')]),
    });
    const [me, orders] = await Promise.all([getMe({ throwOnError: true }), listMyOrders({ throwOnError: true })]);
    expect(me.data.email).toBe(user.email);
    expect(orders.data.totalItems).toBe(0);
    expect(refreshes).toBe(1);
    expect(session.token()).toBe('fresh');
    expect(server.requests.filter((r) => r.path === '/api/v1/me')).toHaveLength(2);
  });

  it('signs out when the refresh cookie is no good, and does not loop', async () => {
    session.set({ accessToken: 'expired', user });
    const server = fakeServer({
      'POST /api/v1/auth/refresh': () => [401, problem(401, 'invalid_token')],
      'GET /api/v1/me': () => [401, problem(401, 'unauthorized')],
    });
    await expect(getMe({ throwOnError: true })).rejects.toMatchObject({ response: { status: 401 } });
    expect(session.get()).toBeNull();
    expect(server.requests.map((r) => r.path)).toEqual(['/api/v1/me', '/api/v1/auth/refresh']);
  });

  it('waits while another tab or page has a refresh in flight, so two never use one cookie', async () => {
    localStorage.setItem('shop.refreshInFlight', String(Date.now()));
    const server = fakeServer({
      'POST /api/v1/auth/refresh': () => [200, { accessToken: 'after-the-other', tokenType: 'Bearer', expiresIn: 900, user }],
    });
    const pending = refreshAccessToken();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(server.requests).toHaveLength(0);
    localStorage.removeItem('shop.refreshInFlight'); // the other one is done: the browser holds its cookie
    expect(await pending).toBe('after-the-other');
    expect(server.requests.map((r) => r.path)).toEqual(['/api/v1/auth/refresh']);
    expect(localStorage.getItem('shop.refreshInFlight')).toBeNull();
  });
});

describe('after a write, catalog reads revalidate for one max-age', () => {
  const mug = aProduct();
  const catalog: Record<string, Handler> = {
    'GET /api/v1/products/blue-mug': () => [200, mug, { 'cache-control': 'public, max-age=30' }],
  };
  const revalidates = (server: ReturnType<typeof fakeServer>) =>
    server.calls('/api/v1/products').map((r) => r.headers.get('Cache-Control') ?? null);

  it('reads from the cache as the server allows until this browser writes, then asks the server again', async () => {
    const server = fakeServer({ ...catalog, 'POST /api/v1/cart/items': () => [200, aCart()] });
    await getProductBySlug({ path: { slug: 'blue-mug' }, throwOnError: true });
    await addCartItem({ body: { productId: mug.id, quantity: 1 }, throwOnError: true });
    await getProductBySlug({ path: { slug: 'blue-mug' }, throwOnError: true });
    expect(revalidates(server)).toEqual([null, 'max-age=0']);
    expect(server.calls('/api/v1/cart/items')[0].headers.get('Cache-Control')).toBeUndefined();
  });

  it('a refused write counts too (a checkout refused for stock has learnt the stock changed); signing in does not', async () => {
    const server = fakeServer({
      ...catalog,
      'POST /api/v1/auth/login': () => [200, { accessToken: 't', tokenType: 'Bearer', expiresIn: 900, user }],
      'POST /api/v1/checkout': () => [409, problem(409, 'insufficient_stock')],
    });
    await login({ body: { email: user.email, password: 'secret-password' }, throwOnError: true });
    await getProductBySlug({ path: { slug: 'blue-mug' }, throwOnError: true });
    await expect(checkout({ body: { paymentMethod: 'manual' } as never, headers: { 'Idempotency-Key': 'k' },
      throwOnError: true })).rejects.toMatchObject({ response: { status: 409 } });
    await getProductBySlug({ path: { slug: 'blue-mug' }, throwOnError: true });
    expect(revalidates(server)).toEqual([null, 'max-age=0']);
  });

  it('shares the moment with the other tabs (localStorage) and lets it lapse after the max-age the catalog sent', async () => {
    const server = fakeServer({
      'GET /api/v1/products/blue-mug': () => [200, mug, { 'cache-control': 'public, max-age=5' }],
    });
    await getProductBySlug({ path: { slug: 'blue-mug' }, throwOnError: true }); // learns max-age=5
    localStorage.setItem('shop.changedAt', String(Date.now() - 4_000)); // another tab wrote 4 s ago
    await getProductBySlug({ path: { slug: 'blue-mug' }, throwOnError: true });
    localStorage.setItem('shop.changedAt', String(Date.now() - 6_000)); // 6 s ago: the cache may answer again
    await getProductBySlug({ path: { slug: 'blue-mug' }, throwOnError: true });
    expect(revalidates(server)).toEqual([null, 'max-age=0', null]);
    fakeServer(catalog);
    await getProductBySlug({ path: { slug: 'blue-mug' }, throwOnError: true }); // back to the default for the others
  });
});
