import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert, Field, Notice, SubmitButton, usePageTitle } from '../../components/ui';
import { useSubmit } from '../../lib/useSubmit';
import { nextQuery, safeNext } from './safeNext';

export default function LoginPage() {
  usePageTitle('Sign in');
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Two-factor sign-in: the server answered mfa_required, so the form asks for the authenticator's code too.
  const [askCode, setAskCode] = useState(false);
  const [otp, setOtp] = useState('');
  const form = useSubmit();

  function submit(e: FormEvent) {
    e.preventDefault();
    const sentCode = askCode ? otp.trim() : undefined;
    // busy until the page has left, so "You are signed in" does not flash in between
    void form.run(async () => {
      await login(email.trim(), password, sentCode);
      navigate(safeNext(next), { replace: true });
    }, {
      keepBusy: true,
      onProblem: (p) => {
        if (p.code !== 'mfa_required') return null;
        setAskCode(true);
        setOtp('');
        return sentCode
          ? 'That code is not right or was already used. Enter the code your authenticator app shows now.'
          : 'Two-factor sign-in is on for this account: enter the code your authenticator app shows.';
      },
    });
  }

  if (user && !form.busy) {
    return (
      <>
        <h1>Sign in</h1>
        <Notice>
          You are signed in as {user.email}.{' '}
          <Link to={safeNext(next)}>Continue</Link> or see <Link to="/account/orders">your orders</Link>.
        </Notice>
      </>
    );
  }

  const errors = form.fieldErrors;
  return (
    <>
      <h1>Sign in</h1>
      <form onSubmit={submit}>
        <ErrorAlert problem={form.problem} message={form.message} />
        <Field label="Email" type="email" name="email" required autoComplete="email" value={email}
          error={errors.email} onChange={(e) => setEmail(e.target.value)} />
        <Field label="Password" type="password" name="password" required autoComplete="current-password"
          value={password} error={errors.password} onChange={(e) => setPassword(e.target.value)} />
        {askCode ? (
          <Field label="Authentication code" name="otp" required inputMode="numeric" autoComplete="one-time-code"
            pattern="[0-9]{6}" maxLength={6} autoFocus value={otp} error={errors.otp}
            onChange={(e) => setOtp(e.target.value)} />
        ) : null}
        <SubmitButton busy={form.busy} busyLabel="Signing in…">Sign in</SubmitButton>
        <p>
          <Link to={`/register${nextQuery(next)}`}>Create an account</Link>
          {' · '}
          <Link to="/forgot-password">Forgot your password?</Link>
        </p>
      </form>
    </>
  );
}
