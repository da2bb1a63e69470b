import type { Actor } from '../auth/policy.js';
import type { Dossiers, IssuedForm, RegisterQuery } from '../dossiers/index.js';
import { NotFound, Unprocessable } from '../errors.js';
import type { UnitDirectory } from '../units/directory.js';
import type { FormKind } from '../vocabulary/form-names.js';
import { renderPdf } from './document.js';
import { registerPdf, registerWorkbook } from './register.js';
import { formBlocks } from './templates.js';

/** The most dossiers one printed register holds; a longer period is printed in parts. */
export const REGISTER_CAP = { pdf: 2000, xlsx: 50_000 } as const;

/** The forms of a dossier's life as PDF, rendered from what the dossier records (a re-print shows the same facts). */
export class Forms {
  constructor(
    private readonly dossiers: Dossiers,
    private readonly units: UnitDirectory,
    private readonly publicUrl: string,
    private readonly clock: () => Date,
  ) {}

  /** The tracking address printed (and QR-coded) on every form. */
  trackingUrl(code: string): string {
    return `${this.publicUrl}/tra-cuu/${encodeURIComponent(code)}`;
  }

  /** The forms the dossier has issued, each with the circular it was issued under. */
  async issued(actor: Actor, code: string): Promise<IssuedForm[]> {
    return (await this.dossiers.paperwork(actor, code)).issued;
  }

  /** A form the dossier has issued, printed from the set it was issued under; 404 for one it has not. */
  async render(actor: Actor, code: string, kind: FormKind): Promise<Buffer> {
    const paperwork = await this.dossiers.paperwork(actor, code);
    const form = paperwork.issued.find((f) => f.kind === kind);
    if (!form) throw new NotFound('form-not-issued', `Hồ sơ ${code} chưa phát hành mẫu “${kind}”.`);
    return renderPdf(`${form.title} – ${code}`, formBlocks(form, paperwork, this.trackingUrl(code)));
  }

  /** The unit's register over the period as PDF or .xlsx: every dossier, or 422 when more than one file holds. */
  async register(
    actor: Actor,
    query: Omit<RegisterQuery, 'limit' | 'offset'>,
    format: 'pdf' | 'xlsx',
  ): Promise<Buffer> {
    const cap = REGISTER_CAP[format];
    const { total, items } = await this.dossiers.register(actor, { ...query, limit: cap, offset: 0 });
    if (total > cap) {
      throw new Unprocessable(
        'register-too-long',
        `Sổ có ${total} hồ sơ, nhiều hơn ${cap} hồ sơ của một tệp ${format.toUpperCase()}; hãy chọn khoảng thời gian ngắn hơn.`,
      );
    }
    const sheet = {
      unit: this.units.get(query.unitCode)!,
      from: query.from,
      to: query.to,
      at: this.clock(),
      entries: items,
    };
    return format === 'pdf' ? registerPdf(sheet) : registerWorkbook(sheet);
  }
}
