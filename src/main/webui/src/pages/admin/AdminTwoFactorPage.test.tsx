import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer, problem } from '../../test/fakeServer';
import { anAdmin } from '../../test/fixtures';
import { expectStatus, renderPage } from '../../test/render';
import AdminTwoFactorPage from './AdminTwoFactorPage';

const ENROLLMENT = {
  secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  otpauthUri: 'otpauth://totp/Shop:admin%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Shop&algorithm=SHA1&digits=6&period=30',
};

describe('AdminTwoFactorPage', () => {
  it('shows the new secret as a QR code and as text, and turns two-factor sign-in on with a right code', async () => {
    const server = fakeServer({
      'GET /api/v1/me': () => [200, anAdmin()],
      'POST /api/v1/me/totp': () => [200, ENROLLMENT],
      'POST /api/v1/me/totp/confirm': ({ body }) => ((body as { code: string }).code === '123456'
        ? [204] : [400, problem(400, 'invalid_token')]),
    });
    const { user } = renderPage(<AdminTwoFactorPage />, { route: '/admin/two-factor', path: '/admin/two-factor', signedIn: anAdmin() });
    expect(screen.getByRole('heading', { level: 1, name: 'Two-factor sign-in' })).toBeInTheDocument();

    await user.click(await screen.findByRole('button', { name: 'Set up two-factor sign-in' }));
    const qr = await screen.findByRole('img', { name: 'QR code of the two-factor secret for admin@example.com' });
    // a version-4 code or larger (an otpauth URI of this length), drawn as one path of dark modules
    expect(Number(qr.getAttribute('data-modules'))).toBeGreaterThanOrEqual(33);
    expect(qr.querySelector('path')?.getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
    expect(screen.getByText(ENROLLMENT.secret)).toBeInTheDocument();

    await user.type(screen.getByLabelText('Code from the app'), '000000');
    await user.click(screen.getByRole('button', { name: 'Turn on two-factor sign-in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That code is not right.');

    await user.clear(screen.getByLabelText('Code from the app'));
    await user.type(screen.getByLabelText('Code from the app'), '123456');
    await user.click(screen.getByRole('button', { name: 'Turn on two-factor sign-in' }));
    await expectStatus('Two-factor sign-in is on');
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(server.calls('/api/v1/me/totp').map((r) => [r.path, r.body])).toEqual([
      ['/api/v1/me/totp', undefined],
      ['/api/v1/me/totp/confirm', { code: '000000' }],
      ['/api/v1/me/totp/confirm', { code: '123456' }],
    ]);
  });

  it('says so when two-factor sign-in is already on', async () => {
    fakeServer({ 'GET /api/v1/me': () => [200, anAdmin({ twoFactorEnabled: true })] });
    renderPage(<AdminTwoFactorPage />, { route: '/admin/two-factor', path: '/admin/two-factor', signedIn: anAdmin() });
    await expectStatus('Two-factor sign-in is on');
    expect(screen.queryByRole('button', { name: 'Set up two-factor sign-in' })).not.toBeInTheDocument();
  });
});
