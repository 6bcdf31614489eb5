import { expect, test, type APIRequestContext } from '@playwright/test';
import { admin, adminToken, fillCheckout, screenshot, unique } from './support';

type Variant = { id: string; sku: string; options: Record<string, string>; priceCents: number; stock: number };

async function post<T>(request: APIRequestContext, token: string, url: string, data: unknown): Promise<T> {
  const response = await request.post(url, { headers: { Authorization: `Bearer ${token}` }, data });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

function sku(label: string): string {
  return `E2E-${label}-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
}

test('a shopper filters by category and size, picks a variant and buys it; the admin sees the variant on the order',
  async ({ page, request }) => {
    const token = await adminToken(request);
    const tag = unique('Journey');
    const category = await post<{ id: string; slug: string; name: string }>(request, token, '/api/v1/admin/categories',
      { name: `${tag} Shirts` });
    const variant = (size: string, color: string, priceCents: number, stock: number) => ({
      sku: sku(`${size}${color[0]}`), options: { Size: size, Color: color }, priceCents, stock,
    });
    // Size x Color: M/Blue is sold out; S/Blue and L/Red are not made at all.
    const shirt = await post<{ id: string; slug: string; name: string; variants: Variant[] }>(request, token,
      '/api/v1/admin/products', {
        name: `${tag} Tee`, description: 'A tee in sizes and colours, made for the end-to-end tests.',
        options: [{ name: 'Size', values: ['S', 'M', 'L'] }, { name: 'Color', values: ['Red', 'Blue'] }],
        variants: [variant('S', 'Red', 2500, 4), variant('M', 'Red', 2700, 8), variant('M', 'Blue', 2700, 0),
          variant('L', 'Blue', 2900, 2)],
        categoryIds: [category.id],
      });
    const mediumRed = shirt.variants.find((v) => v.options.Size === 'M' && v.options.Color === 'Red')!;
    // Same category, small only: the size filter drops it. Outside the category: the category drops it.
    const socks = await post<{ name: string }>(request, token, '/api/v1/admin/products', {
      name: `${tag} Socks`, options: [{ name: 'Size', values: ['S'] }], variants: [{ sku: sku('SOCK'), options: { Size: 'S' },
        priceCents: 900, stock: 10 }], categoryIds: [category.id],
    });
    const mug = await post<{ name: string }>(request, token, '/api/v1/admin/products',
      { name: `${tag} Mug`, sku: sku('MUG'), priceCents: 1200, stock: 10 });

    // The shopper: a search, then the category from the navigation, then a size from the filter panel.
    await page.goto('/');
    await page.getByLabel('Search products').fill(tag);
    await page.getByLabel('Search products').press('Enter');
    await expect(page.getByRole('link', { name: mug.name })).toBeVisible();
    await page.getByRole('navigation', { name: 'Categories' }).getByRole('link', { name: category.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: category.name })).toBeVisible();
    await expect(page.getByRole('link', { name: shirt.name, exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: socks.name, exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: mug.name })).toHaveCount(0);
    const filters = page.getByRole('complementary', { name: 'Filters' });
    const sizes = filters.getByRole('group', { name: 'Size' });
    await expect(sizes.getByRole('button', { name: 'S (2)' })).toBeVisible();
    await sizes.getByRole('button', { name: 'M (1)' }).click();
    await expect(sizes.getByRole('button', { name: /^M \(/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('link', { name: socks.name, exact: true })).toHaveCount(0);
    await expect(page.getByRole('link', { name: shirt.name, exact: true })).toBeVisible();
    expect(new URL(page.url()).searchParams.get('category')).toBe(category.slug);
    expect(new URL(page.url()).searchParams.get('option.Size')).toBe('M');
    await screenshot(page, '30-journey-filtered-list');

    // The variant picker: M keeps Red (in stock); M in Blue is sold out and cannot be picked.
    await page.getByRole('link', { name: shirt.name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: shirt.name })).toBeVisible();
    const size = page.getByRole('group', { name: 'Size' });
    const color = page.getByRole('group', { name: 'Color' });
    await size.getByRole('radio', { name: 'M', exact: true }).check();
    await expect(color.getByRole('radio', { name: 'Red', exact: true })).toBeChecked();
    await expect(color.getByRole('radio', { name: 'Blue (sold out)' })).toBeDisabled();
    await expect(page.getByText('$27.00').first()).toBeVisible();
    await expect(page.getByText('In stock', { exact: true })).toBeVisible();
    await screenshot(page, '31-journey-variant-picker');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Added to cart' })).toBeVisible();

    // A guest checkout with manual payment.
    await page.getByRole('link', { name: /^Cart, 1 item/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your cart' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(shirt.name);
    await page.getByRole('link', { name: 'Proceed to checkout' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
    await fillCheckout(page, {
      email: `${tag.replace(/\s+/g, '.').toLowerCase()}@example.com`, payment: 'manual',
      address: { fullName: 'Katherine Johnson', line1: '1 NASA Drive', city: 'Hampton', postalCode: '23666' },
    });
    await page.getByRole('button', { name: 'Place order' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Thank you for your order' })).toBeVisible();
    const number = (await page.getByTestId('order-number').textContent())?.trim() ?? '';
    expect(number).not.toBe('');

    // The admin: the product list narrowed by category and option, then the order with the variant on its line.
    await page.goto('/admin/products');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Products' })).toBeVisible();
    const productFilters = page.getByRole('search', { name: 'Filter products' });
    await productFilters.getByLabel('Category').selectOption(category.slug);
    await productFilters.getByLabel('Option').fill('Size');
    await productFilters.getByLabel('Value').fill('M');
    await productFilters.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByRole('button', { name: 'Remove Size: M' })).toBeVisible();
    const products = page.getByRole('table');
    await expect(products.getByRole('link', { name: shirt.name, exact: true })).toBeVisible();
    await expect(products.getByRole('row')).toHaveCount(2); // the header and the tee, not the socks
    await screenshot(page, '32-journey-admin-products');

    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Orders' }).click();
    await page.getByLabel('Order number').fill(number);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('link', { name: number }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Order ${number}` })).toBeVisible();
    const items = page.getByRole('table', { name: 'Items' });
    const line = items.getByRole('row').filter({ hasText: shirt.name });
    await expect(line).toHaveCount(1);
    await expect(line).toContainText(mediumRed.sku);
    await expect(line).toContainText('Size: M');
    await expect(line).toContainText('Color: Red');
    await expect(line).toContainText('$27.00');
    await screenshot(page, '33-journey-admin-order');
  });
