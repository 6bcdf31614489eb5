import { expect, test } from '@playwright/test';
import { adminToken, createProduct, fillCheckout, screenshot, unique } from './support';

test('a customer registers with a guest cart, sees it merged, orders and finds the order in their account', async ({ page, request }) => {
  const token = await adminToken(request);
  const tag = unique('Merge');
  const kettle = await createProduct(request, token, { name: `${tag} Kettle`, priceCents: 4200, stock: 5 });

  await page.goto(`/products/${kettle.slug}`);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('link', { name: /^Cart, 1 item/ })).toBeVisible();

  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Create an account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create your account' })).toBeVisible();
  const email = `${tag.replace(/\s+/g, '.').toLowerCase()}@example.com`;
  await page.getByLabel('Name').fill('Katherine Johnson');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a-long-enough-password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

  // The guest cart became the account's cart.
  await expect(page.getByRole('link', { name: /^Cart, 1 item/ })).toBeVisible();
  await page.goto('/cart');
  await expect(page.getByRole('link', { name: kettle.name })).toBeVisible();
  await screenshot(page, '07-merged-cart');

  await page.getByRole('link', { name: 'Proceed to checkout' }).click();
  await expect(page.getByLabel('Email')).toHaveCount(0);
  await fillCheckout(page, {
    payment: 'manual',
    address: { fullName: 'Katherine Johnson', line1: '1 Langley Blvd', city: 'Hampton', postalCode: '23681' },
  });
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you for your order' })).toBeVisible();
  const number = (await page.getByTestId('order-number').textContent())?.trim() ?? '';

  await page.getByRole('link', { name: 'My orders' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My orders' })).toBeVisible();
  await page.getByRole('link', { name: number }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Order ${number}` })).toBeVisible();
  await expect(page.getByText(kettle.name)).toBeVisible();
  await screenshot(page, '08-my-order');

  // The session survives a reload: the access token is in memory only, the refresh cookie restores it.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: `Order ${number}` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

  // A navigation while a refresh is in flight would cut it off: the server has rotated the cookie, the browser
  // never gets the new one, and the next page's refresh reuses the old one, so the server revokes the whole
  // session. (Seen under CI load; on a quiet machine the first refresh often lands before the navigation, so
  // this guards the fix rather than reproducing the race every time.)
  const refreshSent = page.waitForRequest('**/api/v1/auth/refresh');
  await page.goto('/account/orders', { waitUntil: 'commit' });
  await refreshSent;
  await page.goto('/account/orders');
  await expect(page.getByRole('heading', { level: 1, name: 'My orders' })).toBeVisible();
  await expect(page.getByRole('link', { name: number })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});
