import { useEffect, useId, type ButtonHTMLAttributes, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import type { Problem } from '../api/generated';
import { messageOf } from '../api/problem';
import { formatMoney } from '../lib/money';

/** Sets the document title, so screen-reader users and tabs know which page this is. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Acme Shop` : 'Acme Shop';
  }, [title]);
}

export function Price({ cents, currency }: { cents: number; currency: string }) {
  return <span className="price">{formatMoney(cents, currency)}</span>;
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label}
    </p>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {children}
    </div>
  );
}

/** A problem (or plain message) announced to assistive technology. */
export function ErrorAlert({ problem, message }: { problem?: Problem | null; message?: string | null }) {
  const text = message ?? (problem ? messageOf(problem) : null);
  if (!text) return null;
  return (
    <div className="alert alert-error" role="alert">
      {text}
      {problem?.requestId ? <small className="muted"> (reference {problem.requestId})</small> : null}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return <div className="alert alert-info" role="status">{children}</div>;
}

type FieldProps = { label: string; error?: string; hint?: string };

type ControlProps = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };

/**
 * The frame every form control sits in: a visible label bound to it, and its hint and error tied to it
 * with aria-describedby (and aria-invalid while the error shows), so screen readers read them with it.
 */
function FieldFrame({ label, error, hint, id, choice = false, control }:
  FieldProps & { id?: string; choice?: boolean; control(props: ControlProps): ReactNode }) {
  const auto = useId();
  const inputId = id ?? auto;
  const described = [error ? `${inputId}-error` : null, hint ? `${inputId}-hint` : null].filter(Boolean).join(' ');
  const input = control({ id: inputId, 'aria-invalid': error ? true : undefined, 'aria-describedby': described || undefined });
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      {choice
        ? <label className="choice" htmlFor={inputId}>{input}{label}</label>
        : <><label htmlFor={inputId}>{label}</label>{input}</>}
      {hint ? <small id={`${inputId}-hint`} className="hint">{hint}</small> : null}
      {error ? <small id={`${inputId}-error`} className="field-error">{error}</small> : null}
    </div>
  );
}

export function Field({ label, error, hint, id, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return <FieldFrame label={label} error={error} hint={hint} id={id} control={(props) => <input {...props} {...input} />} />;
}

export function TextAreaField({ label, error, hint, id, ...input }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <FieldFrame label={label} error={error} hint={hint} id={id} control={(props) => <textarea {...props} {...input} />} />;
}

export function SelectField({ label, error, hint, id, children, ...select }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldFrame label={label} error={error} hint={hint} id={id}
      control={(props) => <select {...props} {...select}>{children}</select>} />
  );
}

/** A form's submit button, disabled while the form is busy, saying so (`busyLabel`, "Saving…") when given. */
export function SubmitButton({ busy, busyLabel, disabled, children, ...button }:
  { busy: boolean; busyLabel?: string } & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'>) {
  return (
    <div>
      <button type="submit" disabled={busy || disabled} {...button}>{busy && busyLabel ? busyLabel : children}</button>
    </div>
  );
}

/** A labelled checkbox (label after the box), with an optional hint and error tied to it. */
export function Checkbox({ label, error, hint, id, ...input }: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  return <FieldFrame choice label={label} error={error} hint={hint} id={id} control={(props) => <input type="checkbox" {...props} {...input} />} />;
}

/** Previous / next over a 0-based page, as the API pages. */
export function Pager({ page, totalPages, onPage }: { page: number; totalPages: number; onPage(page: number): void }) {
  if (totalPages <= 1) return null;
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" onClick={() => onPage(page - 1)} disabled={page <= 0}>Previous</button>
      <span aria-live="polite">Page {page + 1} of {totalPages}</span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={page + 1 >= totalPages}>Next</button>
    </nav>
  );
}

/** A day without the time ("Nov 24, 2026"). */
export function formatDay(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(iso));
}

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
