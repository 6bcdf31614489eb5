import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { login as loginCall, logout as logoutCall, register as registerCall, type User } from '../api/generated';
import { refreshAccessToken } from '../api/http';
import { session } from '../api/session';

type Status = 'loading' | 'guest' | 'signed-in';

export type AuthState = {
  status: Status;
  user: User | null;
  isAdmin: boolean;
  /** `otp`: the authenticator code, once the server answered `mfa_required`. */
  login(email: string, password: string, otp?: string): Promise<User>;
  register(input: { email: string; password: string; name: string; inviteToken?: string }): Promise<User>;
  logout(): Promise<void>;
};

const AuthContext = createContext<AuthState | null>(null);

/**
 * Who is signed in. On start it restores the session from the refresh cookie (when one may exist); the
 * server merges a guest cart into the account at login and registration, so the cart reloads after them.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(session.get()?.user ?? null);
  const [status, setStatus] = useState<Status>(() =>
    session.get() ? 'signed-in' : session.mayHaveRefreshCookie() ? 'loading' : 'guest');

  useEffect(() => session.subscribe((s) => {
    setUser(s?.user ?? null);
    setStatus(s ? 'signed-in' : 'guest');
  }), []);

  useEffect(() => {
    if (status === 'loading') void refreshAccessToken();
    // only on start
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const login = useCallback(async (email: string, password: string, otp?: string) => {
    const { data } = await loginCall({ body: otp ? { email, password, otp } : { email, password }, throwOnError: true });
    session.set({ accessToken: data.accessToken, user: data.user });
    return data.user;
  }, []);

  const register = useCallback(async (input: { email: string; password: string; name: string; inviteToken?: string }) => {
    const { data } = await registerCall({ body: input, throwOnError: true });
    session.set({ accessToken: data.accessToken, user: data.user });
    return data.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await logoutCall({ throwOnError: true });
    } finally {
      session.set(null);
    }
  }, []);

  const value = useMemo<AuthState>(() => ({
    status, user, isAdmin: user?.role === 'admin', login, register, logout,
  }), [status, user, login, register, logout]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
