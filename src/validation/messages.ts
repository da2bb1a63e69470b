import type { ErrorObject } from 'ajv';

/** One failed field, in words an applicant or officer understands. */
export interface FieldError {
  /** JSON Pointer of the field, e.g. `/applicant/idNumber`. */
  field: string;
  message: string;
}

/** Turns ajv's errors into Vietnamese messages, one per field. */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined, prefix = ''): FieldError[] {
  return (errors ?? []).map((err) => {
    const missing = err.keyword === 'required' ? `/${(err.params as { missingProperty: string }).missingProperty}` : '';
    const extra =
      err.keyword === 'additionalProperties'
        ? `/${(err.params as { additionalProperty: string }).additionalProperty}`
        : '';
    return { field: `${prefix}${err.instancePath}${missing}${extra}` || '/', message: vietnamese(err) };
  });
}

function vietnamese(err: ErrorObject): string {
  const p = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'required':
      return 'Thông tin bắt buộc, chưa được nhập.';
    case 'additionalProperties':
      return 'Trường thông tin này không được chấp nhận.';
    case 'type':
      return `Sai kiểu dữ liệu (cần ${TYPE_NAMES[String(p.type)] ?? p.type}).`;
    case 'minLength':
      return Number(p.limit) === 1 ? 'Không được để trống.' : `Cần ít nhất ${p.limit} ký tự.`;
    case 'maxLength':
      return `Không được dài quá ${p.limit} ký tự.`;
    case 'minimum':
      return `Giá trị phải từ ${p.limit} trở lên.`;
    case 'exclusiveMinimum':
      return `Giá trị phải lớn hơn ${p.limit}.`;
    case 'maximum':
      return `Giá trị không được vượt quá ${p.limit}.`;
    case 'exclusiveMaximum':
      return `Giá trị phải nhỏ hơn ${p.limit}.`;
    case 'enum':
      return `Giá trị phải là một trong: ${(p.allowedValues as unknown[]).join(', ')}.`;
    case 'pattern':
      return hint(err) ?? 'Không đúng định dạng.';
    case 'format':
      return hint(err) ?? `Không đúng định dạng ${FORMAT_NAMES[String(p.format)] ?? String(p.format)}.`;
    case 'minItems':
      return `Cần ít nhất ${p.limit} mục.`;
    case 'maxItems':
      return `Không được quá ${p.limit} mục.`;
    default:
      return err.message ?? 'Giá trị không hợp lệ.';
  }
}

/** A schema's `description` says what a well-formed value looks like (needs ajv's `verbose` option). */
function hint(err: ErrorObject): string | undefined {
  const description = (err.parentSchema as { description?: unknown } | undefined)?.description;
  return typeof description === 'string' ? `Không đúng định dạng: ${description}` : undefined;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  integer: 'số nguyên',
  boolean: 'đúng/sai',
  object: 'đối tượng',
  array: 'danh sách',
  null: 'giá trị rỗng',
};

const FORMAT_NAMES: Record<string, string> = {
  date: 'ngày (YYYY-MM-DD)',
  'date-time': 'ngày giờ (ISO 8601)',
  email: 'thư điện tử',
  uri: 'địa chỉ URL',
};
