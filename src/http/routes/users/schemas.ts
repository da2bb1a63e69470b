import { Type } from 'typebox';
import { ROLES } from '../../../vocabulary/roles.js';
import { Nullable } from '../../schemas.js';

export const Role = Type.Enum([...ROLES]);

/** An account as the API shows it (never its password). */
export const User = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  fullName: Type.String(),
  unitCode: Nullable(Type.String()),
  unitLevel: Nullable(Type.String()),
  roles: Type.Array(Role),
  seesAllReports: Type.Optional(
    Type.Boolean({
      description: 'The on-time reports of every unit are open to this user; else their own unit’s only',
    }),
  ),
});
