/**
 * The signed-in caller: read from `GET /auth/me` on load, set by sign-in, cleared by sign-out.
 * Navigation and pages ask `can(permission)`; the server checks every call again.
 *
 * @module
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';

import { ApiError, getJson, sendJson } from '../http/client.js';
import type { Actor, LoginResult } from '../http/types.js';

/** What `useSession` gives a component. */
export interface Session {
  /** `undefined` while loading, `null` when signed out. */
  readonly actor: Actor | null | undefined;
  /** The account must choose a new password (known from the sign-in of this visit). */
  readonly mustChangePassword: boolean;
  readonly can: (permission: string) => boolean;
  readonly signIn: (username: string, password: string, totpCode?: string) => Promise<LoginResult>;
  readonly signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

/** Provides the session to the page. */
export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [actor, setActor] = useState<Actor | null | undefined>(undefined);
  const [mustChangePassword, setMustChangePassword] = useState(false);
  useEffect(() => {
    getJson<Actor>('/auth/me').then(setActor, (error: unknown) => {
      setActor(null);
      if (!(error instanceof ApiError)) {
        throw error;
      }
    });
  }, []);
  const signIn = useCallback(async (username: string, password: string, totpCode?: string) => {
    const body = { username, password, ...(totpCode === undefined ? {} : { totpCode }) };
    const result = await sendJson<LoginResult>('/auth/login', body);
    setActor(result.actor);
    setMustChangePassword(result.mustChangePassword);
    return result;
  }, []);
  const signOut = useCallback(async () => {
    await sendJson<undefined>('/auth/logout').catch(() => undefined);
    setActor(null);
    setMustChangePassword(false);
  }, []);
  const value = useMemo<Session>(
    () => ({
      actor,
      mustChangePassword,
      can: (permission) => actor?.permissions.includes(permission) ?? false,
      signIn,
      signOut,
    }),
    [actor, mustChangePassword, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The current session. */
export function useSession(): Session {
  const value = useContext(SessionContext);
  if (value === undefined) {
    throw new Error('useSession outside SessionProvider');
  }
  return value;
}
