import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert, Field, Notice, SubmitButton, usePageTitle } from '../../components/ui';
import { useSubmit } from '../../lib/useSubmit';
import { NewPasswordField } from './NewPasswordField';
import { nextQuery, safeNext } from './safeNext';

const INVITE_EXPIRED = 'This invite link is invalid or has expired. You can still create an account, '
  + 'but orders you placed as a guest will not be added to it.';

/** Sign-up; `?invite=` (from the email after a guest order) claims the guest orders placed with that email. */
export default function RegisterPage() {
  usePageTitle('Create your account');
  const { register } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const invite = params.get('invite');
  const next = params.get('next');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useSubmit();
  const { problem } = form;

  function submit(e: FormEvent) {
    e.preventDefault();
    void form.run(async () => {
      await register({ name: name.trim(), email: email.trim(), password, ...(invite ? { inviteToken: invite } : {}) });
      navigate(safeNext(next, invite ? '/account/orders' : '/'), { replace: true });
    }, { keepBusy: true });
  }

  const errors = { ...form.fieldErrors };
  if (problem?.code === 'email_taken') errors.email = 'An account with this email already exists.';
  const signIn = `/login${nextQuery(next)}`;
  return (
    <>
      <h1>Create your account</h1>
      {invite ? <Notice>Create your account to see the orders you placed as a guest.</Notice> : null}
      <form onSubmit={submit}>
        {problem?.code === 'invalid_token' ? (
          <div>
            <ErrorAlert problem={problem} message={INVITE_EXPIRED} />
            <Link to={`/register${nextQuery(next)}`}>Create an account without the invite</Link>
          </div>
        ) : problem?.code === 'email_taken' ? (
          <div className="alert alert-error" role="alert">
            {form.message} <Link to={signIn}>Sign in</Link>
          </div>
        ) : (
          <ErrorAlert problem={problem} message={form.message} />
        )}
        <Field label="Name" name="name" required autoComplete="name" value={name}
          error={errors.name} onChange={(e) => setName(e.target.value)} />
        <Field label="Email" type="email" name="email" required autoComplete="email" value={email}
          error={errors.email} onChange={(e) => setEmail(e.target.value)} />
        <NewPasswordField label="Password" value={password} error={errors.password} onChange={setPassword} />
        <SubmitButton busy={form.busy} busyLabel="Creating account…">Create account</SubmitButton>
        {problem?.code === 'email_taken' ? null : (
          <p>Already have an account? <Link to={signIn}>Sign in</Link></p>
        )}
      </form>
    </>
  );
}
