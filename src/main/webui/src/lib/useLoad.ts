import { useCallback, useEffect, useState, type DependencyList } from 'react';
import type { Problem } from '../api/generated';
import { problemOf } from '../api/problem';

export type Loaded<T> = {
  data: T | null;
  problem: Problem | null;
  loading: boolean;
  /** Runs the load again (after a change elsewhere). */
  reload(): void;
  /** Replaces the data locally (a write answered with the new value). */
  setData(data: T | null): void;
};

/**
 * Loads data for a page whenever `deps` change. An answer that arrives after the inputs changed again (a
 * quick second search, back/forward) is dropped, so the page never shows results for a stale query. The
 * previous data stays while the next load runs, so lists do not flash empty between pages; a failed load
 * clears it, so a page never shows one thing's data beside another's error. `load` is the
 * function of the render whose `deps` changed, so it sees that render's values. Nothing loads while
 * `enabled` is false.
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList, enabled = true): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [loading, setLoading] = useState(enabled);
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (!enabled) {
      setLoading(false);
      return undefined;
    }
    let current = true;
    setLoading(true);
    setProblem(null);
    load().then(
      (value) => {
        if (!current) return;
        setData(value);
        setLoading(false);
      },
      (error: unknown) => {
        if (!current) return;
        setData(null);
        setProblem(problemOf(error));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [...deps, enabled, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  const replace = useCallback((value: T | null) => {
    setData(value);
    setProblem(null);
    setLoading(false);
  }, []);
  return { data, problem, loading, reload, setData: replace };
}
