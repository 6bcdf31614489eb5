import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { createHmac } from 'node:crypto';

const output = process.env.E2E_OUTPUT ?? '../../../target/e2e';

export const admin = {
  email: process.env.ADMIN_EMAIL ?? 'admin@shop.local',
  password: process.env.ADMIN_PASSWORD ?? 'admin-password',
};

/** A name no earlier run (or other spec) used, so specs can share one database. */
export function unique(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${output}/screenshots/${name}.png`, fullPage: true });
}

export async function adminToken(request: APIRequestContext): Promise<string> {
  const response = await request.post('/api/v1/auth/login', { data: admin });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).accessToken;
}

/** A US shipping address for the checkout form. */
export type Address = { fullName: string; line1: string; city: string; postalCode: string };

/**
 * Fills the checkout form as a shopper types it: the email (guests only), the address, and the payment method;
 * the caller places the order.
 */
export async function fillCheckout(page: Page, input: { email?: string; address: Address; payment: 'card' | 'manual' }):
  Promise<void> {
  if (input.email !== undefined) await page.getByLabel('Email').fill(input.email);
  await page.getByLabel('Full name').fill(input.address.fullName);
  await page.getByLabel('Address line 1').fill(input.address.line1);
  await page.getByLabel('City').fill(input.address.city);
  await page.getByLabel('Postal code').fill(input.address.postalCode);
  await page.getByLabel('Country').selectOption('US');
  await page.getByLabel(input.payment === 'card' ? 'Card payment (Stripe)' : 'Manual payment (bank transfer)').check();
}

export type SeededProduct = { id: string; slug: string; name: string; sku: string; priceCents: number };

/** Seeds a product through the admin API (the UI under test is the storefront, not this). */
export async function createProduct(request: APIRequestContext, token: string,
  input: { name: string; priceCents: number; stock: number; description?: string }): Promise<SeededProduct> {
  const sku = `E2E-${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
  const response = await request.post('/api/v1/admin/products', {
    headers: { Authorization: `Bearer ${token}` },
    data: { sku, description: `${input.name}, made for the end-to-end tests.`, ...input },
  });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

/** A guest order placed through the API, with its own cookie jar (a separate request context). */
export async function guestOrder(request: APIRequestContext, productId: string, email: string): Promise<{ id: string; number: string }> {
  const add = await request.post('/api/v1/cart/items', { data: { productId, quantity: 1 } });
  expect(add.status(), await add.text()).toBe(200);
  const response = await request.post('/api/v1/checkout', {
    headers: { 'Idempotency-Key': `e2e-${Date.now()}-${Math.random()}` },
    data: {
      email,
      paymentMethod: 'manual',
      shippingAddress: { fullName: 'Ada Lovelace', line1: '12 St James Square', line2: null, city: 'London',
        region: null, postalCode: 'SW1Y 4JH', country: 'GB', phone: null },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).order;
}

/**
 * Delivers a Stripe webhook event to the service, signed exactly as Stripe signs them:
 * `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload" with the endpoint secret>`.
 */
export async function deliverStripeEvent(request: APIRequestContext, type: string, object: Record<string, unknown>): Promise<void> {
  const secret = process.env.STRIPE_WEBHOOK_SECRET;
  expect(secret, 'STRIPE_WEBHOOK_SECRET (StorefrontE2EIT sets it)').toBeTruthy();
  const created = Math.floor(Date.now() / 1000);
  const payload = JSON.stringify({
    id: `evt_e2e_${Date.now()}${Math.random().toString(36).slice(2, 8)}`, object: 'event',
    api_version: '2025-01-27.acacia', created, livemode: false, type, data: { object },
  });
  const signature = createHmac('sha256', secret!).update(`${created}.${payload}`).digest('hex');
  const response = await request.post('/api/v1/payments/stripe/webhook', {
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': `t=${created},v1=${signature}` },
    data: payload,
  });
  expect(response.status(), await response.text()).toBe(200);
}

/**
 * Waits for a mail to `to` whose text holds a link matching `link` (the service delivers through its outbox
 * to GreenMail, which StorefrontE2EIT serves as JSON at MAILBOX_URL) and returns that link.
 */
export async function linkFromMail(to: string, link: RegExp): Promise<string> {
  const mailbox = process.env.MAILBOX_URL;
  expect(mailbox, 'MAILBOX_URL (StorefrontE2EIT sets it)').toBeTruthy();
  let found = '';
  await expect.poll(async () => {
    const response = await fetch(`${mailbox}/messages?to=${encodeURIComponent(to)}`);
    const messages = (await response.json()) as Array<{ subject: string; text: string }>;
    found = messages.map((m) => link.exec(m.text)?.[0]).find(Boolean) ?? '';
    return found;
  }, { message: `a mail to ${to} with a link like ${link}`, timeout: 30_000 }).not.toBe('');
  return found;
}
