import { Type, type TSchema } from 'typebox';

/**
 * The JSON Schemas every resource shares: instants, ids, the problem answer. Each resource's own shapes are in
 * `routes/<prefix>/schemas.ts` beside its routes (OpenAPI components are generated from the routes that use them).
 */

/** A schema or null. */
export const Nullable = <T extends TSchema>(schema: T, description?: string) =>
  Type.Union([schema, Type.Null()], description ? { description } : {});
export const Instant = Type.String({ format: 'date-time', maxLength: 40, description: 'ISO-8601 instant, UTC' });
/** A local day, YYYY-MM-DD. */
export const LocalDate = (description?: string) =>
  Type.String({ format: 'date', maxLength: 10, ...(description ? { description } : {}) });

/** A row id: a positive integer that fits the databases' integer columns. */
export const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });

export const FreeObject = Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true });

export const Finding = Type.Object({
  rule: Type.String({
    description: 'bpmnlint rule, motcua/<rule> for the city’s rules, bpmn-moddle for parser warnings',
  }),
  elementId: Nullable(Type.String()),
  message: Type.String({ description: 'In Vietnamese' }),
  messageEn: Type.Optional(Type.String()),
  severity: Type.Enum(['error', 'warning', 'info'], { description: 'Errors block submission and publication' }),
});

export const Problem = Type.Object(
  {
    type: Type.String({ description: 'URN naming the kind of problem, e.g. urn:motcua:task-completed' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String({ description: 'What went wrong, in Vietnamese, for the person using the system' }),
    code: Type.String({ description: 'Stable machine-readable code of the problem' }),
    errors: Type.Optional(
      Type.Array(
        Type.Object({ field: Type.String({ description: 'JSON Pointer of the field' }), message: Type.String() }),
        {
          description: 'Which fields of the request are wrong and why',
        },
      ),
    ),
    findings: Type.Optional(
      Type.Array(Finding, { description: 'Errors found in a BPMN diagram (code bpmn-has-errors)' }),
    ),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details, sent as application/problem+json' },
);

/** Response entries for the error statuses a route can answer with. */
export function problems(...statuses: number[]): Record<number, unknown> {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: PROBLEM_DESCRIPTIONS[status] ?? 'Lỗi',
        content: { 'application/problem+json': { schema: Problem } },
      },
    ]),
  );
}

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Dữ liệu gửi lên không hợp lệ',
  401: 'Chưa đăng nhập, hoặc mã truy cập sai hoặc hết hạn',
  403: 'Không có quyền',
  404: 'Không tìm thấy',
  409: 'Xung đột trạng thái (đã được xử lý, đang do người khác xử lý…)',
  422: 'Yêu cầu không thực hiện được với dữ liệu hiện có',
  429: 'Quá nhiều lần thử, hãy chờ rồi thử lại',
};
