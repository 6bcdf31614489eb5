import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { confirmPasswordReset, type Problem } from '../../api/generated';
import { fieldErrorsOf, problemOf } from '../../api/problem';
import { ErrorAlert, Field, Notice, usePageTitle } from '../../components/ui';

const INVALID = 'This reset link is invalid or has expired.';

function InvalidLink() {
  return (
    <>
      <ErrorAlert message={INVALID} />
      <p><Link to="/forgot-password">Request a new link</Link></p>
    </>
  );
}

/** The link from the password-reset email: `?token=`. */
export default function ResetPasswordPage() {
  usePageTitle('Choose a new password');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSending(true);
    setProblem(null);
    try {
      await confirmPasswordReset({ body: { token, password }, throwOnError: true });
      setDone(true);
    } catch (err) {
      setProblem(problemOf(err));
    } finally {
      setSending(false);
    }
  }

  let body;
  if (done) {
    body = (
      <>
        <Notice>Your password has been changed. All other sessions were signed out.</Notice>
        <p><Link to="/login">Sign in</Link></p>
      </>
    );
  } else if (!token || problem?.code === 'invalid_token' || 'token' in fieldErrorsOf(problem)) {
    body = <InvalidLink />;
  } else {
    const errors = fieldErrorsOf(problem);
    body = (
      <form onSubmit={submit}>
        <ErrorAlert problem={problem} />
        <Field label="New password" type="password" name="password" required minLength={8} maxLength={128}
          autoComplete="new-password" hint="8 to 128 characters" value={password}
          error={errors.password} onChange={(e) => setPassword(e.target.value)} />
        <div>
          <button type="submit" disabled={sending}>{sending ? 'Saving…' : 'Set new password'}</button>
        </div>
      </form>
    );
  }
  return (
    <>
      <h1>Choose a new password</h1>
      {body}
    </>
  );
}
