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

/** The desk's checklist of what it received, printed on the receipt (Mẫu 01). */
export const ReceivedDocumentsInput = Type.Array(
  Type.Object(
    {
      name: Type.String({
        minLength: 1,
        maxLength: 1000,
        description: 'a document of the procedure, by its catalogue name',
      }),
      originals: Type.Optional(Type.Integer({ minimum: 0, maximum: 99, description: 'bản chính' })),
      copies: Type.Optional(Type.Integer({ minimum: 0, maximum: 99, description: 'bản sao' })),
    },
    { additionalProperties: false },
  ),
  {
    maxItems: 100,
    description:
      'The documents received, each with how many originals and copies (at least one). Absent on an accepted dossier: every required document of the procedure, in the quantity its catalogue states (the desk accepts only a complete dossier); absent on a supplementation: not recorded',
  },
);
