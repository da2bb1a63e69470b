import type { Knex } from 'knex';
import { authorize, type Actor } from '../auth/policy.js';
import { isUniqueViolation } from '../db/errors.js';
import { sha256 } from '../engine/definitions.js';
import { Conflict, DomainError, Unprocessable } from '../errors.js';
import { findChange, markChangeCarriedOut } from './announcement-changes-repository.js';
import { recordCatalogueEvent } from './events-repository.js';
import { VersionReads } from './version-reads.js';
import type { VersionView } from './version-view.js';
import {
  endOpenPublication,
  insertDraft,
  lastNumber,
  markPublished,
  markRejected,
  markSubmitted,
  publishedAfter,
  replaceDraft,
  versionIdOf,
} from './versions-repository.js';

export type { VersionDeps } from './version-reads.js';
export type { VersionStatus, VersionView } from './version-view.js';

/**
 * The lifecycle of a procedure's diagrams: a modeler uploads and edits drafts and submits one; VPUBND publishes it
 * (or sends it back with a reason). Exactly one published version is in force at any instant; a version that left
 * draft never changes (the database refuses it too).
 */
export class ProcedureVersions extends VersionReads {
  /** A new draft from an uploaded diagram; returned with its findings (errors do not stop a draft). */
  async createDraft(actor: Actor, code: string, uploaded: string): Promise<VersionView> {
    const procedure = await this.editable(actor, code);
    const { xml, findings } = await this.prepare(procedure, uploaded);
    const now = this.deps.clock().toISOString();
    for (let attempt = 1; ; attempt++) {
      const number = (await lastNumber(this.deps.knex, code)) + 1;
      try {
        await this.deps.knex.transaction(async (trx) => {
          await insertDraft(trx, { code, number, xml, findings, by: actor.id, at: now });
          await this.log(trx, code, number, 'version.created', actor, {
            sha256: sha256(xml),
            errors: findings.filter((f) => f.severity === 'error').length,
          });
        });
        return this.view(await this.row(code, number));
      } catch (err) {
        if (!isUniqueViolation(err) || attempt >= 5) throw err; // two uploads took the same number: take the next
      }
    }
  }

  /** Replaces a draft's diagram (the editor saves). */
  async updateDraft(actor: Actor, code: string, number: number, uploaded: string): Promise<VersionView> {
    const procedure = await this.editable(actor, code);
    if ((await this.row(code, number)).status !== 'draft') throw await this.notDraft(code, number);
    const { xml, findings } = await this.prepare(procedure, uploaded);
    await this.deps.knex.transaction(async (trx) => {
      const at = this.deps.clock().toISOString();
      const changed = await replaceDraft(trx, { code, number, xml, findings, by: actor.id, at });
      if (changed !== 1) throw raced(number);
      await this.log(trx, code, number, 'version.updated', actor, { sha256: sha256(xml) });
    });
    return this.view(await this.row(code, number));
  }

  /** Sends a draft to VPUBND: refused (422, with the findings) while it has errors; one submission at a time. */
  async submit(actor: Actor, code: string, number: number): Promise<VersionView> {
    const procedure = await this.editable(actor, code);
    const row = await this.row(code, number);
    if (row.status !== 'draft') throw await this.notDraft(code, number);
    await this.assertNoErrors(procedure, row.bpmn_xml);
    try {
      await this.deps.knex.transaction(async (trx) => {
        const changed = await markSubmitted(trx, row.id, actor.id, this.deps.clock().toISOString());
        if (changed !== 1) throw raced(number);
        await this.log(trx, code, number, 'version.submitted', actor, {});
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw new Conflict('another-version-submitted', `Thủ tục "${code}" đã có một phiên bản khác đang chờ duyệt.`);
      throw err;
    }
    return this.view(await this.row(code, number));
  }

  /** VPUBND sends a submitted version back to draft, with the reason. */
  async reject(actor: Actor, code: string, number: number, reason: string): Promise<VersionView> {
    authorize(actor, 'procedures:publish', {});
    await this.deps.knex.transaction(async (trx) => {
      const at = this.deps.clock().toISOString();
      const changed = await markRejected(trx, { code, number, by: actor.id, at, reason });
      if (changed !== 1)
        throw new Conflict('not-submitted', `Phiên bản ${number} của thủ tục "${code}" không ở trạng thái chờ duyệt.`);
      await this.log(trx, code, number, 'version.rejected', actor, { reason });
    });
    return this.view(await this.row(code, number));
  }

  /**
   * VPUBND publishes a submitted version, in force from `validFrom` (now at the earliest: a publication never
   * rebinds dossiers already received). The version in force until then ends there. Linked to its announcement change.
   */
  async publish(
    actor: Actor,
    code: string,
    number: number,
    options: { validFrom?: string | undefined; changeId?: number | undefined } = {},
  ): Promise<VersionView> {
    authorize(actor, 'procedures:publish', {});
    const procedure = await this.deps.catalogue.get(code);
    const row = await this.row(code, number);
    if (row.status !== 'submitted')
      throw new Conflict('not-submitted', `Phiên bản ${number} của thủ tục "${code}" không ở trạng thái chờ duyệt.`);
    if (this.deps.publisherNotSubmitter() && Number(row.submitted_by) === actor.id) {
      throw new DomainError(
        403,
        'publisher-is-submitter',
        'Người gửi duyệt phiên bản không được tự công bố phiên bản đó; một cán bộ Văn phòng UBND khác cần xem và công bố.',
      );
    }
    await this.assertNoErrors(procedure, row.bpmn_xml);
    const now = this.deps.clock().toISOString();
    const from = options.validFrom && options.validFrom > now ? options.validFrom : now;
    await this.deps.knex.transaction(async (trx) => {
      const later = await publishedAfter(trx, code, from);
      if (later)
        throw new Conflict(
          'later-version-scheduled',
          `Phiên bản ${later.number} đã được công bố có hiệu lực sau ngày này.`,
        );
      if (options.changeId !== undefined) {
        const change = await this.linkChange(trx, code, options.changeId, row.id, now);
        // A procedure that replaces another retires it when it takes over.
        if (change.kind === 'replace' && change.replaces_code) {
          await this.deps.catalogue.abolish(trx, change.replaces_code, from, {
            actorId: actor.id,
            changeId: options.changeId,
            now,
          });
        }
      }
      await endOpenPublication(trx, code, from);
      const changeId = options.changeId ?? null;
      const changed = await markPublished(trx, row.id, { by: actor.id, at: now, validFrom: from, changeId });
      if (changed !== 1) throw new Conflict('not-submitted', `Phiên bản ${number} vừa được xử lý bởi người khác.`);
      await this.log(trx, code, number, 'version.published', actor, { validFrom: from, changeId });
    });
    return this.view(await this.row(code, number));
  }

  private async linkChange(
    trx: Knex.Transaction,
    code: string,
    changeId: number,
    versionId: number,
    now: string,
  ): Promise<{ kind: string; replaces_code: string | null }> {
    const change = await findChange(trx, changeId);
    if (!change || change.procedure_code !== code || !['new', 'amend', 'replace'].includes(change.kind)) {
      throw new Unprocessable(
        'unknown-change',
        `Quyết định công bố không có nội dung số ${changeId} về thủ tục "${code}" cần công bố quy trình.`,
      );
    }
    if (change.done_at)
      throw new Conflict('change-done', `Nội dung số ${changeId} của quyết định công bố đã được thực hiện.`);
    await markChangeCarriedOut(trx, changeId, versionId, now);
    return change;
  }

  private async log(
    trx: Knex.Transaction,
    code: string,
    number: number,
    type: string,
    actor: Actor,
    payload: Record<string, unknown>,
  ) {
    await recordCatalogueEvent(trx, {
      procedureCode: code,
      versionId: await versionIdOf(trx, code, number),
      type,
      actorId: actor.id,
      at: this.deps.clock().toISOString(),
      payload: { number, ...payload },
    });
  }
}

/** The version changed state while this change was being written (someone else acted first). */
function raced(number: number): Conflict {
  return new Conflict('version-changed', `Phiên bản ${number} vừa được người khác thay đổi trạng thái; hãy tải lại.`);
}
