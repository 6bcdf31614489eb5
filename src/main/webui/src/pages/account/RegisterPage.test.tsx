import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeServer, problem } from '../../test/fakeServer';
import { anAuth } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import RegisterPage from './RegisterPage';

async function fill() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Name'), 'Ada');
  await user.type(screen.getByLabelText('Email'), 'ada@example.com');
  await user.type(screen.getByLabelText('Password'), 'long enough');
  await user.click(screen.getByRole('button', { name: 'Create account' }));
}

describe('RegisterPage', () => {
  it('sends the invite token and lands on the orders it claimed', async () => {
    const server = fakeServer({
      'POST /api/v1/auth/register': () => [201, anAuth()],
    });
    renderPage(<RegisterPage />, { route: '/register?invite=inv-1', path: '/register' });
    expect(screen.getByRole('status')).toHaveTextContent('Create your account to see the orders you placed as a guest.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('8 to 128 characters');
    await fill();
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/account/orders'));
    expect(server.requests.find((r) => r.method === 'POST')!.body)
      .toEqual({ name: 'Ada', email: 'ada@example.com', password: 'long enough', inviteToken: 'inv-1' });
  });

  it('marks a taken email and offers to sign in', async () => {
    fakeServer({
      'POST /api/v1/auth/register': () => [409, problem(409, 'email_taken')],
    });
    renderPage(<RegisterPage />, { route: '/register?next=/checkout', path: '/register' });
    await fill();
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/login?next=%2Fcheckout');
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getAllByRole('link', { name: 'Sign in' })).toHaveLength(1);
  });

  it('explains an expired invite', async () => {
    fakeServer({
      'POST /api/v1/auth/register': () => [400, problem(400, 'invalid_token')],
    });
    renderPage(<RegisterPage />, { route: '/register?invite=old', path: '/register' });
    await fill();
    expect(await screen.findByRole('alert')).toHaveTextContent('This invite link is invalid or has expired.');
  });

  it('shows validation errors by field and goes home without next', async () => {
    let calls = 0;
    fakeServer({
      'POST /api/v1/auth/register': () => (++calls === 1
        ? [400, problem(400, 'validation_failed', [{ field: 'password', message: 'size must be between 8 and 128' }])]
        : [201, anAuth()]),
    });
    renderPage(<RegisterPage />, { route: '/register', path: '/register' });
    await fill();
    await waitFor(() => expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(expect.stringContaining('size must be between 8 and 128'));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/'));
  });
});
