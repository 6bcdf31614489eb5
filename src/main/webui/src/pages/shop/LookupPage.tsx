import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { lookupOrder, type TrackedOrder } from '../../api/generated';
import { ErrorAlert, Field, SubmitButton, usePageTitle } from '../../components/ui';
import { useSubmit } from '../../lib/useSubmit';
import TrackedOrderView from './TrackedOrderView';

const NOT_FOUND = 'No order matches that number and email.';

/** Guests find an order by its number and their email (the confirmation links here prefilled). */
export default function LookupPage() {
  usePageTitle('Track your order');
  const [params, setParams] = useSearchParams();
  const [number, setNumber] = useState(params.get('number') ?? '');
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [order, setOrder] = useState<TrackedOrder | null>(null);
  const form = useSubmit();
  const arrived = useRef(false);

  function find(n: string, e: string) {
    setOrder(null);
    // only the latest lookup speaks: an earlier answer arriving late is dropped
    void form.run(async () => (await lookupOrder({ body: { number: n, email: e }, throwOnError: true })).data, {
      onSuccess: setOrder,
      onProblem: (p) => (p.status === 404 ? NOT_FOUND : null),
    });
  }

  // Arriving from the confirmation page's link with both values: look the order up straight away.
  useEffect(() => {
    if (arrived.current) return; // StrictMode runs effects twice; the endpoint is rate limited
    arrived.current = true;
    const n = params.get('number')?.trim();
    const e = params.get('email')?.trim();
    if (n && e) find(n, e);
  }, []);

  function submit(e: FormEvent) {
    e.preventDefault();
    const n = number.trim();
    const m = email.trim();
    setParams({ number: n, email: m }, { replace: true });
    find(n, m);
  }

  return (
    <>
      <h1>Track your order</h1>
      <form onSubmit={submit}>
        <p className="muted">Enter the order number from your confirmation email and the email you ordered with.</p>
        <ErrorAlert problem={form.problem} message={form.message} />
        <div className="form-row">
          <Field label="Order number" name="number" required autoComplete="off" value={number}
            error={form.fieldErrors.number} onChange={(e) => setNumber(e.target.value)} />
          <Field label="Email" name="email" type="email" required autoComplete="email" value={email}
            error={form.fieldErrors.email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <SubmitButton busy={form.busy} busyLabel="Looking up…">Track order</SubmitButton>
      </form>
      {order ? <div style={{ marginTop: '1.5rem' }}><TrackedOrderView order={order} /></div> : null}
    </>
  );
}
