import { applicantTimeline } from './applicant-timeline.js';
import { NotFound } from '../errors.js';
import { localDate } from '../calendar/index.js';
import type { PortalContext } from './context.js';
import { citizenDossier, ratingView, type CitizenDossier } from './views.js';

/** A dossier as anyone holding its code and the applicant's ID number may follow it. */
export interface TrackedDossier extends CitizenDossier {
  missingItems: string[] | null;
  statusReason: string | null;
  /** What happened, as the applicant needs it (applicant-timeline.ts): no officer, step name, comment or engine event. */
  timeline: { seq: number; at: string; label: string }[];
}

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
  const procedure = await ctx.catalogue.get(row.procedure_code);
  const rating = await ctx.store.rating(row.id);
  const dossier = citizenDossier(
    row,
    procedure.name,
    ctx.units,
    localDate(ctx.clock()),
    rating ? ratingView(rating) : null,
  );
  const resultPlace =
    dossier.resultReturn === 'post'
      ? 'kết quả được gửi qua dịch vụ bưu chính công ích'
      : `mời nhận tại ${dossier.resultUnitName}`;
  return {
    ...dossier,
    missingItems: row.missing_items ? JSON.parse(row.missing_items) : null,
    statusReason: row.status_reason,
    timeline: applicantTimeline(events, ctx.units, resultPlace),
  };
}
