/** What an SMSC's delivery receipt says about one message it accepted. */
export interface DeliveryReceipt {
  /** The message_id the SMSC gave in its submit_sm_resp. */
  id: string;
  /** The final or intermediate state, as the receipt spells it: DELIVRD, UNDELIV, EXPIRED, REJECTD, ACCEPTD… */
  stat: string;
  /** The network's error code, when given. */
  err: string | null;
  /** The receipt's `done date` as sent (YYMMDDhhmm[ss], in the SMSC's own time zone), when given. */
  doneDate: string | null;
}

export type ReceiptOutcome = 'delivered' | 'failed' | 'pending';

const FAILED = new Set(['UNDELIV', 'EXPIRED', 'DELETED', 'REJECTD', 'UNKNOWN', 'FAILED', 'REJECTED', 'UNDELIVERABLE']);

/** Whether a receipt's state is the end of the message, delivered or not, or only news on the way. */
export function receiptOutcome(stat: string): ReceiptOutcome {
  if (stat === 'DELIVRD' || stat === 'DELIVERED') return 'delivered';
  return FAILED.has(stat) ? 'failed' : 'pending';
}

/**
 * Reads the text of a delivery receipt in the format of SMPP 3.4, appendix B: `id:… sub:… dlvrd:… submit date:…
 * done date:… stat:DELIVRD err:… text:…`. Fields are found by name, in any case and order; what follows `text:`
 * (the start of the message itself) is never read as a field. Null when the text has no id or no stat.
 */
export function parseDeliveryReceipt(text: string): DeliveryReceipt | null {
  const fields = text.split(/(?:^|\s)text:/i)[0]!;
  const field = (name: string) => new RegExp(`(?:^|\\s)${name}:(\\S+)`, 'i').exec(fields)?.[1] ?? null;
  const id = field('id');
  const stat = field('stat');
  if (!id || !stat) return null;
  return { id, stat: stat.toUpperCase(), err: field('err'), doneDate: field('done date') };
}

/** The receipt state named by the `message_state` TLV (SMPP 3.4, 5.2.28), for receipts that carry it. */
export const MESSAGE_STATES: Record<number, string> = {
  1: 'ENROUTE',
  2: 'DELIVRD',
  3: 'EXPIRED',
  4: 'DELETED',
  5: 'UNDELIV',
  6: 'ACCEPTD',
  7: 'UNKNOWN',
  8: 'REJECTD',
};
