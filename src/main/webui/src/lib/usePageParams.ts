import { useSearchParams } from 'react-router';

/** `?page=` is 1-based for people; the API's page is 0-based. Anything odd reads as the first page. */
export function pageOf(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n - 1 : 0;
}

/**
 * A list page's query in the URL: the 0-based `page` the API wants, `update` to change some keys (a change
 * other than the page starts again at the first page), `replace` to set the whole query from a filter form
 * (empty values left out), and `goTo` for the pager.
 */
export function usePageParams() {
  const [params, setParams] = useSearchParams();
  const page = pageOf(params.get('page'));

  function update(changes: Record<string, string | null | undefined>) {
    const next = new URLSearchParams(params);
    if (!('page' in changes)) next.delete('page');
    for (const [key, value] of Object.entries(changes)) {
      const text = value?.trim();
      if (text) next.set(key, text);
      else next.delete(key);
    }
    setParams(next);
  }

  function replace(values: Record<string, string | null | undefined>) {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(values)) {
      const text = value?.trim();
      if (text) next.set(key, text);
    }
    setParams(next);
  }

  const goTo = (next: number) => update({ page: next > 0 ? String(next + 1) : null });

  return { params, page, update, replace, goTo };
}
