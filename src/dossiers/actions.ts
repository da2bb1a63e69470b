import { localDate } from '../calendar/index.js';
import { Conflict } from '../errors.js';
import { formSetOn } from '../vocabulary/form-names.js';
import { PAUSED, PROCESSED, PROCESSING, RECEIVED, STOPPED } from '../vocabulary/statuses.js';
import { DOSSIER_ACTIONS, type DossierAction } from '../vocabulary/dossier-actions.js';
import type { Rules } from '../settings/settings.js';
import type { DossierRow } from './repository.js';

/** What the rules read of a dossier. */
export type ActionState = Pick<DossierRow, 'status_code' | 'appointment_at' | 'paused_at' | 'extension_count'> & {
  openTasks: number;
};

/** What the administrator's rules set: how many extensions one dossier may have. */
type Limits = Pick<Rules, 'extensionLimit'>;

interface Rule {
  /** The problem code of a refusal (409). */
  code: string;
  /** Why the action is not open now, in Vietnamese; null when it is. */
  refusal: (d: ActionState, limits: Limits) => string | null;
}

const IN_HAND: readonly number[] = [RECEIVED, PROCESSING];
const NOT_CLOSED: readonly number[] = [RECEIVED, PROCESSING, ...PAUSED];
const when = (ok: boolean, why: string) => (ok ? null : why);
const pause: Rule = {
  code: 'cannot-pause',
  refusal: (d) => when(IN_HAND.includes(d.status_code), 'Chỉ tạm dừng được hồ sơ đang giải quyết.'),
};

/** A dossier whose handling was stopped by a stop notice that ends it (the 2025 rules), not by a pause. */
export function stoppedForGood(d: Pick<DossierRow, 'status_code' | 'paused_at'>): boolean {
  return (
    d.status_code === STOPPED && d.paused_at !== null && formSetOn(localDate(new Date(d.paused_at))).stopEndsHandling
  );
}

/** Received and not closed: in hand or paused, not stopped for good. */
function open(d: ActionState): boolean {
  return NOT_CLOSED.includes(d.status_code) && !stoppedForGood(d);
}

const STOPPED_FOR_GOOD = 'Hồ sơ đã dừng giải quyết theo Thông báo dừng giải quyết hồ sơ; không tiếp tục giải quyết.';

/** The one statement of when each action is open: the commands check it, and the dossier's view lists it. */
const RULES: Record<DossierAction, Rule> = {
  supplement: pause,
  stop: pause,
  obligation: {
    code: 'cannot-pause',
    refusal: (d) =>
      when(
        [...IN_HAND, PROCESSED as number].includes(d.status_code),
        'Chỉ yêu cầu thực hiện nghĩa vụ tài chính với hồ sơ đang giải quyết hoặc đã có kết quả.',
      ),
  },
  resume: {
    code: 'not-paused',
    refusal: (d) =>
      stoppedForGood(d) ? STOPPED_FOR_GOOD : when(PAUSED.includes(d.status_code), 'Hồ sơ không ở trạng thái tạm dừng.'),
  },
  apology: {
    code: 'cannot-apologise',
    refusal: (d, { extensionLimit }) =>
      !open(d)
        ? 'Hồ sơ đã có kết quả hoặc đã đóng.'
        : d.appointment_at === null
          ? 'Hồ sơ chưa có ngày hẹn trả kết quả: chưa tiếp nhận giải quyết.'
          : when(
              d.extension_count < extensionLimit,
              `Hồ sơ đã được gia hạn ${d.extension_count} lần; quy định cho phép tối đa ${extensionLimit} lần.`,
            ),
  },
  withdraw: {
    code: 'cannot-withdraw',
    refusal: (d) => when(open(d), 'Hồ sơ đã có kết quả hoặc đã đóng, không thể rút.'),
  },
  return: {
    code: 'result-not-ready',
    refusal: (d) =>
      when(d.status_code === PROCESSED && d.openTasks === 0, 'Hồ sơ chưa xử lý xong, chưa thể trả kết quả.'),
  },
};

/** Every action with whether it is open now and, when not, why. */
export function actionsOf(
  d: ActionState,
  limits: Limits,
): { action: DossierAction; allowed: boolean; reason: string | null }[] {
  return DOSSIER_ACTIONS.map((action) => {
    const reason = RULES[action].refusal(d, limits);
    return { action, allowed: reason === null, reason };
  });
}

/** Throws 409 with the rule's reason unless the action is open now. */
export function assertOpen(action: DossierAction, d: ActionState, limits: Limits): void {
  const reason = RULES[action].refusal(d, limits);
  if (reason !== null) throw new Conflict(RULES[action].code, reason);
}
