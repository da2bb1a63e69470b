import { receiptOutcome } from './receipt.js';

/** One recorded part of an SMS: how many parts the SMS has, and its receipt's state and time when it came. */
export interface PartRecord {
  part: number | null;
  total: number | null;
  status: string | null;
  receipt_at: string | null;
}

/**
 * The delivery of a whole SMS from its parts' receipts: DELIVRD when every part is delivered (at the last receipt), a
 * failure's state as soon as one part failed, else the latest intermediate state (ACCEPTD, ENROUTE…), else null.
 */
export function deliveryOf(parts: PartRecord[]): { status: string | null; deliveredAt: string | null } {
  const failed = parts.find((p) => p.status && receiptOutcome(p.status) === 'failed');
  if (failed) return { status: failed.status, deliveredAt: null };
  const total = Number(parts[0]?.total ?? 0);
  const delivered = parts.filter((p) => p.status && receiptOutcome(p.status) === 'delivered');
  if (total > 0 && new Set(delivered.map((p) => p.part)).size === total) {
    const last = delivered.map((p) => p.receipt_at ?? '').sort();
    return { status: 'DELIVRD', deliveredAt: last[last.length - 1] || null };
  }
  const latest = parts
    .filter((p) => p.status && receiptOutcome(p.status) === 'pending')
    .sort((a, b) => (a.receipt_at ?? '').localeCompare(b.receipt_at ?? ''))
    .pop();
  return { status: latest?.status ?? null, deliveredAt: null };
}
