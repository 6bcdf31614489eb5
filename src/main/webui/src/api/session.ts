import type { User } from './generated';

/**
 * The signed-in session as the browser holds it: the short-lived access token lives in memory only (never in
 * storage, so a script injected later cannot lift it from there); the long-lived refresh token is an HttpOnly
 * cookie the server sets and rotates. `hint` remembers across reloads that a refresh cookie probably
 * exists, so a guest's page load does not start with a refresh call doomed to 401.
 */
export type Session = { accessToken: string; user: User } | null;

type Listener = (session: Session) => void;

const HINT = 'shop.signedIn';
let current: Session = null;
const listeners = new Set<Listener>();

export const session = {
  get: (): Session => current,
  token: (): string | undefined => current?.accessToken,
  set(next: Session) {
    current = next;
    try {
      if (next) localStorage.setItem(HINT, '1');
      else localStorage.removeItem(HINT);
    } catch {
      // storage unavailable (private mode): the hint is only an optimisation
    }
    listeners.forEach((listener) => listener(next));
  },
  mayHaveRefreshCookie(): boolean {
    try {
      return localStorage.getItem(HINT) === '1';
    } catch {
      return true;
    }
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
