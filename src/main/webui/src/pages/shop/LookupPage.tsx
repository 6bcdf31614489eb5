import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { lookupOrder, type Problem, type TrackedOrder } from '../../api/generated';
import { fieldErrorsOf, messageOf, problemOf } from '../../api/problem';
import { ErrorAlert, Field, usePageTitle } from '../../components/ui';
import TrackedOrderView from './TrackedOrderView';

const NOT_FOUND = 'No order matches that number and email.';

/** Guests find an order by its number and their email (the confirmation links here prefilled). */
export default function LookupPage() {
  usePageTitle('Track your order');
  const [params, setParams] = useSearchParams();
  const [number, setNumber] = useState(params.get('number') ?? '');
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [order, setOrder] = useState<TrackedOrder | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sending, setSending] = useState(false);
  const latest = useRef(0);
  const arrived = useRef(false);

  async function find(n: string, e: string) {
    const call = ++latest.current;
    setSending(true);
    setProblem(null);
    setOrder(null);
    try {
      const { data } = await lookupOrder({ body: { number: n, email: e }, throwOnError: true });
      if (call === latest.current) setOrder(data);
    } catch (err) {
      if (call === latest.current) setProblem(problemOf(err));
    } finally {
      if (call === latest.current) setSending(false);
    }
  }

  // Arriving from the confirmation page's link with both values: look the order up straight away.
  useEffect(() => {
    if (arrived.current) return; // StrictMode runs effects twice; the endpoint is rate limited
    arrived.current = true;
    const n = params.get('number')?.trim();
    const e = params.get('email')?.trim();
    if (n && e) void find(n, e);
  }, []);

  function submit(e: FormEvent) {
    e.preventDefault();
    const n = number.trim();
    const m = email.trim();
    setParams({ number: n, email: m }, { replace: true });
    void find(n, m);
  }

  const errors = problem?.code === 'validation_failed' ? fieldErrorsOf(problem) : {};
  const message = problem ? (problem.status === 404 ? NOT_FOUND : messageOf(problem)) : null;
  return (
    <>
      <h1>Track your order</h1>
      <form onSubmit={submit}>
        <p className="muted">Enter the order number from your confirmation email and the email you ordered with.</p>
        <ErrorAlert problem={problem} message={message} />
        <div className="form-row">
          <Field label="Order number" name="number" required autoComplete="off" value={number}
            error={errors.number} onChange={(e) => setNumber(e.target.value)} />
          <Field label="Email" name="email" type="email" required autoComplete="email" value={email}
            error={errors.email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div>
          <button type="submit" disabled={sending}>{sending ? 'Looking up…' : 'Track order'}</button>
        </div>
      </form>
      {order ? <div style={{ marginTop: '1.5rem' }}><TrackedOrderView order={order} /></div> : null}
    </>
  );
}
