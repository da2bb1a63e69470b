import type { Knex } from 'knex';
import type { DossierRow } from '../dossiers/index.js';

export interface AttachmentRow {
  id: number;
  dossier_id: number;
  name: string;
  document: string;
  media_type: string;
  size: number;
  sha256: string;
  uploaded_by: number | null;
  uploaded_at: string;
}

export interface RatingRow {
  dossier_id: number;
  score: number;
  comment: string | null;
  rated_by: number | null;
  rated_at: string;
}

/** A citizen's dossier as their list shows it. */
export type OwnDossierRow = DossierRow & {
  procedure_name: string;
  score: number | null;
  comment: string | null;
  rated_at: string | null;
};

const LISTED = ['id', 'dossier_id', 'name', 'document', 'media_type', 'size', 'sha256', 'uploaded_by', 'uploaded_at'];

/** The SQL of the portal: who submitted a dossier, its uploaded files, its rating. */
export class PortalRepository {
  constructor(private readonly knex: Knex) {}

  async insertAttachments(
    trx: Knex.Transaction,
    rows: (Omit<AttachmentRow, 'id'> & { content: Buffer })[],
  ): Promise<number[]> {
    const ids: number[] = [];
    for (const row of rows) {
      const [inserted] = await trx('attachments').insert(row).returning('id');
      ids.push(Number((inserted as { id: number }).id));
    }
    return ids;
  }

  /** Bytes an account uploaded since an instant (its day's quota). */
  async uploadedSince(userId: number, since: string): Promise<number> {
    const row = await this.knex('attachments')
      .where({ uploaded_by: userId })
      .where('uploaded_at', '>=', since)
      .sum({ bytes: 'size' })
      .first();
    return Number(row?.bytes ?? 0);
  }

  /** A dossier's files without their content, in upload order (in `db`, a transaction, when given). */
  attachments(dossierId: number, db: Knex = this.knex): Promise<AttachmentRow[]> {
    return db('attachments').where({ dossier_id: dossierId }).orderBy('id').select(LISTED);
  }

  /** One file of a dossier with its content. */
  attachment(dossierId: number, id: number): Promise<(AttachmentRow & { content: Buffer }) | undefined> {
    return this.knex('attachments')
      .where({ dossier_id: dossierId, id })
      .first([...LISTED, 'content']);
  }

  /** The citizen account that submitted a dossier online, null for one received at the desk. */
  async citizenOf(dossierId: number): Promise<number | null> {
    const row = await this.knex('dossiers').where({ id: dossierId }).first('citizen_id');
    return row?.citizen_id == null ? null : Number(row.citizen_id);
  }

  /** The dossiers a citizen submitted, newest first, with their rating. */
  ownDossiers(citizenId: number, limit: number): Promise<OwnDossierRow[]> {
    return this.knex('dossiers')
      .join('procedures', 'procedures.code', 'dossiers.procedure_code')
      .leftJoin('ratings', 'ratings.dossier_id', 'dossiers.id')
      .where('dossiers.citizen_id', citizenId)
      .orderBy('dossiers.id', 'desc')
      .limit(limit)
      .select(
        'dossiers.*',
        'procedures.name as procedure_name',
        'ratings.score',
        'ratings.comment',
        'ratings.rated_at',
      );
  }

  rating(dossierId: number, db: Knex = this.knex): Promise<RatingRow | undefined> {
    return db('ratings')
      .where({ dossier_id: dossierId })
      .first('dossier_id', 'score', 'comment', 'rated_by', 'rated_at');
  }

  async insertRating(trx: Knex.Transaction, row: RatingRow): Promise<void> {
    await trx('ratings').insert(row);
  }
}
