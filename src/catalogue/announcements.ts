import type { Knex } from 'knex';
import type { Static } from 'typebox';
import type { Actor } from '../auth/policy.js';
import type { Calendars } from '../calendar/index.js';
import { isUniqueViolation } from '../db/errors.js';
import { BadRequest, Conflict, NotFound, Unprocessable } from '../errors.js';
import type { Announcement, AnnouncementChange } from '../http/routes/announcements/schemas.js';
import type { Catalogue } from './catalogue.js';

export const CHANGE_KINDS = ['new', 'amend', 'replace', 'abolish'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface AnnouncementInput {
  number: string;
  title: string;
  signedOn: string;
  announcedOn: string;
  changes: {
    procedureCode: string;
    kind: ChangeKind;
    replacesCode?: string | undefined;
    effectiveFrom?: string | undefined;
  }[];
}

/** A change of an announcement: pending (time left), on-time (live by the deadline) or late. */
export type ChangeView = Static<typeof AnnouncementChange>;

/** An announcement; its deadline is the end of the second working day after it: every change must be live by then. */
export type AnnouncementView = Static<typeof Announcement>;

/**
 * Announcements of the competent authority (Quyết định công bố): what they add, amend, replace or abolish, and the
 * 2-working-day deadline by which VPUBND must have each change live in the system.
 */
export class Announcements {
  constructor(
    private readonly knex: Knex,
    private readonly catalogue: Catalogue,
    private readonly calendars: Calendars,
    private readonly clock: () => Date,
  ) {}

  /** The deadline of an announcement made on a local date: the end of the second working day after it. */
  deadline(announcedOn: string): Date {
    const calendar = this.calendars.standard;
    const nextDay = calendar.startOfNextWorkingDay(new Date(`${announcedOn}T12:00:00+07:00`));
    return calendar.add(nextDay, 2 * calendar.minutesPerDay);
  }

  async create(actor: Actor, input: AnnouncementInput): Promise<AnnouncementView> {
    if (input.announcedOn < input.signedOn)
      throw new BadRequest('announced-before-signed', 'Ngày công bố không được trước ngày ký.');
    for (const change of input.changes) await this.assertMeaningful(change);
    const now = this.clock().toISOString();
    let id = 0;
    try {
      await this.knex.transaction(async (trx) => {
        const [row] = await trx('announcements')
          .insert({
            number: input.number,
            title: input.title,
            signed_on: input.signedOn,
            announced_on: input.announcedOn,
            deadline_at: this.deadline(input.announcedOn).toISOString(),
            created_by: actor.id,
            created_at: now,
          })
          .returning('id');
        id = Number((row as { id: number }).id);
        if (input.changes.length) {
          await trx('announcement_changes').insert(
            input.changes.map((c) => ({
              announcement_id: id,
              procedure_code: c.procedureCode,
              kind: c.kind,
              replaces_code: c.replacesCode ?? null,
              effective_from: c.effectiveFrom ?? null,
            })),
          );
        }
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw new Conflict('announcement-exists', `Quyết định số ${input.number} đã được ghi nhận.`);
      throw err;
    }
    return this.get(id);
  }

  /** A change names procedures the catalogue knows, except the one it adds. */
  private async assertMeaningful(change: AnnouncementInput['changes'][number]): Promise<void> {
    if (change.kind === 'replace' && !change.replacesCode)
      throw new BadRequest('replaces-required', `Thủ tục ${change.procedureCode} thay thế thủ tục nào (replacesCode)?`);
    const known =
      change.kind === 'new' ? null : change.kind === 'replace' ? change.replacesCode! : change.procedureCode;
    if (known && !(await this.catalogue.exists(known))) {
      throw new Unprocessable(
        'unknown-procedure',
        `Thủ tục "${known}" chưa có trong danh mục, không thể ${change.kind === 'abolish' ? 'bãi bỏ' : change.kind === 'replace' ? 'thay thế' : 'sửa đổi'}.`,
      );
    }
  }

  async list(): Promise<AnnouncementView[]> {
    const rows = await this.knex('announcements').orderBy('announced_on', 'desc').orderBy('id', 'desc').select('id');
    return Promise.all(rows.map((r: { id: number }) => this.get(r.id)));
  }

  async get(id: number): Promise<AnnouncementView> {
    const row = await this.knex('announcements').where({ id }).first();
    if (!row) throw new NotFound('unknown-announcement', `Không có quyết định công bố số ${id}.`);
    const changes = await this.knex('announcement_changes as c')
      .leftJoin('procedure_versions as v', 'v.id', 'c.version_id')
      .where('c.announcement_id', id)
      .orderBy('c.id')
      .select('c.*', 'v.number as version_number');
    const now = this.clock();
    const calendar = this.calendars.standard;
    return {
      id: row.id,
      number: row.number,
      title: row.title,
      signedOn: row.signed_on,
      announcedOn: row.announced_on,
      deadlineAt: row.deadline_at,
      changes: changes.map((c: Record<string, unknown>) => {
        const doneAt = (c.done_at as string | null) ?? null;
        const late = doneAt ? doneAt > row.deadline_at : now.toISOString() > row.deadline_at;
        return {
          id: Number(c.id),
          procedureCode: String(c.procedure_code),
          kind: c.kind as ChangeKind,
          replacesCode: (c.replaces_code as string | null) ?? null,
          effectiveFrom: (c.effective_from as string | null) ?? null,
          versionNumber: c.version_number === null || c.version_number === undefined ? null : Number(c.version_number),
          doneAt,
          state: doneAt && !late ? 'on-time' : late ? 'late' : 'pending',
          timeLeftMinutes: doneAt ? null : calendar.between(now, new Date(row.deadline_at)),
        };
      }),
    };
  }

  /** Carries out an abolition: the procedure takes no dossier from its effective date (now at the earliest). */
  async abolish(actor: Actor, announcementId: number, changeId: number): Promise<AnnouncementView> {
    const change = await this.knex('announcement_changes')
      .where({ id: changeId, announcement_id: announcementId })
      .first();
    if (!change || change.kind !== 'abolish')
      throw new NotFound('unknown-change', `Quyết định không có nội dung bãi bỏ số ${changeId}.`);
    if (change.done_at) throw new Conflict('change-done', `Nội dung số ${changeId} đã được thực hiện.`);
    await this.catalogue.get(change.procedure_code);
    const now = this.clock().toISOString();
    const from = change.effective_from && change.effective_from > now ? change.effective_from : now;
    await this.knex.transaction(async (trx) => {
      await this.catalogue.abolish(trx, change.procedure_code, from, { actorId: actor.id, changeId, now });
      await trx('announcement_changes').where({ id: changeId }).update({ done_at: now });
    });
    return this.get(announcementId);
  }
}
