import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Problem } from '../../api/generated';
import { fieldErrorsOf, problemOf } from '../../api/problem';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert, Field, Notice, usePageTitle } from '../../components/ui';
import { nextQuery, safeNext } from './safeNext';

export default function LoginPage() {
  usePageTitle('Sign in');
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSending(true);
    setProblem(null);
    try {
      await login(email.trim(), password);
      navigate(safeNext(next), { replace: true });
    } catch (err) {
      setProblem(problemOf(err));
      setSending(false);
    }
  }

  if (user && !sending) {
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

  const errors = fieldErrorsOf(problem);
  return (
    <>
      <h1>Sign in</h1>
      <form onSubmit={submit}>
        <ErrorAlert problem={problem} />
        <Field label="Email" type="email" name="email" required autoComplete="email" value={email}
          error={errors.email} onChange={(e) => setEmail(e.target.value)} />
        <Field label="Password" type="password" name="password" required autoComplete="current-password"
          value={password} error={errors.password} onChange={(e) => setPassword(e.target.value)} />
        <div>
          <button type="submit" disabled={sending}>{sending ? 'Signing in…' : 'Sign in'}</button>
        </div>
        <p>
          <Link to={`/register${nextQuery(next)}`}>Create an account</Link>
          {' · '}
          <Link to="/forgot-password">Forgot your password?</Link>
        </p>
      </form>
    </>
  );
}
