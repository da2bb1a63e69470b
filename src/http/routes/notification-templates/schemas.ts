import { Type } from 'typebox';
import { TEMPLATE_KINDS } from '../../../notifications/templates.js';

export const TemplateKind = Type.Enum([...TEMPLATE_KINDS], {
  description:
    'The message: one per notice to the applicant (stopped: a pause of the handling; stopped-final: its end)',
});

export const TemplateText = Type.Object(
  {
    title: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'The heading: the e-mail’s subject, followed by the dossier code; may name {code}',
    }),
    sms: Type.String({
      minLength: 1,
      maxLength: 1000,
      description:
        'The text: the SMS, and the first line of the e-mail; must name {code}, may name the placeholders listed',
    }),
  },
  { additionalProperties: false },
);

export const TemplateView = Type.Object({
  kind: TemplateKind,
  title: Type.String(),
  sms: Type.String(),
  placeholders: Type.Array(Type.String(), { description: 'The placeholders the text may name, without braces' }),
  edited: Type.Boolean({ description: 'Changed from the shipped text' }),
  default: Type.Object({ title: Type.String(), sms: Type.String() }),
});
