/** The forms a dossier's life issues, by the key used in events and URLs. */
export const FORM_KINDS = [
  'receipt',
  'supplement-request',
  'refusal',
  'obligation-notice',
  'stop-notice',
  'apology',
  'control-slip',
] as const;
export type FormKind = (typeof FORM_KINDS)[number];

/** A form's number in its circular's annex ("Mẫu số 01"), null for a notice the circular gives no form for. */
interface FormName {
  number: string | null;
  title: string;
}

/**
 * The forms of one circular, in force for acts from `validFrom` (yyyy-mm-dd, local date) until the next set's first
 * day. A form is printed from the set in force on the day it was issued, so a reprint is the form as it was.
 */
export interface FormSet {
  id: string;
  basis: string;
  validFrom: string;
  /**
   * Whether a stop notice issued under this set ends the handling (Mẫu 05 “Thông báo dừng giải quyết hồ sơ”): the
   * dossier is not resumed. Before it, the product's own “dừng xử lý” was a pause that could be lifted.
   */
  stopEndsHandling: boolean;
  /** The dossier's forms and the unit's register (sổ theo dõi hồ sơ). */
  names: Record<FormKind | 'register', FormName>;
}

const OBLIGATION: FormName = { number: null, title: 'Thông báo thực hiện nghĩa vụ tài chính' };

/** Every set, oldest first. The next circular's set is one more entry here and its templates in `printed-forms`. */
export const FORM_SETS: readonly FormSet[] = [
  {
    id: 'tt01-2018',
    basis: 'Thông tư 01/2018/TT-VPCP hướng dẫn Nghị định 61/2018/NĐ-CP',
    validFrom: '2018-01-01',
    stopEndsHandling: false,
    names: {
      receipt: { number: 'Mẫu số 01', title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả' },
      'supplement-request': { number: 'Mẫu số 02', title: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ' },
      refusal: { number: 'Mẫu số 03', title: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ' },
      apology: { number: 'Mẫu số 04', title: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả' },
      'control-slip': { number: 'Mẫu số 05', title: 'Phiếu kiểm soát quá trình giải quyết hồ sơ' },
      register: { number: 'Mẫu số 06', title: 'Sổ theo dõi hồ sơ' },
      'stop-notice': { number: null, title: 'Thông báo dừng xử lý hồ sơ' },
      'obligation-notice': OBLIGATION,
    },
  },
  {
    id: 'tt03-2025',
    basis: 'Thông tư 03/2025/TT-VPCP hướng dẫn Nghị định 118/2025/NĐ-CP',
    validFrom: '2025-09-15',
    stopEndsHandling: true,
    names: {
      receipt: { number: 'Mẫu số 01', title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả' },
      'supplement-request': { number: 'Mẫu số 02', title: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ' },
      refusal: { number: 'Mẫu số 03', title: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ' },
      apology: { number: 'Mẫu số 04', title: 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết' },
      'stop-notice': { number: 'Mẫu số 05', title: 'Thông báo dừng giải quyết hồ sơ' },
      'control-slip': { number: 'Mẫu số 06', title: 'Phiếu kiểm soát quá trình giải quyết hồ sơ' },
      register: { number: 'Mẫu số 07', title: 'Sổ theo dõi hồ sơ' },
      'obligation-notice': OBLIGATION,
    },
  },
];

/** The set in force on a local day (yyyy-mm-dd); the first set for any earlier day. */
export function formSetOn(day: string): FormSet {
  return FORM_SETS.findLast((set) => set.validFrom <= day) ?? FORM_SETS[0]!;
}

/** The set of that id, or null for an unknown one. */
export function formSetById(id: string): FormSet | null {
  return FORM_SETS.find((set) => set.id === id) ?? null;
}

export function isFormKind(value: unknown): value is FormKind {
  return (FORM_KINDS as readonly unknown[]).includes(value);
}

/** The set a form was issued under: the one its event names, else (events written before sets were recorded) the one in force on its day. */
export function issuedUnder(setId: unknown, day: string): FormSet {
  return (typeof setId === 'string' && formSetById(setId)) || formSetOn(day);
}
