import type { Knex } from 'knex';
import { applicantMessage, type ApplicantNotice } from './messages.js';
import { deliveryOf } from './sms/delivery.js';
import { receiptOutcome } from './sms/receipt.js';
import { MessageTemplates } from './templates.js';

export interface OutgoingMessage {
  id: number;
  channel: 'sms' | 'email';
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
}

/** Where an SMS transport records what the SMSC accepted and what its receipts say. */
export interface SmsLedger {
  /** The SMSC's message_id of each part of an outbox message it already accepted, by part number. */
  acceptedParts(outboxId: number): Promise<Map<number, string>>;
  partAccepted(outboxId: number, part: number, total: number, messageId: string, at: Date): Promise<void>;
  deliveryReceipt(messageId: string, stat: string, at: Date): Promise<void>;
}

/** An outbox message as the tests read it back. */
export interface SentMessage {
  id: number;
  channel: string;
  recipient: string;
  subject: string;
  body: string;
  status: string;
  /** For an SMS sent through SMPP: DELIVRD, a failure's state (UNDELIV…), an intermediate one, or null before. */
  deliveryStatus: string | null;
  deliveredAt: string | null;
  /** The SMSC's message_id of each part it accepted. */
  messageIds: string[];
}

export interface Applicant {
  phone: string | null;
  email: string | null;
}

/**
 * The notification outbox: a message is written in the same transaction as the change it tells about, and delivered
 * later, so that delivery (slow, failing) never blocks or undoes a step.
 */
export class Outbox implements SmsLedger {
  constructor(
    private readonly knex: Knex,
    private readonly templates = new MessageTemplates(knex),
  ) {}

  /** Queues the notice to the applicant by SMS and/or e-mail, as far as the dossier has a phone and an address. */
  async notify(
    trx: Knex,
    dossier: { id: number; code: string; procedureName: string },
    applicant: Applicant,
    notice: ApplicantNotice,
    now: Date,
  ): Promise<void> {
    // The templates as they are in the step's own transaction.
    const templates = await this.templates.current(trx);
    const { subject, body } = applicantMessage(dossier.code, dossier.procedureName, notice, templates);
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

  /** Messages of a dossier, newest last, with the SMSC's ids of an SMS's parts and its delivery (for tests). */
  async ofDossier(dossierId: number): Promise<SentMessage[]> {
    const rows = await this.knex('outbox')
      .where({ dossier_id: dossierId })
      .orderBy('id')
      .select('id', 'channel', 'recipient', 'subject', 'body', 'status', 'delivery_status', 'delivered_at');
    const parts = await this.knex('sms_parts')
      .whereIn(
        'outbox_id',
        rows.map((r) => r.id),
      )
      .orderBy(['outbox_id', 'part'])
      .select('outbox_id', 'message_id');
    return rows.map((r) => ({
      id: Number(r.id),
      channel: r.channel,
      recipient: r.recipient,
      subject: r.subject,
      body: r.body,
      status: r.status,
      deliveryStatus: r.delivery_status ?? null,
      deliveredAt: r.delivered_at ?? null,
      messageIds: parts.filter((p) => Number(p.outbox_id) === Number(r.id)).map((p) => String(p.message_id)),
    }));
  }

  async acceptedParts(outboxId: number): Promise<Map<number, string>> {
    const rows = await this.knex('sms_parts')
      .where({ outbox_id: outboxId })
      .orderBy('part')
      .select('part', 'message_id');
    return new Map(rows.map((r) => [Number(r.part), String(r.message_id)]));
  }

  /** Records that the SMSC accepted one part of an SMS under `messageId`, with any receipt that came before. */
  async partAccepted(outboxId: number, part: number, total: number, messageId: string, at: Date): Promise<void> {
    await this.knex.transaction(async (trx) => {
      await trx('outbox').where({ id: outboxId }).forUpdate().first('id');
      await trx('sms_parts')
        .insert({ message_id: messageId, outbox_id: outboxId, part, total, accepted_at: at.toISOString() })
        .onConflict('message_id')
        .merge(['outbox_id', 'part', 'total', 'accepted_at']);
      await this.summarise(trx, outboxId);
    });
  }

  /** Records a delivery receipt; a late intermediate one never replaces a final state. */
  async deliveryReceipt(messageId: string, stat: string, at: Date): Promise<void> {
    const outboxId = await this.knex.transaction(async (trx) => {
      const known = await trx('sms_parts').where({ message_id: messageId }).first('status');
      if (known?.status && receiptOutcome(known.status) !== 'pending' && receiptOutcome(stat) === 'pending')
        return null;
      await trx('sms_parts')
        .insert({ message_id: messageId, status: stat, receipt_at: at.toISOString() })
        .onConflict('message_id')
        .merge(['status', 'receipt_at']);
      return (await trx('sms_parts').where({ message_id: messageId }).first('outbox_id'))?.outbox_id ?? null;
    });
    // Apart, so that every writer takes the outbox row's lock before the parts' (partAccepted does).
    if (outboxId !== null) await this.knex.transaction((trx) => this.summarise(trx, Number(outboxId)));
  }

  /** Writes an SMS's delivery, as its parts' receipts say, on the outbox message (held locked meanwhile). */
  private async summarise(trx: Knex, outboxId: number): Promise<void> {
    await trx('outbox').where({ id: outboxId }).forUpdate().first('id');
    const parts = await trx('sms_parts').where({ outbox_id: outboxId }).select('part', 'total', 'status', 'receipt_at');
    const { status, deliveredAt } = deliveryOf(parts);
    await trx('outbox').where({ id: outboxId }).update({ delivery_status: status, delivered_at: deliveredAt });
  }
}
