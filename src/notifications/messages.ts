import { vietnameseDateTime } from '../calendar/format.js';
import { DEFAULT_TEMPLATES, fill, type Template, type TemplateKind } from './templates.js';

/** What happened to a dossier that its applicant is told about. */
export type ApplicantNotice =
  | { kind: 'received'; appointmentAt: string | null }
  | { kind: 'supplement-requested'; items: string[] }
  | { kind: 'obligation-requested'; reason: string }
  | { kind: 'refused'; reason: string }
  | { kind: 'stopped'; reason: string; final: boolean }
  | { kind: 'resumed'; appointmentAt: string | null }
  | { kind: 'withdrawn' }
  | { kind: 'apology'; reason: string; appointmentAt: string }
  | { kind: 'update'; text: string }
  | { kind: 'processed' }
  | { kind: 'returned' };

export interface Message {
  subject: string;
  body: string;
}

/** The template a notice is told with. */
export function templateKindOf(notice: ApplicantNotice): TemplateKind {
  return notice.kind === 'stopped' && notice.final ? 'stopped-final' : notice.kind;
}

/** The Vietnamese text sent to the applicant, from the templates in force; the SMS is its first line. */
export function applicantMessage(
  code: string,
  procedureName: string,
  notice: ApplicantNotice,
  templates: Record<TemplateKind, Template> = DEFAULT_TEMPLATES,
): Message {
  const when = (iso: string | null) => (iso ? vietnameseDateTime(iso) : 'khi có kết quả');
  const values: Record<string, string> = {
    code,
    procedure: procedureName,
    ...('appointmentAt' in notice ? { appointment: when(notice.appointmentAt) } : {}),
    ...('reason' in notice ? { reason: notice.reason } : {}),
    ...('items' in notice ? { items: notice.items.join('; ') } : {}),
    ...('text' in notice ? { text: notice.text } : {}),
  };
  const template = templates[templateKindOf(notice)];
  const sms = fill(template.sms, values).replace(/\s*\n\s*/g, ' ');
  return {
    subject: `${fill(template.title, values)} – ${code}`.slice(0, 300),
    body: `${sms}\n\nThủ tục: ${procedureName}.\nĐây là tin nhắn tự động của hệ thống một cửa điện tử.`,
  };
}
