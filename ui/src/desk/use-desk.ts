import { api } from '../app/api';
import type { Unit } from '../app/api-types';
import type { User } from '../app/session';
import { useLoad, type Loaded } from '../app/ui';

/** The officer's unit as the API describes it, null for a user without one. */
export function useDesk(user: User | null): Loaded<Unit | null> {
  const code = user?.unitCode;
  return useLoad(() => (code ? api<Unit>(`/units/${encodeURIComponent(code)}`) : Promise.resolve(null)), [code]);
}
