import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { requestPasswordReset, type Problem } from '../../api/generated';
import { fieldErrorsOf, problemOf } from '../../api/problem';
import { ErrorAlert, Field, Notice, usePageTitle } from '../../components/ui';

export default function ForgotPasswordPage() {
  usePageTitle('Reset your password');
  const [email, setEmail] = useState('');
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSending(true);
    setProblem(null);
    try {
      await requestPasswordReset({ body: { email: email.trim() }, throwOnError: true });
      setSent(true);
    } catch (err) {
      setProblem(problemOf(err));
    } finally {
      setSending(false);
    }
  }

  const errors = fieldErrorsOf(problem);
  return (
    <>
      <h1>Reset your password</h1>
      {sent ? (
        <>
          <Notice>If an account exists for that email, we have sent a link to reset the password.</Notice>
          <p>The link works for one hour. <Link to="/login">Back to the login page</Link></p>
        </>
      ) : (
        <form onSubmit={submit}>
          <p className="muted">Enter the email you signed up with and we will send you a link to choose a new password.</p>
          <ErrorAlert problem={problem} />
          <Field label="Email" type="email" name="email" required autoComplete="email" value={email}
            error={errors.email} onChange={(e) => setEmail(e.target.value)} />
          <div>
            <button type="submit" disabled={sending}>{sending ? 'Sending…' : 'Send reset link'}</button>
          </div>
        </form>
      )}
    </>
  );
}
