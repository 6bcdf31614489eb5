import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeServer, problem } from '../../test/fakeServer';
import { aTrackedOrder } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import LookupPage from './LookupPage';
import TrackPage from './TrackPage';

const TRACKED = aTrackedOrder({ status: 'SHIPPED', trackingNumber: '1Z999', shippingCity: 'Lyon', shippingCountry: 'FR' });

describe('LookupPage', () => {
  it('looks up straight away when the link carries number and email', async () => {
    const server = fakeServer({
      'POST /api/v1/orders/lookup': () => [200, TRACKED],
    });
    renderPage(<LookupPage />, { route: '/track?number=A-1001&email=guest%40example.com', path: '/track' });
    expect(screen.getByLabelText('Order number')).toHaveValue('A-1001');
    expect(screen.getByLabelText('Email')).toHaveValue('guest@example.com');
    expect(await screen.findByRole('heading', { level: 2, name: 'Order A-1001' })).toBeInTheDocument();
    expect(screen.getByText('Shipped')).toBeInTheDocument();
    expect(screen.getByText('1Z999')).toBeInTheDocument();
    expect(screen.getByText('Lyon, France')).toBeInTheDocument();
    expect(server.requests.filter((r) => r.method === 'POST').map((r) => r.body))
      .toEqual([{ number: 'A-1001', email: 'guest@example.com' }]);
  });

  it('says when nothing matches, and shows the rate limit', async () => {
    let calls = 0;
    fakeServer({
      'POST /api/v1/orders/lookup': () => (++calls === 1 ? [404, problem(404, 'not_found')] : [429, problem(429, 'rate_limited')]),
    });
    const user = userEvent.setup();
    renderPage(<LookupPage />, { route: '/track', path: '/track' });
    await user.type(screen.getByLabelText('Order number'), 'A-9');
    await user.type(screen.getByLabelText('Email'), 'x@example.com');
    await user.click(screen.getByRole('button', { name: 'Track order' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('No order matches that number and email.');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/track?number=A-9&email=x%40example.com'));

    await user.click(screen.getByRole('button', { name: 'Track order' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Too many attempts'));
  });
});

describe('TrackPage', () => {
  it('shows the tracked order', async () => {
    fakeServer({
      'GET /api/v1/orders/track/tok123': () => [200, { ...TRACKED, trackingNumber: null, status: 'PAID' }],
    });
    renderPage(<TrackPage />, { route: '/orders/track/tok123', path: '/orders/track/:token' });
    expect(screen.getByRole('heading', { level: 1, name: 'Your order' })).toBeInTheDocument();
    expect(await screen.findByText('Not shipped yet')).toBeInTheDocument();
  });

  it('shows the discount the total left out (the tracked view names no code)', async () => {
    fakeServer({
      'GET /api/v1/orders/track/tok123': () => [200, { ...TRACKED, taxCents: 180, totalCents: 2930 }],
    });
    renderPage(<TrackPage />, { route: '/orders/track/tok123', path: '/orders/track/:token' });
    const discount = await screen.findByText('Discount');
    expect(discount.nextElementSibling).toHaveTextContent('-$2.50');
    expect(screen.getByText('$29.30')).toBeInTheDocument();
  });

  it('explains an invalid link', async () => {
    fakeServer({});
    renderPage(<TrackPage />, { route: '/orders/track/bad', path: '/orders/track/:token' });
    expect(await screen.findByText('This tracking link is invalid or has expired')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Look up your order' })).toHaveAttribute('href', '/track');
  });
});
