import { useState, type FormEvent } from 'react';
import { confirmTotp, enrollTotp, getMe, type TotpEnrollment } from '../../api/generated';
import { LoadGate } from '../../components/LoadGate';
import { QrCode } from '../../components/QrCode';
import { ErrorAlert, Field, Notice, SubmitButton, usePageTitle } from '../../components/ui';
import { useLoad } from '../../lib/useLoad';
import { useSubmit } from '../../lib/useSubmit';

/**
 * Two-factor sign-in for the signed-in admin: a new authenticator secret as a QR code and as text, then a
 * code from the app to turn it on. Once on, only an operator can reset it (SHOP_TOTP_RESET).
 */
export default function AdminTwoFactorPage() {
  usePageTitle('Two-factor sign-in');
  const me = useLoad(async () => (await getMe({ throwOnError: true })).data, []);
  const [enrollment, setEnrollment] = useState<TotpEnrollment | null>(null);
  const [code, setCode] = useState('');
  const [turnedOn, setTurnedOn] = useState(false);
  const start = useSubmit();
  const confirm = useSubmit();

  function begin() {
    void start.run(async () => (await enrollTotp({ throwOnError: true })).data, {
      onSuccess: (value) => {
        setEnrollment(value);
        setCode('');
        confirm.reset();
      },
    });
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void confirm.run(() => confirmTotp({ body: { code: code.trim() }, throwOnError: true }), {
      onSuccess: () => {
        setTurnedOn(true);
        setEnrollment(null);
      },
      onProblem: (p) => (p.code === 'invalid_token'
        ? 'That code is not right. Enter the code your authenticator app shows now.' : null),
    });
  }

  return (
    <>
      <h1>Two-factor sign-in</h1>
      <LoadGate state={me}>
        {(user) => (user.twoFactorEnabled || turnedOn ? (
          <Notice>
            Two-factor sign-in is on: signing in as {user.email} asks for the code of your authenticator app.
            If you lose the device, an operator can reset it.
          </Notice>
        ) : enrollment ? (
          <section aria-labelledby="two-factor-setup">
            <h2 id="two-factor-setup">Scan the code with your authenticator app</h2>
            <QrCode text={enrollment.otpauthUri} label={`QR code of the two-factor secret for ${user.email}`} />
            <p>
              Or enter this key by hand: <code className="totp-secret">{enrollment.secret}</code>
            </p>
            <form onSubmit={submit}>
              <ErrorAlert problem={confirm.problem} message={confirm.message} />
              <Field label="Code from the app" name="code" required inputMode="numeric" autoComplete="one-time-code"
                pattern="[0-9]{6}" maxLength={6} value={code} error={confirm.fieldErrors.code}
                onChange={(e) => setCode(e.target.value)} />
              <SubmitButton busy={confirm.busy} busyLabel="Turning on…">Turn on two-factor sign-in</SubmitButton>
            </form>
          </section>
        ) : (
          <>
            <p>
              With two-factor sign-in, signing in also asks for a six-digit code from an authenticator app on
              your phone, so a stolen password alone cannot open the back office.
            </p>
            <ErrorAlert problem={start.problem} message={start.message} />
            <button type="button" onClick={begin} disabled={start.busy}>
              {start.busy ? 'Preparing…' : 'Set up two-factor sign-in'}
            </button>
          </>
        ))}
      </LoadGate>
    </>
  );
}
