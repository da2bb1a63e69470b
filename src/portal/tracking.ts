import { payloadOf } from '../audit/repository.js';
import { timeline } from '../audit/timeline.js';
import { NotFound } from '../errors.js';
import { localDate } from '../calendar/index.js';
import type { PortalContext } from './context.js';
import { citizenDossier, ratingView, type CitizenDossier } from './views.js';

/** A dossier as anyone holding its code and the applicant's ID number may follow it. */
export interface TrackedDossier extends CitizenDossier {
  missingItems: string[] | null;
  statusReason: string | null;
  /** What happened, in Vietnamese, without officers' names or comments. */
  timeline: { seq: number; at: string; label: string }[];
}

// The steps an applicant follows; reminders, escalations, alerts and the engine's own steps stay inside.
const TOLD = new Set([
  'dossier.submitted',
  'dossier.received',
  'dossier.accepted',
  'dossier.paused',
  'dossier.resumed',
  'dossier.withdrawn',
  'dossier.returned',
  'dossier.apology',
  'dossier.handedOver',
  'dossier.migrated',
  'dossier.imported',
  'dossier.rated',
  'task.created',
  'task.completed',
  'status.changed',
  'form.issued',
]);

/** Follows a dossier by its code and the applicant's ID number; a wrong code and a wrong number read the same. */
export async function track(ctx: PortalContext, code: string, idNumber: string): Promise<TrackedDossier> {
  const row = await ctx.repo.byCode(code.trim());
  if (!row || row.applicant_id_number.toUpperCase() !== idNumber.trim().toUpperCase()) {
    throw new NotFound(
      'dossier-not-found',
      'Không tìm thấy hồ sơ có mã hồ sơ và số giấy tờ tùy thân như đã nhập. Vui lòng kiểm tra lại.',
    );
  }
  const events = await ctx.log.events(row.id);
  const versionIds = new Set([
    row.version_id,
    ...events
      .flatMap((e) => [payloadOf(e).versionId, payloadOf(e).toVersionId])
      .filter((v) => v !== undefined)
      .map(Number),
  ]);
  const definitions = await Promise.all([...versionIds].map((id) => ctx.catalogue.definitionOf(id)));
  const history = timeline(events, {
    definitions,
    units: ctx.units,
    userNames: new Map(),
    detail: false,
    comments: false,
  });
  const procedure = await ctx.catalogue.get(row.procedure_code);
  const rating = await ctx.store.rating(row.id);
  return {
    ...citizenDossier(row, procedure.name, ctx.units, localDate(ctx.clock()), rating ? ratingView(rating) : null),
    missingItems: row.missing_items ? JSON.parse(row.missing_items) : null,
    statusReason: row.status_reason,
    timeline: history.filter((e) => TOLD.has(e.type)).map(({ seq, at, label }) => ({ seq, at, label })),
  };
}
