// The access token lives in sessionStorage: it dies with the tab, and a reload keeps the user
// signed in. Listeners (the auth context) hear about sign-in and sign-out from anywhere,
// including the Apollo error link.
const TOKEN_KEY = 'registry.accessToken';
const CHANGE_EVENT = 'registry:session-change';
// the signed-in user's region, remembered for the session so a reload can ask for the
// dashboard's figures before the session check answers (issue 14); dropped with the token
const SCOPE_KEY = 'registry.scopeRegion';

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

export function getAccessToken(): string | null {
  return storage()?.getItem(TOKEN_KEY) ?? null;
}

export function setAccessToken(token: string): void {
  storage()?.removeItem(SCOPE_KEY);
  storage()?.setItem(TOKEN_KEY, token);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

export function clearAccessToken(): void {
  storage()?.removeItem(SCOPE_KEY);
  if (getAccessToken() === null) return;
  storage()?.removeItem(TOKEN_KEY);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

export function onSessionChange(listener: () => void): () => void {
  window.addEventListener(CHANGE_EVENT, listener);
  return () => window.removeEventListener(CHANGE_EVENT, listener);
}

/** The region of the session's user, once the session check told it (null before). */
export function rememberedScope(): string | null {
  return getAccessToken() === null ? null : (storage()?.getItem(SCOPE_KEY) ?? null);
}

export function rememberScope(regionCode: string): void {
  if (getAccessToken() !== null) storage()?.setItem(SCOPE_KEY, regionCode);
}
