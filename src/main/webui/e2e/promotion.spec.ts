import { expect, test, type Page } from '@playwright/test';
import { admin, adminToken, createProduct, deliverStripeEvent, fillCheckout, screenshot, unique } from './support';

/** The totals list (subtotal, discount, shipping, tax, total) as term -> amount. */
async function totals(page: Page): Promise<Record<string, string>> {
  return page.locator('dl.totals').first().evaluate((dl) => {
    const out: Record<string, string> = {};
    dl.querySelectorAll('dt').forEach((dt) => { out[dt.textContent ?? ''] = dt.nextElementSibling?.textContent ?? ''; });
    return out;
  });
}

test('an admin creates a discount code in the dashboard; a guest applies it in the cart and pays the discounted total by card',
  async ({ page, request, browser, baseURL }) => {
    const token = await adminToken(request);
    const tag = unique('Promo');
    const lamp = await createProduct(request, token, { name: `${tag} Lamp`, priceCents: 4000, stock: 3 });
    const code = `E2E${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
    const email = `${tag.replace(/\s+/g, '.').toLowerCase()}@example.com`;

    // The admin, in a browser session of their own, makes a 12.5 % code for 5 uses through the form.
    const office = await browser.newContext({ baseURL });
    const dashboard = await office.newPage();
    await dashboard.goto('/admin/promotions');
    await dashboard.getByLabel('Email').fill(admin.email);
    await dashboard.getByLabel('Password').fill(admin.password);
    await dashboard.getByRole('button', { name: 'Sign in' }).click();
    await expect(dashboard.getByRole('heading', { level: 1, name: 'Promotions' })).toBeVisible();
    await dashboard.getByRole('link', { name: 'New promotion' }).click();
    await expect(dashboard.getByRole('heading', { level: 1, name: 'New promotion' })).toBeVisible();
    await dashboard.getByLabel('Code').fill(code);
    await dashboard.getByLabel('Percent off').fill('12.345');
    await dashboard.getByRole('button', { name: 'Create promotion' }).click();
    await expect(dashboard.getByText('Enter a percent like 12.5 (at most 2 decimals)')).toBeVisible();
    await dashboard.getByLabel('Percent off').fill('12.5');
    await dashboard.getByLabel('Usage limit (optional)').fill('5');
    await screenshot(dashboard, '40-admin-promotion-form');
    await dashboard.getByRole('button', { name: 'Create promotion' }).click();
    await expect(dashboard.getByRole('status').filter({ hasText: `Promotion ${code} created` })).toBeVisible();
    await expect(dashboard.getByRole('heading', { level: 1, name: `Edit ${code}` })).toBeVisible();
    await expect(dashboard.getByTestId('usage')).toHaveText('0 / 5');

    // The list finds it by part of its code.
    await dashboard.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Promotions' }).click();
    await dashboard.getByRole('search', { name: 'Filter promotions' }).getByLabel('Search').fill(code.slice(0, -2).toLowerCase());
    await dashboard.getByRole('button', { name: 'Apply' }).click();
    const row = dashboard.getByRole('row').filter({ has: dashboard.getByRole('link', { name: code, exact: true }) });
    await expect(row).toBeVisible();
    await expect(row.getByRole('cell')).toHaveText([code, 'Percent off', '12.5 %', 'Always', '5 uses', '0 / 5', 'Active',
      'Deactivate']);
    await screenshot(dashboard, '41-admin-promotions');

    // A guest adds the lamp; a code that does not exist is refused with its reason.
    await page.goto(`/products/${lamp.slug}`);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page.getByRole('link', { name: /^Cart, 1 item/ })).toBeVisible();
    await page.goto('/cart');
    const codeForm = page.getByRole('form', { name: 'Apply a discount code' });
    await codeForm.getByLabel('Discount code').fill('NO-SUCH-CODE');
    await codeForm.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByRole('alert')).toContainText('No such promotion code');
    await screenshot(page, '42-cart-invalid-code');

    // The admin's code, typed in lower case (codes are case-insensitive): 12.5 % of 40.00 is 5.00 off.
    const before = await (await page.request.get('/api/v1/cart')).json();
    await codeForm.getByLabel('Discount code').fill(code.toLowerCase());
    await codeForm.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByTestId('applied-code')).toContainText(`Code ${code} applied`);
    await expect(page.getByTestId('applied-code')).toContainText('5.00 off');
    await expect(page.getByRole('alert')).toHaveCount(0);
    const cart = await (await page.request.get('/api/v1/cart')).json();
    expect(cart.promotion).toEqual({ code, discountCents: 500 });
    expect(cart.discountCents).toBe(500);
    expect(cart.totalCents).toBe(cart.subtotalCents - 500 + cart.shippingCents + cart.taxCents);
    expect(cart.totalCents).toBeLessThan(before.totalCents);
    const shown = await totals(page);
    expect(shown[`Discount (${code})`]).toContain('5.00');
    expect(Object.keys(shown)).toEqual(['Subtotal', `Discount (${code})`, 'Shipping', 'Tax', 'Total']);
    await screenshot(page, '43-cart-discount');

    // Checkout by card: the summary shows the discounted total, and the order is placed at it.
    await page.getByRole('link', { name: 'Proceed to checkout' }).click();
    const summary = page.getByRole('complementary', { name: 'Order summary' });
    await expect(summary.getByText(`Discount (${code})`)).toBeVisible();
    expect((await totals(page)).Total).toBe(shown.Total);
    await fillCheckout(page, {
      email, payment: 'card',
      address: { fullName: 'Katherine Johnson', line1: '1 Langley Blvd', city: 'Hampton', postalCode: '23681' },
    });
    await page.getByRole('button', { name: 'Place order' }).click();
    await expect(page.getByRole('heading', { name: 'Stripe test checkout' })).toBeVisible();

    const found = await request.get(`/api/v1/admin/orders?email=${encodeURIComponent(email)}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const order = (await found.json()).items[0];
    expect(order.status).toBe('PENDING_PAYMENT');
    expect(order.totalCents).toBe(cart.totalCents);
    expect(order.discountCents).toBe(500);
    expect(order.promotionCode).toBe(code);
    expect(order.items.map((i: { discountCents: number }) => i.discountCents)).toEqual([500]);

    // Stripe charges exactly the order's (discounted) total and reports it paid.
    const session = { id: `cs_test_${order.id}`, object: 'checkout.session', client_reference_id: order.id,
      metadata: { orderId: order.id }, payment_status: 'paid', payment_intent: `pi_e2e_${Date.now()}`,
      amount_total: order.totalCents, currency: order.currency.toLowerCase() };
    await deliverStripeEvent(request, 'checkout.session.completed', session);

    await page.goto(`/orders/confirmation?order=${order.id}&session_id=${session.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Thank you for your order' })).toBeVisible();
    await expect(page.locator('.badge')).toHaveText('Paid');
    const confirmed = await totals(page);
    expect(confirmed[`Discount (${code})`]).toContain('5.00');
    expect(confirmed.Total).toBe(shown.Total);
    await screenshot(page, '44-promotion-confirmation');

    // Back in the dashboard: the code has one use, and the order names it with its discount.
    await dashboard.goto(`/admin/promotions/${(await (await request.get(
      `/api/v1/admin/promotions?q=${code}`, { headers: { Authorization: `Bearer ${token}` } })).json()).items[0].id}`);
    await expect(dashboard.getByTestId('usage')).toHaveText('1 / 5');
    await dashboard.goto(`/admin/orders/${order.id}`);
    await expect(dashboard.getByRole('heading', { level: 1, name: `Order ${order.number}` })).toBeVisible();
    await expect(dashboard.getByText(`${code} (`)).toBeVisible();
    await expect(dashboard.getByRole('table', { name: 'Items' }).getByRole('columnheader', { name: 'Discount' })).toBeVisible();
    await screenshot(dashboard, '45-admin-order-discount');
    await office.close();
  });
