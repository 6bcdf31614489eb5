import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { MemoryRouter, Routes, useLocation } from 'react-router';
import type { AdminOrder, Product } from '../../api/generated';

/** Shows where the router is, so tests can check navigation. */
function Where() {
  const location = useLocation();
  return <div data-testid="location">{location.pathname + location.search}</div>;
}

/** Renders admin routes at one URL (entries may carry router state), with a user-event session. */
export function renderAt(entry: string | { pathname: string; search?: string; state?: unknown }, routes: ReactNode) {
  const user = userEvent.setup();
  const utils = render(
    <MemoryRouter initialEntries={[entry]}>
      <Routes>{routes}</Routes>
      <Where />
    </MemoryRouter>,
  );
  return { user, ...utils };
}

export function aProduct(overrides: Partial<Product> = {}): Product {
  return {
    id: 'p-1',
    sku: 'MUG-1',
    slug: 'blue-mug',
    name: 'Blue mug',
    description: 'A mug',
    priceCents: 1250,
    currency: 'USD',
    stock: 7,
    active: true,
    imageUrl: null,
    createdAt: '2026-01-02T10:00:00Z',
    updatedAt: '2026-01-03T10:00:00Z',
    version: 3,
    ...overrides,
  };
}

export function anOrder(overrides: Partial<AdminOrder> = {}): AdminOrder {
  return {
    id: 'o-1',
    number: 'A-1001',
    status: 'PAID',
    email: 'ann@example.com',
    userId: 'u-1',
    items: [{ productId: 'p-1', sku: 'MUG-1', name: 'Blue mug', unitPriceCents: 1250, quantity: 2, lineTotalCents: 2500 }],
    subtotalCents: 2500,
    shippingCents: 500,
    taxCents: 0,
    totalCents: 3000,
    refundedCents: 0,
    currency: 'USD',
    shippingAddress: {
      fullName: 'Ann Example', line1: '1 Main St', line2: null, city: 'Springfield', region: null,
      postalCode: '12345', country: 'US', phone: null,
    },
    payment: { provider: 'manual', status: 'paid' },
    trackingNumber: null,
    createdAt: '2026-02-01T09:00:00Z',
    updatedAt: '2026-02-01T09:30:00Z',
    statusHistory: [
      { from: null, to: 'PENDING_PAYMENT', at: '2026-02-01T09:00:00Z', actor: 'ann@example.com', note: null },
      { from: 'PENDING_PAYMENT', to: 'PAID', at: '2026-02-01T09:30:00Z', actor: 'admin@example.com', note: 'Bank transfer' },
    ],
    refunds: [],
    ...overrides,
  };
}
