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
  const form = useSubmit();

  function submit(e: FormEvent) {
    e.preventDefault();
    // busy until the page has left, so "You are signed in" does not flash in between
    void form.run(async () => {
      await login(email.trim(), password);
      navigate(safeNext(next), { replace: true });
    }, { keepBusy: true });
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
