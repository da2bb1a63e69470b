import { Type } from 'typebox';
import { ID_NUMBER_PATTERN } from '../../../vocabulary/id-number.js';
import { RECEIPT_OUTCOMES } from '../../../vocabulary/receipt-outcomes.js';

/** What the desk or the applicant sends about the applicant and the receipt. */

export const IdNumber = Type.String({
  pattern: ID_NUMBER_PATTERN,
  maxLength: 12,
  description: 'số CCCD (12 chữ số), CMND (9 chữ số) hoặc hộ chiếu (1 chữ cái in hoa và 7–8 chữ số)',
});

export const Phone = Type.String({
  pattern: '^(\\+84|0)[0-9]{9,10}$',
  maxLength: 13,
  description: 'số điện thoại Việt Nam, ví dụ 0912345678',
});

export const Email = Type.String({
  format: 'email',
  maxLength: 254,
  description: 'địa chỉ thư điện tử, ví dụ ten@example.vn',
});

/** The applicant as given at receipt or online. */
export const ApplicantInput = Type.Object(
  {
    fullName: Type.String({ minLength: 1, maxLength: 200 }),
    idNumber: IdNumber,
    phone: Type.Optional(Phone),
    email: Type.Optional(Email),
  },
  { additionalProperties: false },
);

/** The desk's decision at receipt: the fields of a receipt body. */
export const ReceiptDecisionFields = {
  outcome: Type.Optional(
    Type.Enum([...RECEIPT_OUTCOMES], {
      default: 'accept',
      description:
        'accept (status 2 then 4, the clock starts), supplement (5: missingItems required), refuse (3: reason required)',
    }),
  ),
  missingItems: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { minItems: 1, maxItems: 50 })),
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
};
