import { expect, request as playwrightRequest, test } from '@playwright/test';
import { adminToken, createProduct, guestOrder, linkFromMail, screenshot, unique } from './support';

test('a guest follows the emailed tracking link, then the invite, and finds the order in the new account', async ({ page, request, baseURL }) => {
  const token = await adminToken(request);
  const tag = unique('Mail');
  const lamp = await createProduct(request, token, { name: `${tag} Lantern`, priceCents: 2200, stock: 5 });
  const email = `${tag.replace(/\s+/g, '.').toLowerCase()}@example.com`;
  const guest = await playwrightRequest.newContext({ baseURL });
  const order = await guestOrder(guest, lamp.id, email);
  await guest.dispose();

  // The confirmation mail's tracking link opens the order without an account.
  const tracking = await linkFromMail(email, /https?:\/\/\S+\/orders\/track\/[\w-]+/);
  await page.goto(tracking);
  await expect(page.getByRole('heading', { name: `Order ${order.number}` })).toBeVisible();
  await expect(page.getByText(`${tag} Lantern`)).toBeVisible();
  await screenshot(page, '15-emailed-tracking-link');

  // The invite mail creates the account, which claims the guest order.
  const invite = await linkFromMail(email, /https?:\/\/\S+\/register\?invite=[\w-]+/);
  await page.goto(invite);
  await expect(page.getByRole('heading', { level: 1, name: 'Create your account' })).toBeVisible();
  await page.getByLabel('Name').fill('Dorothy Vaughan');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('invited-and-claimed');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My orders' })).toBeVisible();
  await expect(page.getByRole('link', { name: order.number })).toBeVisible();
  await screenshot(page, '16-invite-claimed-orders');
});

test('a customer resets a forgotten password through the emailed link', async ({ page, request }) => {
  const email = `${unique('reset').replace(/\s+/g, '.').toLowerCase()}@example.com`;
  const registered = await request.post('/api/v1/auth/register', {
    data: { email, password: 'the-old-password', name: 'Annie Easley' },
  });
  expect(registered.status()).toBe(201);

  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByText('If an account exists for that email')).toBeVisible();

  const reset = await linkFromMail(email, /https?:\/\/\S+\/reset-password\?token=[\w-]+/);
  await page.goto(reset);
  await page.getByLabel('New password').fill('the-new-password');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByText('Your password has been changed')).toBeVisible();
  await screenshot(page, '17-password-reset');

  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('the-new-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});
