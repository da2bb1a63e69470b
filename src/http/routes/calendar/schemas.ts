import { Type } from 'typebox';
import { LocalDate, Nullable } from '../../schemas.js';

/** A day off or a make-up working day. */
export const Holiday = Type.Object({
  date: LocalDate(),
  name: Type.String(),
  kind: Type.String(),
  workingDay: Type.Boolean({ description: 'A make-up working day (usually a Saturday)' }),
  status: Type.Enum(['confirmed', 'confirmed_derived', 'computed']),
  source: Nullable(Type.String()),
});
