/**
 * Where to go after signing in: a path inside this shop only. `//evil.example` and `/\evil.example` are
 * other origins to a browser, and anything not starting with "/" is refused too, so a crafted
 * `?next=` link cannot send a fresh session off-site.
 */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

/** `?next=` to carry along to a sibling page (login <-> register), or nothing. */
export function nextQuery(next: string | null | undefined): string {
  return next && safeNext(next, '') ? `?next=${encodeURIComponent(next)}` : '';
}
