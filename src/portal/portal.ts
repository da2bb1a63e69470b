import { AuditRepository } from '../audit/repository.js';
import { localDate } from '../calendar/index.js';
import { authorizeDossier, may, type Actor } from '../auth/policy.js';
import { DossierRepository, type DossierDeps, type DossierRow } from '../dossiers/index.js';
import { DossierNotFound, NotFound } from '../errors.js';
import type { FieldError } from '../validation/messages.js';
import { attach } from './attach.js';
import { digitise } from './digitise.js';
import type { PortalContext } from './context.js';
import { DEFAULT_UPLOAD_LIMITS, remainingToday, type Upload, type UploadLimits } from './files.js';
import { rate, type RatingInput } from './ratings.js';
import { PortalRepository } from './repository.js';
import { submit, type Submission } from './submission.js';
import { track, type TrackedDossier } from './tracking.js';
import {
  attachmentView,
  citizenDossier,
  ratingView,
  type AttachmentView,
  type CitizenDossier,
  type RatingView,
} from './views.js';

/** A downloaded file. */
export interface AttachmentFile {
  name: string;
  mediaType: string;
  content: Buffer;
}

/**
 * The citizens' side of the system: online submission with files, tracking by code and ID number, a citizen's own
 * dossiers, the rating of the result; and the dossier's files: for those who may see them, added by its officers.
 */
export class Portal {
  private readonly ctx: PortalContext;

  constructor(deps: DossierDeps & { limits?: Partial<UploadLimits> | undefined }) {
    const limits = { ...DEFAULT_UPLOAD_LIMITS, ...deps.limits };
    this.ctx = {
      ...deps,
      limits,
      repo: new DossierRepository(deps.knex),
      store: new PortalRepository(deps.knex),
      log: new AuditRepository(deps.knex),
    };
  }

  get limits(): UploadLimits {
    return this.ctx.limits;
  }

  /** The fields of an online form in error, as the submission would find them (the browser asks before uploading). */
  async formErrors(procedureCode: string, data: unknown): Promise<FieldError[]> {
    return this.ctx.forms.errorsOf(await this.ctx.catalogue.get(procedureCode), data);
  }

  /** Bytes the account may still upload today (UPLOAD_DAILY_BYTES per account and day). */
  remainingToday(actor: Actor): Promise<number> {
    return remainingToday(this.ctx.store, this.ctx.limits, actor.id, this.ctx.clock());
  }

  /** Submits a dossier online; answers with what the citizen sees of it and its files. */
  async submit(
    citizen: Actor,
    input: Submission,
    uploads: Upload[],
  ): Promise<CitizenDossier & { attachments: AttachmentView[] }> {
    const row = (await this.ctx.repo.byCode(await submit(this.ctx, citizen, input, uploads)))!;
    const procedure = await this.ctx.catalogue.get(row.procedure_code);
    const attachments = await this.ctx.store.attachments(row.id);
    return {
      ...citizenDossier(row, procedure.name, this.ctx.units, localDate(this.ctx.clock()), null),
      attachments: attachments.map(attachmentView),
    };
  }

  track(code: string, idNumber: string): Promise<TrackedDossier> {
    return track(this.ctx, code, idNumber);
  }

  /** Follows a dossier the citizen submitted, without their ID number; one of someone else is not found, as a missing one. */
  async trackMine(citizen: Actor, code: string): Promise<TrackedDossier> {
    const row = await this.ctx.repo.byCode(code.trim());
    if (!row || (await this.ctx.store.citizenOf(row.id)) !== citizen.id) throw new DossierNotFound(code);
    return track(this.ctx, code, row.applicant_id_number);
  }

  /** The dossiers the citizen submitted, newest first. */
  async mine(citizen: Actor, limit = 200): Promise<CitizenDossier[]> {
    const rows = await this.ctx.store.ownDossiers(citizen.id, limit);
    return rows.map((row) =>
      citizenDossier(
        row,
        row.procedure_name,
        this.ctx.units,
        localDate(this.ctx.clock()),
        row.rated_at ? ratingView({ score: row.score!, comment: row.comment, rated_at: row.rated_at }) : null,
      ),
    );
  }

  rate(citizen: Actor, code: string, input: RatingInput): Promise<RatingView> {
    return rate(this.ctx, citizen, code, input);
  }

  /** The applicant's rating of a dossier, for those who may read it (null while not rated). */
  async rating(actor: Actor, code: string): Promise<RatingView | null> {
    const row = await this.dossier(code);
    authorizeDossier(actor, 'dossiers:read', { unitCodes: await this.ctx.repo.unitsInvolved(row) }, code);
    const rating = await this.ctx.store.rating(row.id);
    return rating ? ratingView(rating) : null;
  }

  /**
   * A dossier's uploaded files (without content): all of them for its staff; for the citizen who submitted it, the
   * files they uploaded themselves (what officers attach is the unit's working papers).
   */
  async attachments(actor: Actor, code: string): Promise<AttachmentView[]> {
    const { row, seesAll } = await this.mayOpen(actor, code);
    const files = await this.ctx.store.attachments(row.id);
    return files.filter((f) => seesAll || f.uploaded_by === actor.id).map(attachmentView);
  }

  /** An officer attaches files to a dossier as one document; answers with the files added. */
  attach(actor: Actor, code: string, document: string, uploads: Upload[]): Promise<AttachmentView[]> {
    return attach(this.ctx, actor, code, document, uploads);
  }

  /** The officer checks the scan of the document at `index` of the checklist: it is digitised. */
  digitise(actor: Actor, code: string, index: number): Promise<void> {
    return digitise(this.ctx, actor, code, index);
  }

  async attachment(actor: Actor, code: string, id: number): Promise<AttachmentFile> {
    const { row, seesAll } = await this.mayOpen(actor, code);
    const file = await this.ctx.store.attachment(row.id, id);
    if (!file || !(seesAll || file.uploaded_by === actor.id))
      throw new NotFound('unknown-attachment', `Hồ sơ ${code} không có tệp đính kèm số ${id}.`);
    return { name: file.name, mediaType: file.media_type, content: file.content };
  }

  /** Whether the actor may open the dossier's files, and whether all of them (staff) or only their own (its citizen). */
  private async mayOpen(actor: Actor, code: string): Promise<{ row: DossierRow; seesAll: boolean }> {
    const row = await this.dossier(code);
    const unitCodes = await this.ctx.repo.unitsInvolved(row);
    authorizeDossier(
      actor,
      'dossiers:attachments',
      { unitCodes, citizenId: await this.ctx.store.citizenOf(row.id) },
      code,
    );
    return { row, seesAll: may(actor, 'dossiers:read', { unitCodes }) };
  }

  private async dossier(code: string): Promise<DossierRow> {
    const row = await this.ctx.repo.byCode(code);
    if (!row) throw new DossierNotFound(code);
    return row;
  }
}
