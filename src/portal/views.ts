import { deskOf, resultPlaceOf, type DossierRow } from '../dossiers/index.js';
import type { ResultReturn } from '../vocabulary/result-returns.js';
import type { UnitDirectory } from '../units/directory.js';
import { statusLabel } from '../vocabulary/statuses.js';
import type { AttachmentRow, RatingRow } from './repository.js';

export interface RatingView {
  score: number;
  comment: string | null;
  ratedAt: string;
}

export interface AttachmentView {
  id: number;
  name: string;
  document: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
}

/** What the applicant sees of a dossier: no officer, no internal data. */
export interface CitizenDossier {
  code: string;
  procedureCode: string;
  procedureName: string;
  /** The unit whose desk handles the dossier now. */
  unitCode: string;
  unitName: string;
  /** The desk that received it (another unit's, when received regardless of administrative boundary). */
  receivingUnitName: string;
  /** Where the applicant collects the result, and the unit that returns or posts it. */
  resultReturn: ResultReturn;
  resultUnitName: string;
  channel: string;
  statusCode: number;
  statusLabel: string;
  receivedAt: string;
  appointmentAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  returnedAt: string | null;
  rating: RatingView | null;
}

export function citizenDossier(
  row: DossierRow,
  procedureName: string,
  units: UnitDirectory,
  /** The local day now (YYYY-MM-DD), for the unit that returns the result. */
  today: string,
  rating: RatingView | null,
): CitizenDossier {
  const desk = deskOf(row);
  const { resultReturn, resultUnitName } = resultPlaceOf(row, units, today);
  return {
    code: row.code,
    procedureCode: row.procedure_code,
    procedureName,
    unitCode: desk,
    unitName: units.get(desk)?.name ?? desk,
    receivingUnitName: units.get(row.unit_code)?.name ?? row.unit_code,
    resultReturn,
    resultUnitName,
    channel: row.channel,
    statusCode: row.status_code,
    statusLabel: statusLabel(row.status_code),
    receivedAt: row.received_at,
    appointmentAt: row.appointment_at,
    dueAt: row.due_at,
    finishedAt: row.finished_at,
    returnedAt: row.returned_at,
    rating,
  };
}

export function ratingView(row: Pick<RatingRow, 'score' | 'comment' | 'rated_at'>): RatingView {
  return { score: Number(row.score), comment: row.comment, ratedAt: row.rated_at };
}

export function attachmentView(row: AttachmentRow): AttachmentView {
  return {
    id: Number(row.id),
    name: row.name,
    document: row.document,
    mediaType: row.media_type,
    size: Number(row.size),
    sha256: row.sha256,
    uploadedAt: row.uploaded_at,
  };
}
