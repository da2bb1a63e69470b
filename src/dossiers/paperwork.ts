import type { NewEvent } from '../audit/log.js';
import { localDate } from '../calendar/index.js';
import type { Procedure } from '../catalogue/catalogue.js';
import type { Unit } from '../units/directory.js';
import { isFormKind, issuedUnder, type FormKind } from '../vocabulary/form-names.js';
import type { DossierContext } from './context.js';
import { controlSlip, type ControlSlip } from './control-slip.js';
import type { ReceivedDocument } from './received-documents.js';
import { deskOf, type DossierRow, type PauseRow } from './repository.js';
import type { DossierView } from './views.js';

/** A form the dossier's life has issued, with the set (circular) it was issued under. */
export interface IssuedForm {
  kind: FormKind;
  /** Its number in the circular's annex ("Mẫu số 01"), null for a notice the circular has no form for. */
  number: string | null;
  title: string;
  set: string;
  basis: string;
  /** The last time it was issued: a reprint shows the facts of then. */
  issuedAt: string;
}

export interface Apology {
  at: string;
  reason: string;
  appointmentAt: string;
  previousAppointmentAt: string | null;
  signedBy: string | null;
}

/** What a dossier's forms print. */
export interface Paperwork {
  dossier: DossierView;
  procedure: Procedure;
  /** The receiving desk's unit, and the unit competent to decide (the same unless received for another). */
  unit: Unit;
  competentUnit: Unit;
  receivedBy: string | null;
  pauses: PauseRow[];
  /** Every apology and request for extension, oldest first, with who signed it. */
  apologies: Apology[];
  /** The last stop notice, with its legal ground and whether it ended the handling. */
  stop: { at: string; reason: string; ground: string | null; final: boolean; signedBy: string | null } | null;
  /** What the desk received, as recorded at receipt; null when not recorded. */
  documents: ReceivedDocument[] | null;
  /** Forms the dossier's life has issued so far, each once; the control slip from the start of the clock. */
  issued: IssuedForm[];
  controlSlip: ControlSlip;
}

/** The event of issuing a form, naming the set in force on the day (what a reprint will use). */
export function formIssued(form: FormKind, at: Date): NewEvent {
  return { type: 'form.issued', payload: { form, set: issuedUnder(null, localDate(at)).id } };
}

/** Everything the dossier's forms print, read from its row and its events. */
export async function paperworkOf(ctx: DossierContext, row: DossierRow, dossier: DossierView): Promise<Paperwork> {
  const events = await ctx.repo.eventsOfType(row.id, ['form.issued', 'dossier.apology', 'dossier.paused']);
  const names = await ctx.repo.userNames([row.received_by, ...events.map((e) => e.actorId)]);
  const nameOf = (id: number | null) => (id === null ? null : (names.get(id) ?? null));
  const stop = events.filter((e) => e.type === 'dossier.paused' && e.payload.kind === 'stop').at(-1);
  const issued = events
    .filter((e) => e.type === 'form.issued' && isFormKind(e.payload.form))
    .map((e) => issuedForm(e.payload.form as FormKind, e.payload.set, e.at));
  if (row.clock_started_at) issued.push(issuedForm('control-slip', null, row.clock_started_at));
  return {
    dossier,
    procedure: await ctx.catalogue.get(row.procedure_code),
    unit: ctx.units.get(row.unit_code)!,
    competentUnit: ctx.units.get(deskOf(row))!,
    receivedBy: nameOf(row.received_by),
    pauses: await ctx.repo.pauses(row.id),
    apologies: events
      .filter((e) => e.type === 'dossier.apology')
      .map((e) => ({
        at: e.at,
        reason: String(e.payload.reason),
        appointmentAt: String(e.payload.appointmentAt),
        previousAppointmentAt: (e.payload.previousAppointmentAt as string | null) ?? null,
        signedBy: nameOf(e.actorId),
      })),
    stop: stop
      ? {
          at: stop.at,
          reason: String(stop.payload.reason),
          ground: (stop.payload.ground as string | null) ?? null,
          final: stop.payload.final === true,
          signedBy: nameOf(stop.actorId),
        }
      : null,
    documents: row.received_documents ? JSON.parse(row.received_documents) : null,
    issued: lastOfEach(issued).sort((a, b) => a.issuedAt.localeCompare(b.issuedAt)),
    controlSlip: await controlSlip(ctx, row),
  };
}

function issuedForm(kind: FormKind, set: unknown, at: string): IssuedForm {
  const issuedSet = issuedUnder(set, localDate(new Date(at)));
  return { kind, ...issuedSet.names[kind], set: issuedSet.id, basis: issuedSet.basis, issuedAt: at };
}

function lastOfEach(forms: IssuedForm[]): IssuedForm[] {
  return [...new Map(forms.map((f) => [f.kind, f])).values()];
}
