import type { Knex } from 'knex';
import { applicantMessage, type ApplicantNotice } from './messages.js';

export interface OutgoingMessage {
  id: number;
  channel: 'sms' | 'email';
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
}

export interface Applicant {
  phone: string | null;
  email: string | null;
}

/**
 * The notification outbox: a message is written in the same transaction as the change it tells about, and delivered
 * later, so that delivery (slow, failing) never blocks or undoes a step.
 */
export class Outbox {
  constructor(private readonly knex: Knex) {}

  /** Queues the notice to the applicant by SMS and/or e-mail, as far as the dossier has a phone and an address. */
  async notify(
    trx: Knex,
    dossier: { id: number; code: string; procedureName: string },
    applicant: Applicant,
    notice: ApplicantNotice,
    now: Date,
  ): Promise<void> {
    const { subject, body } = applicantMessage(dossier.code, dossier.procedureName, notice);
    const at = now.toISOString();
    const base = {
      dossier_id: dossier.id,
      subject,
      body,
      status: 'pending',
      attempts: 0,
      next_attempt_at: at,
      created_at: at,
    };
    const rows = [
      ...(applicant.phone ? [{ ...base, channel: 'sms', recipient: applicant.phone, body: body.split('\n')[0] }] : []),
      ...(applicant.email ? [{ ...base, channel: 'email', recipient: applicant.email }] : []),
    ];
    if (rows.length) await trx('outbox').insert(rows);
  }

  /** Pending messages due for an attempt. */
  async due(now: Date, limit: number): Promise<OutgoingMessage[]> {
    const rows = await this.knex('outbox')
      .where({ status: 'pending' })
      .where('next_attempt_at', '<=', now.toISOString())
      .orderBy('id')
      .limit(limit);
    return rows.map((r: Record<string, unknown>) => ({
      id: Number(r.id),
      channel: r.channel as OutgoingMessage['channel'],
      recipient: String(r.recipient),
      subject: String(r.subject),
      body: String(r.body),
      attempts: Number(r.attempts),
    }));
  }

  /**
   * Takes a due message for one attempt: its next attempt moves to `until`, so that no other node's deliverer takes it
   * meanwhile (and a node that dies mid-attempt leaves it to another then). False when another node took it first.
   */
  async claim(id: number, now: Date, until: Date): Promise<boolean> {
    return (
      (await this.knex('outbox')
        .where({ id, status: 'pending' })
        .where('next_attempt_at', '<=', now.toISOString())
        .update({ next_attempt_at: until.toISOString() })) === 1
    );
  }

  /** Marks a message sent, unless another node sent it first; false then. */
  async sent(id: number, now: Date): Promise<boolean> {
    return (
      (await this.knex('outbox')
        .where({ id, status: 'pending' })
        .update({ status: 'sent', sent_at: now.toISOString(), attempts: this.knex.raw('attempts + 1') })) === 1
    );
  }

  async failed(id: number, error: string, retryAt: Date | null): Promise<void> {
    await this.knex('outbox')
      .where({ id, status: 'pending' })
      .update({
        attempts: this.knex.raw('attempts + 1'),
        last_error: error,
        ...(retryAt ? { next_attempt_at: retryAt.toISOString() } : { status: 'failed' }),
      });
  }

  /** Messages of a dossier, newest last (for the dossier page and tests). */
  async ofDossier(
    dossierId: number,
  ): Promise<{ channel: string; recipient: string; subject: string; body: string; status: string }[]> {
    return this.knex('outbox')
      .where({ dossier_id: dossierId })
      .orderBy('id')
      .select('channel', 'recipient', 'subject', 'body', 'status');
  }
}
