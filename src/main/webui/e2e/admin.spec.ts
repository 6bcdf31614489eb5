import { expect, request as playwrightRequest, test } from '@playwright/test';
import { admin, adminToken, createProduct, guestOrder, screenshot, unique } from './support';

test('an admin creates a product through the form, imports a CSV and ships an order', async ({ page, request, baseURL }) => {
  const token = await adminToken(request);
  const tag = unique('Admin');
  const seeded = await createProduct(request, token, { name: `${tag} Teapot`, priceCents: 3000, stock: 4 });
  const guest = await playwrightRequest.newContext({ baseURL });
  const order = await guestOrder(guest, seeded.id, 'admin.flow@example.com');
  await guest.dispose();

  await page.goto('/admin/orders');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();

  // A product through the form; it appears in the shop.
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Products' }).click();
  await page.getByRole('link', { name: 'New product' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New product' })).toBeVisible();
  const name = `${tag} Grinder`;
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('SKU').fill(`SKU-${Date.now()}`);
  await page.getByLabel('Description').fill('Burr grinder, 40 settings.');
  await page.getByLabel('Price').fill('12.3x');
  await page.getByRole('button', { name: 'Create product' }).click();
  await expect(page.getByText('Enter a price like 12.34')).toBeVisible();
  // (before the fix: a full-page capture between typing and clicking can shift the layout under the click)
  await screenshot(page, '09-admin-product-form-error');
  await page.getByLabel('Price').fill('19.99');
  await page.getByLabel('Stock').fill('7');
  await page.getByRole('button', { name: 'Create product' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Product created' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: `Edit ${name}` })).toBeVisible();
  await page.goto(`/?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole('link', { name })).toBeVisible();
  await expect(page.getByText('$19.99')).toBeVisible();

  // CSV import: the dry run lists every bad line and writes nothing; a clean file imports.
  await page.goto('/admin/products/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Import products from CSV' })).toBeVisible();
  const skuA = `CSV-A-${Date.now()}`;
  const skuB = `CSV-B-${Date.now()}`;
  const header = 'sku,name,slug,description,price,stock,active,image_url';
  const bad = [header, `${skuA},${tag} Cup,,Stoneware,4.50,10,true,`, `${skuB},${tag} Saucer,,,abc,5,true,`].join('\n');
  await page.getByLabel('CSV file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.getByRole('button', { name: 'Preview (dry run)' }).click();
  const problems = page.getByRole('table', { name: /Problems found/ });
  await expect(problems).toBeVisible();
  await expect(problems.getByRole('cell', { name: '3', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import' })).toBeDisabled();
  await screenshot(page, '10-admin-import-errors');
  const good = [header, `${skuA},${tag} Cup,,Stoneware,4.50,10,true,`, `${skuB},${tag} Saucer,,,3.25,5,true,`].join('\n');
  await page.getByLabel('CSV file').setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await page.getByRole('button', { name: 'Preview (dry run)' }).click();
  await expect(page.getByText('Preview: 2 to create, 0 to update')).toBeVisible();
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('Imported: 2 created, 0 updated.')).toBeVisible();
  await page.goto(`/admin/products?q=${encodeURIComponent(skuA)}`);
  await expect(page.getByRole('link', { name: `${tag} Cup` })).toBeVisible();
  await screenshot(page, '11-admin-products');

  // The guest's order: paid, then shipped with a tracking number.
  await page.goto('/admin/orders');
  await page.getByLabel('Order number').fill(order.number);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.getByRole('link', { name: order.number }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Order ${order.number}` })).toBeVisible();
  await page.getByLabel('New status').selectOption('PAID');
  await page.getByRole('button', { name: 'Update status' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Status changed to Paid' })).toBeVisible();
  await page.getByLabel('New status').selectOption('SHIPPED');
  await page.getByLabel('Tracking number').fill('1Z999AA10123456784');
  await page.getByRole('button', { name: 'Update status' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Status changed to Shipped' })).toBeVisible();
  const history = page.getByRole('table', { name: 'Status history' });
  await expect(history.getByRole('row')).toHaveCount(4); // header, placed, paid, shipped
  await expect(history.getByRole('row').last()).toContainText(`admin:${admin.email}`);
  await screenshot(page, '12-admin-order');

  await page.goto(`/track?number=${encodeURIComponent(order.number)}&email=admin.flow%40example.com`);
  await page.getByRole('button', { name: 'Track order' }).click();
  await expect(page.getByText('1Z999AA10123456784')).toBeVisible();
  await expect(page.getByText('Shipped').first()).toBeVisible();

  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await screenshot(page, '13-admin-users');
});
