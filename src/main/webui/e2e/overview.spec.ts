import { expect, request as playwrightRequest, test, type Locator } from '@playwright/test';
import { admin, adminToken, createProduct, guestOrder, screenshot, unique } from './support';

/** The whole number a locator shows ("1,234" reads 1234). */
async function numberIn(locator: Locator): Promise<number> {
  return Number(((await locator.textContent()) ?? '').replace(/\D/g, ''));
}

test('the admin overview counts today\'s paid guest order', async ({ page, request, baseURL }) => {
  const token = await adminToken(request);
  const product = await createProduct(request, token, { name: `${unique('Overview')} Kettle`, priceCents: 4200, stock: 5 });
  const guest = await playwrightRequest.newContext({ baseURL });
  const order = await guestOrder(guest, product.id, 'overview.flow@example.com');
  await guest.dispose();
  const paid = await request.patch(`/api/v1/admin/orders/${order.id}/status`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { status: 'PAID' },
  });
  expect(paid.status(), await paid.text()).toBe(200);
  // the API's days are UTC days; so are the page's presets
  const today = new Date().toISOString().slice(0, 10);

  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  // /admin lands on the overview, first in the admin navigation
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Admin' });
  await expect(nav.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('group', { name: 'Net sales', exact: true })).toBeVisible();

  const answered = page.waitForResponse((r) => r.url().includes('/api/v1/admin/stats')
    && r.url().includes(`from=${today}`) && r.url().includes(`to=${today}`));
  await page.getByRole('button', { name: 'Today' }).click();
  const response = await answered;
  expect(response.status(), await response.text()).toBe(200);
  const stats = await response.json();
  expect(stats.totals.orders).toBeGreaterThanOrEqual(1);
  expect(stats.totals.netCents).toBeGreaterThan(0);

  await expect(page).toHaveURL(new RegExp(`[?&]from=${today}&to=${today}&interval=day`));
  await expect(page.getByRole('button', { name: 'Today' })).toHaveAttribute('aria-pressed', 'true');
  // the page shows today's answer (polled: the last 30 days' figures stay on screen until it lands)
  const orders = page.getByRole('group', { name: 'Orders', exact: true });
  await expect.poll(() => numberIn(orders.locator('.figure-value'))).toBe(stats.totals.orders);
  const net = page.getByRole('group', { name: 'Net sales', exact: true }).locator('.figure-value');
  await expect(net).toHaveText(/[1-9]/); // not $0.00
  const toShip = page.getByRole('link', { name: /^To ship \d+$/ });
  await expect(toShip).toHaveAttribute('href', '/admin/orders?status=PAID');
  expect(await numberIn(toShip)).toBeGreaterThanOrEqual(1);
  await expect(page.getByRole('table', { name: 'Net sales by day' })).toBeAttached();
  await screenshot(page, '20-admin-overview');

  // "To ship" opens the paid orders, ours among them
  await toShip.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
  await expect(page.getByLabel('Status')).toHaveValue('PAID');
  await expect(page.getByRole('link', { name: order.number })).toBeVisible();
});
