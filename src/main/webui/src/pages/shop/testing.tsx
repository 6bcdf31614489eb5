import { act, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import type { Cart, CartItem, Order, Product, User } from '../../api/generated';
import { session } from '../../api/session';
import { AuthProvider } from '../../auth/AuthContext';
import { CartProvider } from '../../cart/CartContext';

/** Test helpers for the shop and account pages (never imported by the app). */

export const CUSTOMER: User = {
  id: 'u1', email: 'ada@example.com', name: 'Ada Lovelace', role: 'customer', createdAt: '2024-01-01T00:00:00Z',
};

export function cartItem(overrides: Partial<CartItem> = {}): CartItem {
  const item = {
    productId: 'p1', sku: 'MUG-1', slug: 'blue-mug', name: 'Blue mug', unitPriceCents: 1250, quantity: 1,
    availableStock: 10, ...overrides,
  };
  return { lineTotalCents: item.unitPriceCents * item.quantity, ...item };
}

/** A cart whose totals add up: shipping 500 and tax 8 % of the subtotal (so total != subtotal). */
export function cartOf(items: CartItem[]): Cart {
  const subtotalCents = items.reduce((sum, i) => sum + i.lineTotalCents, 0);
  const shippingCents = items.length ? 500 : 0;
  const taxCents = Math.round(subtotalCents * 0.08);
  return {
    id: items.length ? 'c1' : null, items, itemCount: items.reduce((n, i) => n + i.quantity, 0),
    subtotalCents, shippingCents, taxCents, totalCents: subtotalCents + shippingCents + taxCents, currency: 'USD',
  };
}

export function productOf(overrides: Partial<Product> = {}): Product {
  return {
    id: 'p1', sku: 'MUG-1', slug: 'blue-mug', name: 'Blue mug', description: 'A mug.', priceCents: 1250,
    currency: 'USD', stock: 10, active: true, imageUrl: null, createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z', version: 1, ...overrides,
  };
}

export function orderOf(overrides: Partial<Order> = {}): Order {
  return {
    id: 'o1', number: 'A-1001', status: 'PENDING_PAYMENT', email: 'guest@example.com',
    items: [{ productId: 'p1', sku: 'MUG-1', name: 'Blue mug', unitPriceCents: 1250, quantity: 2, lineTotalCents: 2500 }],
    subtotalCents: 2500, shippingCents: 500, taxCents: 200, totalCents: 3200, refundedCents: 0, currency: 'USD',
    shippingAddress: {
      fullName: 'Grace Hopper', line1: '1 Main St', line2: null, city: 'Springfield', region: null,
      postalCode: '12345', country: 'US', phone: null,
    },
    payment: { provider: 'manual', status: 'pending' }, trackingNumber: null,
    createdAt: '2024-05-01T10:00:00Z', updatedAt: '2024-05-01T10:00:00Z', ...overrides,
  };
}

/** Shows where the router is, so tests can assert navigation. */
function LocationProbe() {
  const location = useLocation();
  return <div data-testid="location" hidden>{location.pathname + location.search}</div>;
}

/**
 * Renders a page as the app does (router, auth, cart) at `route`, matched by `path`. `user` signs in
 * first (an access token in memory), else the visitor is a guest.
 */
export function renderPage(page: ReactElement, { route = '/', path = '/', user = null as User | null } = {}) {
  session.set(user ? { accessToken: 'test-token', user } : null);
  return render(
    <MemoryRouter initialEntries={[route]}>
      <AuthProvider>
        <CartProvider>
          <Routes>
            <Route path={path} element={page} />
            <Route path="*" element={null} />
          </Routes>
          <LocationProbe />
        </CartProvider>
      </AuthProvider>
    </MemoryRouter>,
  );
}

/** Lets pending fake-server answers (the cart every page loads) land inside act(), for tests that end early. */
export async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}
