import { chainHash, GENESIS_HASH } from './chain.js';
import type { AuditedDossier, StoredEvent } from './repository.js';

export interface Verification {
  ok: boolean;
  /** Events found in the log. */
  events: number;
  /** The first event that is missing, altered, out of place or unexpected. */
  firstBadSeq?: number;
  problem?:
    'missing-event' | 'duplicate-event' | 'hash-mismatch' | 'payload-not-json' | 'unexpected-event' | 'head-mismatch';
  /** What is wrong, in Vietnamese. */
  reason?: string;
}

/**
 * Checks a dossier's log against the hashing rule and against the dossier row: numbering 1…n without gap, each
 * hash recomputed from its predecessor and its record, and the chain ending where the dossier says it ends.
 */
export function verifyChain(dossier: AuditedDossier, events: readonly StoredEvent[]): Verification {
  let previous = GENESIS_HASH;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const seq = i + 1;
    if (event.seq > seq)
      return broken(events, seq, 'missing-event', `Thiếu sự kiện số ${seq} (đã bị xóa khỏi nhật ký).`);
    if (event.seq < seq)
      return broken(events, event.seq, 'duplicate-event', `Sự kiện số ${event.seq} xuất hiện nhiều lần.`);
    let payload: unknown;
    try {
      payload = JSON.parse(event.payload);
    } catch {
      return broken(events, seq, 'payload-not-json', `Nội dung sự kiện số ${seq} không còn là JSON hợp lệ.`);
    }
    const record = {
      seq: event.seq,
      type: event.type,
      actorId: event.actor_id === null ? null : Number(event.actor_id),
      actorUnit: event.actor_unit,
      at: event.at,
      payload,
      bpmnSha256: event.bpmn_sha256,
    };
    const expected = chainHash(previous, record);
    if (expected !== event.hash) {
      return broken(
        events,
        seq,
        'hash-mismatch',
        `Sự kiện số ${seq} không khớp mã băm: nội dung, thứ tự hoặc sự kiện liền trước đã bị sửa.`,
      );
    }
    previous = event.hash;
  }
  if (events.length < dossier.version) {
    return broken(
      events,
      events.length + 1,
      'missing-event',
      `Nhật ký dừng ở sự kiện ${events.length}, hồ sơ ghi nhận ${dossier.version} sự kiện.`,
    );
  }
  if (events.length > dossier.version) {
    return broken(
      events,
      dossier.version + 1,
      'unexpected-event',
      `Có sự kiện số ${dossier.version + 1} ngoài số sự kiện hồ sơ ghi nhận (${dossier.version}).`,
    );
  }
  if (previous !== dossier.last_hash) {
    return broken(events, events.length, 'head-mismatch', 'Mã băm cuối của nhật ký khác mã băm hồ sơ ghi nhận.');
  }
  return { ok: true, events: events.length };
}

function broken(
  events: readonly StoredEvent[],
  seq: number,
  problem: NonNullable<Verification['problem']>,
  reason: string,
): Verification {
  return { ok: false, events: events.length, firstBadSeq: seq, problem, reason };
}
