/** The national portal's dossier statuses (Cổng Dịch vụ công quốc gia), code → key and Vietnamese label. */
export const STATUSES = {
  1: { key: 'new', label: 'Mới đăng ký' },
  2: { key: 'received', label: 'Đã tiếp nhận' },
  3: { key: 'refused', label: 'Không tiếp nhận' },
  4: { key: 'processing', label: 'Đang xử lý' },
  5: { key: 'supplementing', label: 'Yêu cầu bổ sung giấy tờ' },
  6: { key: 'awaiting_obligation', label: 'Chờ thực hiện nghĩa vụ tài chính' },
  7: { key: 'withdrawn', label: 'Công dân yêu cầu rút hồ sơ' },
  8: { key: 'stopped', label: 'Dừng xử lý' },
  9: { key: 'processed', label: 'Đã xử lý xong' },
  10: { key: 'returned', label: 'Đã trả kết quả' },
} as const;

export type StatusCode = keyof typeof STATUSES;

/** Submitted online, waiting for the desk to receive it. */
export const NEW: StatusCode = 1;
export const RECEIVED: StatusCode = 2;
export const REFUSED: StatusCode = 3;
export const PROCESSING: StatusCode = 4;
export const SUPPLEMENTING: StatusCode = 5;
export const AWAITING_OBLIGATION: StatusCode = 6;
export const WITHDRAWN: StatusCode = 7;
export const STOPPED: StatusCode = 8;
export const PROCESSED: StatusCode = 9;
export const RETURNED: StatusCode = 10;

/** Statuses during which the statutory clock stands still ("paused" in reports). */
export const PAUSED: readonly number[] = [SUPPLEMENTING, AWAITING_OBLIGATION, STOPPED];

/** Statuses after which nothing more happens to a dossier. */
export const CLOSED: readonly number[] = [REFUSED, WITHDRAWN, RETURNED];

export function isStatusCode(code: number): code is StatusCode {
  return Object.hasOwn(STATUSES, code);
}

/** The Vietnamese label of a status code, or the code itself when unknown. */
export function statusLabel(code: number): string {
  return isStatusCode(code) ? STATUSES[code].label : String(code);
}

/** Statuses at which the work on a dossier is finished (for the on-time count the result is ready). */
export function isFinished(code: number): boolean {
  return code === PROCESSED || code === RETURNED;
}
