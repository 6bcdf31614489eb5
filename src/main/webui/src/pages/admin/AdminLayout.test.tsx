import { screen, within } from '@testing-library/react';
import { Route } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import AdminLayout from './AdminLayout';
import { fakeServer } from '../../test/fakeServer';
import { anAdmin } from '../../test/fixtures';
import { renderRoutes } from '../../test/render';

const routes = (
  <Route path="/admin" element={<AdminLayout />}>
    <Route index element={<h1>Overview</h1>} />
    <Route path="orders" element={<h1>Orders</h1>} />
    <Route path="orders/:id" element={<h1>Order</h1>} />
  </Route>
);

describe('AdminLayout', () => {
  beforeEach(() => {
    fakeServer({});
  });

  it('lists the overview first and marks only the current section', async () => {
    const { user } = renderRoutes(routes, { at: '/admin', signedIn: anAdmin() });
    const nav = screen.getByRole('navigation', { name: 'Admin' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Overview', 'Orders', 'Products', 'Categories', 'Promotions', 'Users', 'Two-factor sign-in']);
    expect(within(nav).getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Orders' })).not.toHaveAttribute('aria-current');

    await user.click(within(nav).getByRole('link', { name: 'Orders' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Orders' })).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Orders' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Overview' })).not.toHaveAttribute('aria-current');
  });

  it('keeps "Orders" current on an order\'s page', () => {
    renderRoutes(routes, { at: '/admin/orders/o-1', signedIn: anAdmin() });
    const nav = screen.getByRole('navigation', { name: 'Admin' });
    expect(within(nav).getByRole('link', { name: 'Orders' })).toHaveClass('active');
    expect(within(nav).getByRole('link', { name: 'Overview' })).not.toHaveClass('active');
  });
});
