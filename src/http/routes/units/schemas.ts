import { Type } from 'typebox';
import { Nullable } from '../../schemas.js';

/** A department, or a province, district or commune, with its dates in force. */
export const Unit = Type.Object({
  code: Type.String({ description: 'GSO code for territorial units, an abbreviation for departments' }),
  name: Type.String(),
  kind: Type.String(),
  level: Type.String({ description: 'Level code: tinh, huyen, xa' }),
  parentCode: Nullable(Type.String()),
  agencyId: Type.String({ description: 'Agency e-ID used in dossier codes' }),
  validFrom: Nullable(Type.String({ format: 'date' })),
  validTo: Nullable(Type.String({ format: 'date', description: 'First day no longer in force' })),
  saturdayMorning: Type.Boolean({ description: 'Saturday mornings are working time at this unit' }),
});
