import { Type } from 'typebox';
import { CHANNELS } from '../../../vocabulary/channels.js';
import { Instant, Nullable } from '../../schemas.js';

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

/** One line of a unit's register (sổ theo dõi hồ sơ). */
export const RegisterEntry = Type.Object({
  code: Type.String(),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  applicantName: Type.String(),
  applicantIdNumber: Type.String(),
  applicantPhone: Nullable(Type.String()),
  receivingUnitCode: Type.String(),
  receivingUnitName: Type.String({ description: 'The desk that received it (a branch may receive for the unit)' }),
  competentUnitName: Type.String({ description: 'Cơ quan chủ trì giải quyết' }),
  channel: Type.Enum([...CHANNELS]),
  receivedAt: Instant,
  appointmentAt: Nullable(Instant),
  transferredAt: Nullable(Instant, 'When a task of it first went to a unit other than the desk'),
  finishedAt: Nullable(Instant),
  returnedAt: Nullable(Instant),
  statusCode: Type.Integer(),
  statusLabel: Type.String(),
  note: Nullable(Type.String(), 'Refused, withdrawn, stopped or late, with the reason'),
});
