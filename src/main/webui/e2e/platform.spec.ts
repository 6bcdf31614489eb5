import { expect, test } from '@playwright/test';
import { screenshot } from './support';

test('client-side routes load the app, /api stays the API, and the UI runs under the production CSP', async ({ page, request }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });

  const deep = await request.get('/account/orders');
  expect(deep.status()).toBe(200);
  expect(deep.headers()['content-type']).toContain('text/html');
  expect(deep.headers()['content-security-policy']).toContain("default-src 'self'");
  expect(deep.headers()['x-frame-options']).toBe('DENY');
  // The shell is revalidated on every visit (a deploy shows at once); hashed bundles are cached for good.
  expect(deep.headers()['cache-control']).toBe('no-cache');
  const bundle = /\/assets\/index-[^"]+\.js/.exec(await deep.text())?.[0];
  expect(bundle).toBeTruthy();
  const script = await request.get(bundle!, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(script.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(script.headers()['content-encoding']).toBe('gzip');

  const api = await request.get('/api/v1/no-such-thing');
  expect(api.status()).toBe(404);
  expect(api.headers()['content-type']).toContain('application/problem+json');

  // A protected page sends a guest to sign in, and an unknown client route says so.
  await page.goto('/account/orders');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.goto('/no/such/page');
  await expect(page.getByText('Page not found')).toBeVisible();

  // Narrow screens: the header and the list reflow.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Products' })).toBeVisible();
  await screenshot(page, '00-mobile-product-list');
  expect(violations).toEqual([]);
});
