import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { requestPasswordReset } from '../../api/generated';
import { ErrorAlert, Field, Notice, SubmitButton, usePageTitle } from '../../components/ui';
import { useSubmit } from '../../lib/useSubmit';

export default function ForgotPasswordPage() {
  usePageTitle('Reset your password');
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const form = useSubmit();

  function submit(e: FormEvent) {
    e.preventDefault();
    void form.run(() => requestPasswordReset({ body: { email: email.trim() }, throwOnError: true }),
      { onSuccess: () => setSent(true) });
  }

  const errors = form.fieldErrors;
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
          <ErrorAlert problem={form.problem} message={form.message} />
          <Field label="Email" type="email" name="email" required autoComplete="email" value={email}
            error={errors.email} onChange={(e) => setEmail(e.target.value)} />
          <SubmitButton busy={form.busy} busyLabel="Sending…">Send reset link</SubmitButton>
        </form>
      )}
    </>
  );
}
