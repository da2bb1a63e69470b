/**
 * The logged-in user and their bearer token, kept in this tab's session storage until they expire, the user logs out
 * or the browser closes (desk computers are shared). Why a bearer token and not a cookie: README "Security".
 */
export type Role = 'citizen' | 'officer' | 'leader' | 'modeler' | 'publisher' | 'auditor' | 'admin';

export interface User {
  id: number;
  username: string;
  fullName: string;
  unitCode: string | null;
  unitLevel: string | null;
  roles: Role[];
  /** The server's policy: every unit's reports are open to this user (else their own unit's). */
  seesAllReports?: boolean | undefined;
}

interface Stored {
  token: string;
  expiresAt: string;
  user: User;
}

const STORAGE_KEY = 'motcua.session';

export function currentSession(): Stored | null {
  const raw = sessionStorage.getItem(STORAGE_KEY);
  if (!raw) return null;
  const stored = JSON.parse(raw) as Stored;
  if (Date.parse(stored.expiresAt) <= Date.now()) {
    sessionStorage.removeItem(STORAGE_KEY);
    return null;
  }
  return stored;
}

export function saveSession(session: Stored): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}

export function hasRole(user: User | null, ...roles: Role[]): boolean {
  return !!user && user.roles.some((role) => roles.includes(role));
}
