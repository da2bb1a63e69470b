import type { Knex } from 'knex';
import { BadRequest } from '../errors.js';

/** Each message the applicant may get: one per notice, two for a stop (final, or a pause of the handling). */
export const TEMPLATE_KINDS = [
  'received',
  'supplement-requested',
  'obligation-requested',
  'refused',
  'stopped',
  'stopped-final',
  'resumed',
  'withdrawn',
  'apology',
  'update',
  'processed',
  'returned',
] as const;

export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** A message's heading (the e-mail's subject, before the dossier code) and its text (the SMS, the e-mail's first line). */
export interface Template {
  title: string;
  sms: string;
}

/** What each message's text may name, beside {code} (the dossier code) and {procedure} (the procedure's name). */
const OWN_PLACEHOLDERS: Record<TemplateKind, string[]> = {
  received: ['appointment'],
  'supplement-requested': ['items'],
  'obligation-requested': ['reason'],
  refused: ['reason'],
  stopped: ['reason'],
  'stopped-final': ['reason'],
  resumed: ['appointment'],
  withdrawn: [],
  apology: ['reason', 'appointment'],
  update: ['text'],
  processed: [],
  returned: [],
};

export function placeholdersOf(kind: TemplateKind): string[] {
  return ['code', 'procedure', ...OWN_PLACEHOLDERS[kind]];
}

/** The texts shipped, Hà Nội's; an administrator's own replace them (`MessageTemplates`). */
export const DEFAULT_TEMPLATES: Record<TemplateKind, Template> = {
  received: {
    title: 'Đã tiếp nhận hồ sơ',
    sms: 'Hồ sơ {code} đã được tiếp nhận. Hẹn trả kết quả: {appointment}.',
  },
  'supplement-requested': { title: 'Yêu cầu bổ sung hồ sơ', sms: 'Hồ sơ {code} cần bổ sung: {items}.' },
  'obligation-requested': {
    title: 'Yêu cầu thực hiện nghĩa vụ tài chính',
    sms: 'Hồ sơ {code}: đề nghị thực hiện nghĩa vụ tài chính ({reason}).',
  },
  refused: { title: 'Từ chối tiếp nhận hồ sơ', sms: 'Hồ sơ {code} không được tiếp nhận. Lý do: {reason}.' },
  stopped: { title: 'Dừng xử lý hồ sơ', sms: 'Hồ sơ {code} tạm dừng xử lý. Lý do: {reason}.' },
  'stopped-final': {
    title: 'Dừng giải quyết hồ sơ',
    sms: 'Hồ sơ {code} dừng giải quyết, không tiếp tục giải quyết. Lý do: {reason}.',
  },
  resumed: {
    title: 'Tiếp tục xử lý hồ sơ',
    sms: 'Hồ sơ {code} được tiếp tục xử lý. Hẹn trả kết quả: {appointment}.',
  },
  withdrawn: { title: 'Đã rút hồ sơ', sms: 'Hồ sơ {code} đã được rút theo yêu cầu của ông/bà.' },
  apology: {
    title: 'Thư xin lỗi và hẹn lại ngày trả kết quả',
    sms: 'Hồ sơ {code} chậm so với hẹn ({reason}). Chúng tôi xin lỗi và hẹn trả kết quả: {appointment}.',
  },
  update: { title: 'Thông báo về hồ sơ', sms: 'Hồ sơ {code}: {text}.' },
  processed: {
    title: 'Đã có kết quả',
    sms: 'Hồ sơ {code} đã có kết quả, mời ông/bà đến nhận hoặc theo dõi trên Cổng dịch vụ công.',
  },
  returned: { title: 'Đã trả kết quả', sms: 'Hồ sơ {code} đã được trả kết quả. Cảm ơn ông/bà.' },
};

const PLACEHOLDER = /\{([^{}\s]*)\}/g;

/** A template's text with its placeholders filled; what a value holds is never read as a placeholder. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

/** Refuses a template naming a placeholder its message does not have, or whose text does not name the dossier. */
export function checkTemplate(kind: TemplateKind, template: Template): void {
  // The heading is the e-mail's subject: the dossier code only, so that it stays short.
  const allowed = { title: ['code'], sms: placeholdersOf(kind) };
  const listed = (field: keyof Template) => allowed[field].map((p) => `{${p}}`).join(', ');
  const unknown = (['title', 'sms'] as const).flatMap((field) =>
    [...template[field].matchAll(PLACEHOLDER)]
      .map((m) => m[1]!)
      .filter((name) => !allowed[field].includes(name))
      .map((name) => ({ field, name: `{${name}}` })),
  );
  if (unknown.length)
    throw new BadRequest(
      'unknown-placeholder',
      `Mẫu tin nhắn "${kind}" có chỗ điền không dùng được: ${unknown.map((u) => u.name).join(', ')}. Nội dung được dùng: ${listed('sms')}; tiêu đề: {code}.`,
      {
        errors: unknown.map(({ field, name }) => ({
          field: `/${field}`,
          message: `Chỗ điền ${name} không có ở đây; được dùng: ${listed(field)}.`,
        })),
      },
    );
  if (!template.sms.includes('{code}'))
    throw new BadRequest(
      'code-placeholder-required',
      'Nội dung tin nhắn phải có {code} để người nhận biết hồ sơ nào.',
      {
        errors: [{ field: '/sms', message: 'Thiếu chỗ điền {code} (mã hồ sơ).' }],
      },
    );
}

const PREFIX = 'message_template:';

/** One message's template as the administrator sees it. */
export interface TemplateView extends Template {
  kind: TemplateKind;
  placeholders: string[];
  /** The administrator changed it from the shipped text. */
  edited: boolean;
  default: Template;
}

/** The applicant's message templates, data an administrator edits (the `settings` table, a key `message_template:<kind>` for each one changed). */
export class MessageTemplates {
  constructor(private readonly knex: Knex) {}

  /** Every template in force, read within `db` (a step's transaction reads the ones it commits with). */
  async current(db: Knex = this.knex): Promise<Record<TemplateKind, Template>> {
    const edited = await this.edited(db);
    return Object.fromEntries(TEMPLATE_KINDS.map((k) => [k, edited[k] ?? DEFAULT_TEMPLATES[k]])) as Record<
      TemplateKind,
      Template
    >;
  }

  async list(): Promise<TemplateView[]> {
    const edited = await this.edited(this.knex);
    return TEMPLATE_KINDS.map((kind) => view(kind, edited[kind]));
  }

  /** Replaces a template, checked first; the next message of its kind uses it, on every node. */
  async update(kind: TemplateKind, template: Template): Promise<TemplateView> {
    checkTemplate(kind, template);
    return this.write(kind, { title: template.title, sms: template.sms });
  }

  /** Back to the shipped text. */
  async reset(kind: TemplateKind): Promise<TemplateView> {
    return this.write(kind, undefined);
  }

  private async write(kind: TemplateKind, template: Template | undefined): Promise<TemplateView> {
    const key = `${PREFIX}${kind}`;
    if (template)
      await this.knex('settings')
        .insert({ key, value: JSON.stringify(template) })
        .onConflict('key')
        .merge();
    else await this.knex('settings').where({ key }).delete();
    return view(kind, template);
  }

  private async edited(db: Knex): Promise<Partial<Record<TemplateKind, Template>>> {
    const rows: { key: string; value: string }[] = await db('settings')
      .where('key', 'like', `${PREFIX}%`)
      .select('key', 'value');
    const known = new Set<string>(TEMPLATE_KINDS);
    return Object.fromEntries(
      rows
        .map((r) => [r.key.slice(PREFIX.length), JSON.parse(r.value) as Template])
        .filter(([k]) => known.has(k as string)),
    );
  }
}

function view(kind: TemplateKind, edited: Template | undefined): TemplateView {
  return {
    kind,
    ...(edited ?? DEFAULT_TEMPLATES[kind]),
    placeholders: placeholdersOf(kind),
    edited: edited !== undefined,
    default: DEFAULT_TEMPLATES[kind],
  };
}
