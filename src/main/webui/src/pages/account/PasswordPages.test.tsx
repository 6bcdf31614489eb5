import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer, problem } from '../../test/fakeServer';
import { expectStatus, renderPage, settle } from '../../test/render';
import ForgotPasswordPage from './ForgotPasswordPage';
import ResetPasswordPage from './ResetPasswordPage';

async function askForResetLink() {
  const { user } = renderPage(<ForgotPasswordPage />, { route: '/forgot-password', path: '/forgot-password' });
  await user.type(screen.getByLabelText('Email'), 'ada@example.com');
  await user.click(screen.getByRole('button', { name: 'Send reset link' }));
}

function openResetLink(token: string) {
  const { user } = renderPage(<ResetPasswordPage />, { route: `/reset-password?token=${token}`, path: '/reset-password' });
  return async function setNewPassword() {
    await user.type(screen.getByLabelText('New password'), 'a new password');
    await user.click(screen.getByRole('button', { name: 'Set new password' }));
  };
}

describe('ForgotPasswordPage', () => {
  it('confirms without saying whether the account exists', async () => {
    const server = fakeServer({
      'POST /api/v1/auth/password-reset': () => [202],
    });
    await askForResetLink();
    await expectStatus('If an account exists for that email, we have sent a link to reset the password.');
    expect(server.requests.find((r) => r.method === 'POST')!.body).toEqual({ email: 'ada@example.com' });
  });

  it('shows the rate limit', async () => {
    fakeServer({
      'POST /api/v1/auth/password-reset': () => [429, problem(429, 'rate_limited')],
    });
    await askForResetLink();
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts');
  });
});

describe('ResetPasswordPage', () => {
  it('sets the password with the token from the link', async () => {
    const server = fakeServer({
      'POST /api/v1/auth/password-reset/confirm': () => [204],
    });
    const setNewPassword = openResetLink('t-1');
    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription('8 to 128 characters');
    await setNewPassword();
    await expectStatus('Your password has been changed. All other sessions were signed out.');
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/login');
    expect(server.requests.find((r) => r.method === 'POST')!.body).toEqual({ token: 't-1', password: 'a new password' });
  });

  it('explains an expired link', async () => {
    fakeServer({
      'POST /api/v1/auth/password-reset/confirm': () => [400, problem(400, 'invalid_token')],
    });
    await openResetLink('used')();
    expect(await screen.findByRole('alert')).toHaveTextContent('This reset link is invalid or has expired.');
    expect(screen.getByRole('link', { name: 'Request a new link' })).toHaveAttribute('href', '/forgot-password');
  });

  it('says so when the link has no token', async () => {
    fakeServer({});
    renderPage(<ResetPasswordPage />, { route: '/reset-password', path: '/reset-password' });
    expect(screen.getByRole('alert')).toHaveTextContent('This reset link is invalid or has expired.');
    expect(screen.queryByLabelText('New password')).not.toBeInTheDocument();
    await settle();
  });
});
