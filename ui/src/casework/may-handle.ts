import { hasRole, type User } from '../app/session';
import type { Dossier } from './types';

/** Statuses after which nothing more happens to a dossier: refused, withdrawn, result returned. */
export const CLOSED_STATUSES: readonly number[] = [3, 7, 10];

/** Staff of the desk's unit or of a unit holding a step (the server decides in the end). */
export function mayHandle(user: User | null, dossier: Dossier): boolean {
  if (!user?.unitCode || !hasRole(user, 'officer', 'leader')) return false;
  return user.unitCode === dossier.deskUnitCode || dossier.tasks.some((task) => task.unitCode === user.unitCode);
}

/** Who may attach documents now: those who may handle the dossier, until it is closed. */
export function mayAttach(user: User | null, dossier: Dossier): boolean {
  return mayHandle(user, dossier) && !CLOSED_STATUSES.includes(dossier.statusCode);
}
