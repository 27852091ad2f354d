import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { LogoutDocument, MeDocument, type MeQuery } from '@registry/graphql-client';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { clearAccessToken, getAccessToken, onSessionChange, rememberScope, setAccessToken } from '../session';

export type CurrentUser = MeQuery['me'];

interface AuthState {
  /** true once a token is held (the user may still need to change the password) */
  signedIn: boolean;
  me: CurrentUser | null;
  loading: boolean;
  error: unknown;
  signIn(accessToken: string): Promise<void>;
  signOut(): Promise<void>;
  refreshMe(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const [token, setToken] = useState<string | null>(() => getAccessToken());
  useEffect(() => onSessionChange(() => setToken(getAccessToken())), []);

  const { data, loading, error, refetch } = useQuery(MeDocument, { skip: !token, fetchPolicy: 'network-only' });
  const [logout] = useMutation(LogoutDocument);
  const scopeRegion = token ? data?.me?.regionCode : undefined;
  useEffect(() => {
    if (scopeRegion) rememberScope(scopeRegion);
  }, [scopeRegion]);

  const signIn = useCallback(
    async (accessToken: string) => {
      await client.clearStore();
      setAccessToken(accessToken);
      setToken(accessToken);
    },
    [client],
  );

  const signOut = useCallback(async () => {
    // Ending the session on the server is best effort: the token is dropped here regardless.
    await logout().catch(() => undefined);
    clearAccessToken();
    setToken(null);
    await client.clearStore();
  }, [client, logout]);

  const refreshMe = useCallback(async () => {
    await refetch();
  }, [refetch]);

  const value = useMemo<AuthState>(
    () => ({
      signedIn: Boolean(token),
      me: token ? (data?.me ?? null) : null,
      loading: Boolean(token) && loading && !data,
      error: token ? error : undefined,
      signIn,
      signOut,
      refreshMe,
    }),
    [token, data, loading, error, signIn, signOut, refreshMe],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const context = useContext(AuthContext);
  if (!context) throw new Error('useAuth must be used inside <AuthProvider>');
  return context;
}

/** Roles that may write to the roster (the server enforces the same list). */
export const EDITOR_ROLES: readonly CurrentUser['role'][] = ['PROVINCE_ADMIN', 'CITY_OFFICE', 'COUNTY_OFFICE', 'TOWNSHIP_PLATFORM'];

export function useCanEdit(): boolean {
  const { me } = useAuth();
  return Boolean(me && EDITOR_ROLES.includes(me.role));
}
