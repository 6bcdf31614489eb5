import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement, ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { expect } from 'vitest';
import type { User } from '../api/generated';
import { session } from '../api/session';
import { AuthProvider } from '../auth/AuthContext';
import { CartProvider } from '../cart/CartContext';

/** Shows where the router is, so tests can assert navigation. */
function LocationProbe() {
  const location = useLocation();
  return <div data-testid="location" hidden>{location.pathname + location.search}</div>;
}

type Entry = string | { pathname: string; search?: string; state?: unknown };

/**
 * Renders routes as the app does (router, auth, cart) at `at` (a URL, or an entry carrying router state).
 * `signedIn` signs in first (an access token in memory), else the visitor is a guest. Returns the testing
 * library's queries with a user-event session as `user`.
 */
export function renderRoutes(routes: ReactNode, { at = '/', signedIn = null }: { at?: Entry; signedIn?: User | null } = {}) {
  session.set(signedIn ? { accessToken: 'test-token', user: signedIn } : null);
  const user = userEvent.setup();
  const utils = render(
    <MemoryRouter initialEntries={[at]}>
      <AuthProvider>
        <CartProvider>
          <Routes>
            {routes}
            <Route path="*" element={null} />
          </Routes>
          <LocationProbe />
        </CartProvider>
      </AuthProvider>
    </MemoryRouter>,
  );
  return { user, ...utils };
}

/** One page at `route`, matched by `path`. */
export function renderPage(page: ReactElement, { route = '/', path = '/', signedIn = null as User | null } = {}) {
  return renderRoutes(<Route path={path} element={page} />, { at: route, signedIn });
}

/** Lets pending fake-server answers (the cart every page loads) land inside act(), for tests that end early. */
export async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/**
 * Waits until some live region (role=status) says `text`. A page may hold more than one at a time (a
 * notice beside a "Loading…" of the reload it triggered), so `findByRole('status')` alone would be racy.
 */
export async function expectStatus(text: string): Promise<void> {
  await waitFor(() => {
    const said = screen.queryAllByRole('status').map((region) => region.textContent ?? '');
    expect(said.some((t) => t.includes(text)), `a status saying "${text}" among ${JSON.stringify(said)}`).toBe(true);
  });
}
