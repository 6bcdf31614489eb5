import type { ReactNode } from 'react';
import type { Problem } from '../api/generated';
import { EmptyState, ErrorAlert, Loading } from './ui';

/** What a page loads (useLoad's answer, or a context's): the data, or why it is not there yet. */
export type LoadState<T> = {
  data: T | null;
  problem: Problem | null;
  loading: boolean;
  reload?(): unknown;
};

type Props<T> = {
  state: LoadState<T>;
  /** The page's h1 while there is no data (with data, `children` draws the page and its own h1). */
  title?: string;
  loadingLabel?: string;
  /** The empty state's title when the thing does not exist; without it a 404 is an error like any other. */
  notFound?: string;
  /** Under the not-found title: the way on (a link back). */
  notFoundBody?: ReactNode;
  /** Which problems mean "it does not exist" (by default a 404). */
  isNotFound?(problem: Problem): boolean;
  /** Says this instead of the problem's own message. */
  errorMessage?: string;
  children(data: T): ReactNode;
};

const is404 = (problem: Problem) => problem.status === 404;

/**
 * The one gate between a page and the data it loads: "Loading…" until it arrives, a not-found state, or the
 * error with a "Try again" that loads again. With data (also while a reload runs), the page itself.
 */
export function LoadGate<T>({
  state, title, loadingLabel, notFound, notFoundBody, isNotFound = is404, errorMessage, children,
}: Props<T>) {
  if (state.data !== null && state.data !== undefined) return <>{children(state.data)}</>;
  const { problem, reload } = state;
  let body: ReactNode;
  if (state.loading || !problem) {
    body = <Loading label={loadingLabel} />;
  } else if (notFound && isNotFound(problem)) {
    body = <EmptyState title={notFound}>{notFoundBody}</EmptyState>;
  } else {
    body = (
      <>
        <ErrorAlert problem={problem} message={errorMessage} />
        {reload ? <button type="button" onClick={() => void reload()}>Try again</button> : null}
      </>
    );
  }
  return title ? <><h1>{title}</h1>{body}</> : <>{body}</>;
}
