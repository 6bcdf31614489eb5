import { expect, test } from '@playwright/test';
import { adminToken, createProduct, deliverStripeEvent, fillCheckout, screenshot, unique } from './support';

test('a guest pays by card: off to Stripe Checkout, the signed webhook marks it paid, back to the confirmation', async ({ page, request }) => {
  const token = await adminToken(request);
  const tag = unique('Card');
  const scarf = await createProduct(request, token, { name: `${tag} Scarf`, priceCents: 1800, stock: 2 });
  const email = `${tag.replace(/\s+/g, '.').toLowerCase()}@example.com`;

  await page.goto(`/products/${scarf.slug}`);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('link', { name: /^Cart, 1 item/ })).toBeVisible();
  await page.goto('/checkout');
  await fillCheckout(page, {
    email, payment: 'card',
    address: { fullName: 'Mary Jackson', line1: '3 Wright Ave', city: 'Hampton', postalCode: '23666' },
  });
  await page.getByRole('button', { name: 'Place order' }).click();

  // The browser is on Stripe's (stubbed) Checkout page; the order waits for payment, its stock held.
  await expect(page.getByRole('heading', { name: 'Stripe test checkout' })).toBeVisible();
  const found = await request.get(`/api/v1/admin/orders?email=${encodeURIComponent(email)}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const order = (await found.json()).items[0];
  expect(order.status).toBe('PENDING_PAYMENT');
  expect(order.payment.provider).toBe('stripe');

  // Stripe reports the payment, twice (it retries): it takes effect once.
  // The session the stub created for this order (it names sessions after their orders), for the order's total:
  // a paid event about any other session or amount would be refused.
  const session = { id: `cs_test_${order.id}`, object: 'checkout.session', client_reference_id: order.id,
    metadata: { orderId: order.id }, payment_status: 'paid', payment_intent: `pi_e2e_${Date.now()}`,
    amount_total: order.totalCents, currency: order.currency.toLowerCase() };
  await deliverStripeEvent(request, 'checkout.session.completed', session);
  await deliverStripeEvent(request, 'checkout.session.completed', session);

  // ...and sends the shopper back to the success URL the service gave it.
  await page.goto(`/orders/confirmation?order=${order.id}&session_id=${session.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you for your order' })).toBeVisible();
  await expect(page.getByTestId('order-number')).toHaveText(order.number);
  await expect(page.locator('.badge')).toHaveText('Paid'); // the checkout snapshot said awaiting payment
  await screenshot(page, '14-stripe-confirmation');

  await page.goto(`/track?number=${encodeURIComponent(order.number)}&email=${encodeURIComponent(email)}`);
  await expect(page.getByRole('heading', { name: `Order ${order.number}` })).toBeVisible();
  await expect(page.getByText('Paid', { exact: true })).toBeVisible();
});
