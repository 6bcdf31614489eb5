import { expect, test } from '@playwright/test';
import { adminToken, createProduct, fillCheckout, screenshot, unique } from './support';

test('a guest browses, adds to cart, checks out, sees the confirmation and tracks the order', async ({ page, request }) => {
  const token = await adminToken(request);
  const tag = unique('Guest');
  const lamp = await createProduct(request, token, { name: `${tag} Lamp`, priceCents: 2500, stock: 10 });
  await createProduct(request, token, { name: `${tag} Vase`, priceCents: 1200, stock: 3 });

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Products' })).toBeVisible();
  await page.getByLabel('Search products').fill(tag);
  await page.getByLabel('Search products').press('Enter');
  await expect(page.getByRole('link', { name: lamp.name })).toBeVisible();
  await expect(page.getByRole('link', { name: `${tag} Vase` })).toBeVisible();
  await page.getByLabel('Sort by').selectOption('price_asc');
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(`${tag} Vase`);
  await screenshot(page, '01-product-list');

  await page.getByRole('link', { name: lamp.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: lamp.name })).toBeVisible();
  await expect(page.getByText('$25.00').first()).toBeVisible();
  await page.getByLabel('Quantity').fill('2');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added to cart' })).toBeVisible();
  await screenshot(page, '02-product-detail');

  await page.getByRole('link', { name: /^Cart, 2 items/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your cart' })).toBeVisible();
  const quantity = page.getByLabel(`Quantity of ${lamp.name}`);
  await quantity.fill('3');
  await quantity.press('Tab');
  await expect(page.getByRole('link', { name: /^Cart, 3 items/ })).toBeVisible();
  // 3 x $25.00 = $75.00, free shipping from $50, no tax in the default configuration
  await expect(page.locator('.totals')).toContainText('$75.00');
  await screenshot(page, '03-cart');

  await page.getByRole('link', { name: 'Proceed to checkout' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
  const email = `${tag.replace(/\s+/g, '.').toLowerCase()}@example.com`;
  await fillCheckout(page, {
    email, payment: 'manual',
    address: { fullName: 'Grace Hopper', line1: '1 Navy Way', city: 'Arlington', postalCode: '22202' },
  });
  await screenshot(page, '04-checkout');
  await page.getByRole('button', { name: 'Place order' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Thank you for your order' })).toBeVisible();
  const number = (await page.getByTestId('order-number').textContent())?.trim() ?? '';
  expect(number).not.toBe('');
  await expect(page.getByRole('link', { name: /^Cart, 0 items/ })).toBeVisible();
  await screenshot(page, '05-confirmation');

  await page.getByRole('link', { name: 'Track this order' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Track your order' })).toBeVisible();
  await expect(page.getByLabel('Order number')).toHaveValue(number);
  await page.getByRole('button', { name: 'Track order' }).click();
  await expect(page.getByRole('heading', { name: `Order ${number}` })).toBeVisible();
  await expect(page.getByText('Awaiting payment')).toBeVisible();
  await screenshot(page, '06-tracking');

  // A wrong email reveals nothing.
  await page.getByLabel('Email').fill('someone.else@example.com');
  await page.getByRole('button', { name: 'Track order' }).click();
  await expect(page.getByRole('alert')).toContainText('No order matches');
});

test('a shopper who bought the last one sees it out of stock at once, though the catalog is cacheable', async ({ page, request }) => {
  const token = await adminToken(request);
  const tag = unique('Last');
  const kettle = await createProduct(request, token, { name: `${tag} Kettle`, priceCents: 4000, stock: 1 });

  // The product page's read is public and cacheable (max-age): the browser keeps it.
  await page.goto(`/products/${kettle.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: kettle.name })).toBeVisible();
  await expect(page.getByText('Only 1 left')).toBeVisible();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added to cart' })).toBeVisible();

  await page.goto('/checkout');
  await fillCheckout(page, {
    email: `${tag.replace(/\s+/g, '.').toLowerCase()}@example.com`, payment: 'manual',
    address: { fullName: 'Ada Lovelace', line1: '12 St James Square', city: 'Boston', postalCode: '02108' },
  });
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you for your order' })).toBeVisible();

  // Back on the product page well within max-age: this tab's write makes its catalog reads revalidate.
  await page.goto(`/products/${kettle.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: kettle.name })).toBeVisible();
  await expect(page.getByText('Out of stock')).toBeVisible();
  // Another tab of the same browser revalidates too.
  const other = await page.context().newPage();
  await other.goto(`/products/${kettle.slug}`);
  await expect(other.getByText('Out of stock')).toBeVisible();
});
