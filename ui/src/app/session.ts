/** The logged-in user and their bearer token, kept in the browser until they expire or the user logs out. */
export type Role = 'citizen' | 'officer' | 'leader' | 'modeler' | 'publisher' | 'auditor' | 'admin';

export interface User {
  id: number;
  username: string;
  fullName: string;
  unitCode: string | null;
  unitLevel: string | null;
  roles: Role[];
}

interface Stored {
  token: string;
  expiresAt: string;
  user: User;
}

const STORAGE_KEY = 'motcua.session';

export function currentSession(): Stored | null {
  const raw = localStorage.getItem(STORAGE_KEY);
  if (!raw) return null;
  const stored = JSON.parse(raw) as Stored;
  if (Date.parse(stored.expiresAt) <= Date.now()) {
    localStorage.removeItem(STORAGE_KEY);
    return null;
  }
  return stored;
}

export function saveSession(session: Stored): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  localStorage.removeItem(STORAGE_KEY);
}

export function hasRole(user: User | null, ...roles: Role[]): boolean {
  return !!user && user.roles.some((role) => roles.includes(role));
}
