import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeServer, problem } from '../../test/fakeServer';
import { aUser, anAuth } from '../../test/fixtures';
import { renderPage, settle } from '../../test/render';
import LoginPage from './LoginPage';

async function signIn(password: string) {
  const user = userEvent.setup();
  await user.clear(screen.getByLabelText('Email'));
  await user.clear(screen.getByLabelText('Password'));
  await user.type(screen.getByLabelText('Email'), 'ada@example.com');
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('LoginPage', () => {
  it('shows invalid credentials, then signs in and follows next', async () => {
    const server = fakeServer({
      'POST /api/v1/auth/login': ({ body }) => ((body as { password: string }).password === 'right-password'
        ? [200, anAuth()] : [401, problem(401, 'invalid_credentials')]),
    });
    renderPage(<LoginPage />, { route: '/login?next=%2Faccount%2Forders%3Fpage%3D2', path: '/login' });
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toHaveAttribute('autocomplete', 'current-password');
    expect(screen.getByRole('link', { name: 'Create an account' }))
      .toHaveAttribute('href', '/register?next=%2Faccount%2Forders%3Fpage%3D2');
    expect(screen.getByRole('link', { name: 'Forgot your password?' })).toHaveAttribute('href', '/forgot-password');

    await signIn('wrong-password');
    expect(await screen.findByRole('alert')).toHaveTextContent('Email or password is incorrect.');
    expect(screen.getByTestId('location')).toHaveTextContent('/login');

    await signIn('right-password');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/account/orders?page=2'));
    expect(server.requests.filter((r) => r.path === '/api/v1/auth/login').map((r) => r.body))
      .toEqual([{ email: 'ada@example.com', password: 'wrong-password' }, { email: 'ada@example.com', password: 'right-password' }]);
  });

  it.each(['//evil.example/x', '/\\evil.example', 'https://evil.example'])('ignores an off-site next (%s)', async (next) => {
    fakeServer({
      'POST /api/v1/auth/login': () => [200, anAuth()],
    });
    renderPage(<LoginPage />, { route: `/login?next=${encodeURIComponent(next)}`, path: '/login' });
    await signIn('right-password');
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/'));
  });

  it('asks for the authenticator code when two-factor sign-in is on, and resends with it', async () => {
    const server = fakeServer({
      'POST /api/v1/auth/login': ({ body }) => ((body as { otp?: string }).otp === '123456'
        ? [200, anAuth(aUser({ role: 'admin', twoFactorEnabled: true }))] : [401, problem(401, 'mfa_required')]),
    });
    renderPage(<LoginPage />, { route: '/login?next=%2Fadmin', path: '/login' });
    expect(screen.queryByLabelText('Authentication code')).not.toBeInTheDocument();

    await signIn('right-password');
    expect(await screen.findByRole('alert')).toHaveTextContent('enter the code your authenticator app shows');
    const code = screen.getByLabelText('Authentication code');
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    expect(code).toHaveAttribute('inputmode', 'numeric');

    const user = userEvent.setup();
    await user.type(code, '654321');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That code is not right or was already used.');
    expect(screen.getByLabelText('Authentication code')).toHaveValue('');

    await user.type(screen.getByLabelText('Authentication code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/admin'));
    expect(server.requests.filter((r) => r.path === '/api/v1/auth/login').map((r) => r.body)).toEqual([
      { email: 'ada@example.com', password: 'right-password' },
      { email: 'ada@example.com', password: 'right-password', otp: '654321' },
      { email: 'ada@example.com', password: 'right-password', otp: '123456' },
    ]);
  });

  it('shows the rate limit message', async () => {
    fakeServer({
      'POST /api/v1/auth/login': () => [429, problem(429, 'rate_limited')],
    });
    renderPage(<LoginPage />, { route: '/login', path: '/login' });
    await signIn('whatever1');
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts');
  });

  it('tells a signed-in visitor so', async () => {
    fakeServer({});
    renderPage(<LoginPage />, { route: '/login?next=/cart', path: '/login', signedIn: aUser() });
    expect(screen.getByRole('status')).toHaveTextContent('You are signed in as ada@example.com.');
    expect(screen.getByRole('link', { name: 'Continue' })).toHaveAttribute('href', '/cart');
    await settle();
  });
});
