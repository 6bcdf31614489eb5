import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { confirmPasswordReset } from '../../api/generated';
import { ErrorAlert, Notice, SubmitButton, usePageTitle } from '../../components/ui';
import { useSubmit } from '../../lib/useSubmit';
import { NewPasswordField } from './NewPasswordField';

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
  const [done, setDone] = useState(false);
  const form = useSubmit();

  function submit(e: FormEvent) {
    e.preventDefault();
    void form.run(() => confirmPasswordReset({ body: { token, password }, throwOnError: true }),
      { onSuccess: () => setDone(true) });
  }

  let body;
  if (done) {
    body = (
      <>
        <Notice>Your password has been changed. All other sessions were signed out.</Notice>
        <p><Link to="/login">Sign in</Link></p>
      </>
    );
  } else if (!token || form.problem?.code === 'invalid_token' || 'token' in form.fieldErrors) {
    body = <InvalidLink />;
  } else {
    body = (
      <form onSubmit={submit}>
        <ErrorAlert problem={form.problem} message={form.message} />
        <NewPasswordField label="New password" value={password} error={form.fieldErrors.password} onChange={setPassword} />
        <SubmitButton busy={form.busy} busyLabel="Saving…">Set new password</SubmitButton>
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
