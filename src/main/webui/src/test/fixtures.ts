import type {
  AdminOrder, AdminUser, AuthResponse, Cart, CartItem, CategoryNode, Order, Product, Promotion, TrackedOrder, User,
} from '../api/generated';

/**
 * The one set of test data (never imported by the app): every builder returns a complete, consistent value
 * of the API's type, and `overrides` change only what a test is about. The same mug, order and people
 * appear everywhere, so tests read alike.
 */

export function aUser(overrides: Partial<User> = {}): User {
  return {
    id: 'u1', email: 'ada@example.com', name: 'Ada Lovelace', role: 'customer', createdAt: '2026-01-05T10:00:00Z',
    twoFactorEnabled: false, ...overrides,
  };
}

export function anAdmin(overrides: Partial<User> = {}): User {
  return aUser({ id: 'admin-1', email: 'admin@example.com', name: 'Shop Admin', role: 'admin', ...overrides });
}

/** A user as the admin pages see them: with their order count and spending. */
export function anAdminUser(overrides: Partial<AdminUser> = {}): AdminUser {
  return { ...aUser(), orderCount: 3, totalSpentCents: 12345, ...overrides };
}

/** The answer to login and register. */
export function anAuth(user: User = aUser()): AuthResponse {
  return { accessToken: 'jwt', tokenType: 'Bearer', expiresIn: 900, user };
}

export function aProduct(overrides: Partial<Product> = {}): Product {
  return {
    id: 'p1', sku: 'MUG-1', slug: 'blue-mug', name: 'Blue mug', description: 'A mug.', priceCents: 1250,
    currency: 'USD', stock: 10, active: true, imageUrl: null, createdAt: '2026-01-02T10:00:00Z',
    updatedAt: '2026-01-03T10:00:00Z', version: 3, options: [],
    variants: [{ id: 'v1', sku: 'MUG-1', options: {}, priceCents: 1250, stock: 10, active: true, imageUrl: null }],
    images: [], categories: [], ...overrides,
  };
}

/** A category tree node; without children it is a leaf. */
export function aCategory(overrides: Partial<CategoryNode> = {}): CategoryNode {
  return { id: 'cat-mugs', slug: 'mugs', name: 'Mugs', children: [], ...overrides };
}

/** The shop's category tree: Kitchen > (Mugs, Teapots > Cast iron), and Garden. */
export function aCategoryTree(): CategoryNode[] {
  return [
    aCategory({
      id: 'cat-kitchen', slug: 'kitchen', name: 'Kitchen', children: [
        aCategory(),
        aCategory({ id: 'cat-teapots', slug: 'teapots', name: 'Teapots', children: [
          aCategory({ id: 'cat-cast-iron', slug: 'cast-iron', name: 'Cast iron' }),
        ] }),
      ],
    }),
    aCategory({ id: 'cat-garden', slug: 'garden', name: 'Garden' }),
  ];
}

/** A cart line of the mug; the line total follows price and quantity unless given. */
export function aCartItem(overrides: Partial<CartItem> = {}): CartItem {
  const item = {
    productId: 'p1', sku: 'MUG-1', slug: 'blue-mug', name: 'Blue mug', unitPriceCents: 1250, quantity: 1,
    availableStock: 10, variantId: 'v1', options: {}, ...overrides,
  };
  return { lineTotalCents: item.unitPriceCents * item.quantity, ...item };
}

/** A cart whose totals add up: shipping 500 and tax 8 % of the subtotal (so total != subtotal). Empty by default. */
export function aCart(items: CartItem[] = []): Cart {
  const subtotalCents = items.reduce((sum, i) => sum + i.lineTotalCents, 0);
  const shippingCents = items.length ? 500 : 0;
  const taxCents = Math.round(subtotalCents * 0.08);
  return {
    id: items.length ? 'c1' : null, items, itemCount: items.reduce((n, i) => n + i.quantity, 0),
    subtotalCents, promotion: null, promotionRefused: null, discountCents: 0, shippingCents, taxCents,
    totalCents: subtotalCents + shippingCents + taxCents, currency: 'USD',
  };
}

/** The cart with a code applied: the discount off the subtotal, tax 8 % of what is left (as the server quotes it). */
export function withPromotion(cart: Cart, code = 'SAVE10', discountCents = Math.round(cart.subtotalCents / 10)): Cart {
  const taxCents = Math.round((cart.subtotalCents - discountCents) * 0.08);
  return {
    ...cart, promotion: { code, discountCents }, discountCents, taxCents,
    totalCents: cart.subtotalCents - discountCents + cart.shippingCents + taxCents,
  };
}

/** A 10 % code for the whole catalog, without bounds, used 3 times. */
export function aPromotion(overrides: Partial<Promotion> = {}): Promotion {
  return {
    id: 'promo-1', code: 'SAVE10', type: 'percent', value: 1000, minSubtotalCents: 0, startsAt: null, endsAt: null,
    usageLimit: null, perCustomerLimit: null, usedCount: 3, active: true, categoryIds: [],
    createdAt: '2026-11-20T10:00:00Z', ...overrides,
  };
}

/** A guest's order of two mugs, placed with manual payment and awaiting it. */
export function anOrder(overrides: Partial<Order> = {}): Order {
  return {
    id: 'o1', number: 'A-1001', status: 'PENDING_PAYMENT', email: 'guest@example.com',
    items: [{
      productId: 'p1', sku: 'MUG-1', name: 'Blue mug', unitPriceCents: 1250, quantity: 2, lineTotalCents: 2500,
      discountCents: 0, variantId: 'v1', options: {},
    }],
    subtotalCents: 2500, discountCents: 0, promotionCode: null, shippingCents: 500, taxCents: 200, totalCents: 3200, refundedCents: 0, currency: 'USD',
    shippingAddress: {
      fullName: 'Grace Hopper', line1: '1 Main St', line2: null, city: 'Springfield', region: null,
      postalCode: '12345', country: 'US', phone: null,
    },
    payment: { provider: 'manual', status: 'pending' }, trackingNumber: null,
    createdAt: '2026-02-01T09:00:00Z', updatedAt: '2026-02-01T09:00:00Z', ...overrides,
  };
}

/** The order of two mugs placed with the code SAVE10 (10 % off): the discount on its one line, tax on what is left. */
export function aDiscountedOrder(overrides: Partial<Order> = {}): Order {
  const order = anOrder();
  return {
    ...order, items: [{ ...order.items[0], discountCents: 250 }], discountCents: 250, promotionCode: 'SAVE10',
    taxCents: 180, totalCents: 2930, ...overrides,
  };
}

/** The same order as the admin pages see it once paid: a customer's, with its status history. */
export function anAdminOrder(overrides: Partial<AdminOrder> = {}): AdminOrder {
  return {
    ...anOrder({ status: 'PAID', payment: { provider: 'manual', status: 'paid' }, updatedAt: '2026-02-01T09:30:00Z' }),
    userId: 'u1',
    statusHistory: [
      { from: null, to: 'PENDING_PAYMENT', at: '2026-02-01T09:00:00Z', actor: 'guest@example.com', note: null },
      { from: 'PENDING_PAYMENT', to: 'PAID', at: '2026-02-01T09:30:00Z', actor: 'admin@example.com', note: 'Bank transfer' },
    ],
    refunds: [],
    ...overrides,
  };
}

/** The same order as tracking links and the lookup show it. */
export function aTrackedOrder(overrides: Partial<TrackedOrder> = {}): TrackedOrder {
  const order = anOrder();
  return {
    number: order.number, status: order.status,
    items: order.items.map(({ sku, name, quantity, unitPriceCents, lineTotalCents }) =>
      ({ sku, name, quantity, unitPriceCents, lineTotalCents })),
    subtotalCents: order.subtotalCents, shippingCents: order.shippingCents, taxCents: order.taxCents,
    totalCents: order.totalCents, currency: order.currency, createdAt: order.createdAt,
    trackingNumber: order.trackingNumber, shippingCity: order.shippingAddress.city,
    shippingCountry: order.shippingAddress.country, ...overrides,
  };
}

/** One page of a list answer. */
export function aPage<T>(items: T[], { page = 0, size = 20, totalPages = items.length ? 1 : 0 } = {}) {
  return { items, page, size, totalItems: items.length, totalPages };
}
