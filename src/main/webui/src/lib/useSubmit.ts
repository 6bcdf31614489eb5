import { useCallback, useRef, useState } from 'react';
import type { Problem } from '../api/generated';
import { fieldErrorsOf, messageOf, problemOf } from '../api/problem';

export type RunOptions<T> = {
  /** What this run works on (a row's id), so a list can mark just that row busy. */
  target?: string;
  /** After success the form stays busy: the page is leaving (a navigation, the payment page). */
  keepBusy?: boolean;
  /** Runs with the answer, unless a later run or a reset() came since. */
  onSuccess?(value: T): void;
  /** Sees the problem first (unless a later run or a reset() came since); may return the message to show instead. */
  onProblem?(problem: Problem): string | null | void;
};

export type Submit = {
  busy: boolean;
  /** The `target` of the latest run. */
  target: string | null;
  problem: Problem | null;
  /** The form-level sentence for the problem (null when there is none). */
  message: string | null;
  /** The server's field errors (validation_failed), keyed by the form's field names. */
  fieldErrors: Record<string, string>;
  /** Runs `action`, tracking busy and mapping a failure to problem, message and field errors. True on success. */
  run<T>(action: () => Promise<T>, options?: RunOptions<T>): Promise<boolean>;
  /** Forgets the last problem (a field edited, a new file chosen) and drops the answer of any run still going. */
  reset(): void;
  clearFieldError(field: string): void;
};

/**
 * The one submit path of every form: busy while the call runs, then either the success handler or the
 * RFC 9457 problem turned into a form-level message and field errors. Only the latest run speaks: an
 * answer overtaken by another run (or a reset) is dropped. `fieldPrefix` strips the name of a nested object
 * (`shippingAddress.`) so a form can key errors by its own field names.
 */
export function useSubmit({ fieldPrefix = '' }: { fieldPrefix?: string } = {}): Submit {
  const [busy, setBusy] = useState(false);
  const [target, setTarget] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const latest = useRef(0);

  const clear = useCallback(() => {
    setProblem(null);
    setMessage(null);
    setFieldErrors({});
  }, []);

  const reset = useCallback(() => {
    latest.current++;
    setBusy(false);
    clear();
  }, [clear]);

  const run = useCallback(async <T,>(action: () => Promise<T>, options: RunOptions<T> = {}) => {
    const call = ++latest.current;
    setBusy(true);
    setTarget(options.target ?? null);
    clear();
    let value: T;
    try {
      value = await action();
    } catch (error) {
      if (call !== latest.current) return false;
      const p = problemOf(error);
      const override = options.onProblem?.(p);
      setProblem(p);
      setMessage(override ?? messageOf(p));
      setFieldErrors(p.code === 'validation_failed' ? fieldErrorsOf(p, fieldPrefix) : {});
      setBusy(false);
      return false;
    }
    if (call !== latest.current) return false;
    options.onSuccess?.(value);
    if (!options.keepBusy) setBusy(false);
    return true;
  }, [clear, fieldPrefix]);

  const clearFieldError = useCallback((field: string) => {
    setFieldErrors((errors) => {
      if (!(field in errors)) return errors;
      const { [field]: _removed, ...rest } = errors;
      return rest;
    });
  }, []);

  return { busy, target, problem, message, fieldErrors, run, reset, clearFieldError };
}
