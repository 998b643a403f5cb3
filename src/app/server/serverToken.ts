/**
 * The bearer token for the team server: kept for this tab only (sessionStorage) unless the user
 * asks to stay signed in on this device (localStorage). Never put in URLs or snapshots.
 */
const KEY = 'glassbox.serverToken';

export function storedToken(): string | null {
  try {
    return sessionStorage.getItem(KEY) ?? localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function storeToken(token: string, remember: boolean): void {
  try {
    forgetToken();
    (remember ? localStorage : sessionStorage).setItem(KEY, token);
  } catch {
    // storage blocked: the token lives in memory for this page only
  }
}

export function forgetToken(): void {
  try {
    sessionStorage.removeItem(KEY);
    localStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}
