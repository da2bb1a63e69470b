/**
 * The applicant as the server validates it: the same patterns and descriptions as `IdNumber`, `Phone` and `Email`
 * in src/http/schemas.ts (the description becomes the Vietnamese message through describeErrors).
 */
export const APPLICANT_SCHEMA = {
  type: 'object',
  required: ['fullName', 'idNumber'],
  additionalProperties: false,
  properties: {
    fullName: { type: 'string', minLength: 1, maxLength: 200 },
    idNumber: {
      type: 'string',
      pattern: '^([0-9]{9}|[0-9]{12}|[A-Z][0-9]{7,8})$',
      description: 'số CCCD (12 chữ số), CMND (9 chữ số) hoặc hộ chiếu (1 chữ cái in hoa và 7–8 chữ số)',
    },
    phone: {
      type: 'string',
      pattern: '^(\\+84|0)[0-9]{9,10}$',
      description: 'số điện thoại Việt Nam, ví dụ 0912345678',
    },
    email: {
      type: 'string',
      format: 'email',
      maxLength: 254,
      description: 'địa chỉ thư điện tử, ví dụ ten@example.vn',
    },
  },
} as const;

/** The same check for the tracking form's ID number. */
export const ID_NUMBER_PATTERN = new RegExp(APPLICANT_SCHEMA.properties.idNumber.pattern);
