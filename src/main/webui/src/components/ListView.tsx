import type { CSSProperties, FormEvent, ReactNode } from 'react';
import { LoadGate, type LoadState } from './LoadGate';
import { Pager } from './ui';
import { usePageParams } from '../lib/usePageParams';

type PageOf<T> = { items?: T[]; totalPages?: number };

/**
 * A paged list under the page's own heading and filters: "Loading…" or the error (with "Try again") until a
 * page arrives, then its rows (`children`; `state.loading` says a newer page is on its way) or `empty`, and
 * the pager.
 */
export function ListView<T>({ state, loadingLabel, empty, children }: {
  state: LoadState<PageOf<T>>;
  loadingLabel: string;
  /** Shown for a page without rows; without it, `children` draws the empty page too. */
  empty?: ReactNode;
  children(items: T[]): ReactNode;
}) {
  const { page, goTo } = usePageParams();
  return (
    <LoadGate state={state} loadingLabel={loadingLabel}>
      {(data) => (
        <>
          {!data.items?.length && empty !== undefined
            ? (state.loading ? null : empty)
            : children(data.items ?? [])}
          <Pager page={page} totalPages={data.totalPages ?? 0} onPage={goTo} />
        </>
      )}
    </LoadGate>
  );
}

/**
 * A list's filter or search form: its fields (by name) become the URL's query, with `keep` (values that are
 * not fields of the form) added. It starts again from the URL whenever the URL changes (back button, links).
 */
export function FilterForm({ label, submitLabel, keep = {}, style, onApply, children }: {
  label: string;
  submitLabel: string;
  keep?: Record<string, string>;
  style?: CSSProperties;
  /** Also runs on submit (clearing a notice about the previous list). */
  onApply?(): void;
  children: ReactNode;
}) {
  const { params, replace } = usePageParams();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values: Record<string, string> = {};
    new FormData(event.currentTarget).forEach((value, name) => { values[name] = String(value); });
    onApply?.();
    replace({ ...values, ...keep });
  }
  return (
    <form key={params.toString()} className="toolbar" style={style} role="search" aria-label={label} onSubmit={submit}>
      {children}
      <button type="submit">{submitLabel}</button>
    </form>
  );
}
