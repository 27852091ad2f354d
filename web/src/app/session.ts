// The access token lives in sessionStorage: it dies with the tab, and a reload keeps the user
// signed in. Listeners (the auth context) hear about sign-in and sign-out from anywhere,
// including the Apollo error link.
const TOKEN_KEY = 'registry.accessToken';
const CHANGE_EVENT = 'registry:session-change';

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
  storage()?.setItem(TOKEN_KEY, token);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

export function clearAccessToken(): void {
  if (getAccessToken() === null) return;
  storage()?.removeItem(TOKEN_KEY);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

export function onSessionChange(listener: () => void): () => void {
  window.addEventListener(CHANGE_EVENT, listener);
  return () => window.removeEventListener(CHANGE_EVENT, listener);
}
