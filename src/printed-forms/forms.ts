import type { Actor } from '../auth/policy.js';
import type { Dossiers } from '../dossiers/index.js';
import { NotFound } from '../errors.js';
import { FORMS, type FormKind } from '../vocabulary/form-names.js';
import { renderPdf } from './document.js';
import { formBlocks } from './templates.js';

/** The forms of a dossier's life as PDF, rendered from what the dossier records (a re-print shows the same facts). */
export class Forms {
  constructor(
    private readonly dossiers: Dossiers,
    private readonly publicUrl: string,
  ) {}

  /** The tracking address printed (and QR-coded) on every form. */
  trackingUrl(code: string): string {
    return `${this.publicUrl}/tra-cuu/${encodeURIComponent(code)}`;
  }

  async render(actor: Actor, code: string, kind: FormKind): Promise<Buffer> {
    const paperwork = await this.dossiers.paperwork(actor, code);
    const issuable =
      kind === 'control-slip' ? paperwork.dossier.clockStartedAt !== null : paperwork.issued.includes(kind);
    if (!issuable) throw new NotFound('form-not-issued', `Hồ sơ ${code} không có ${FORMS[kind].toLowerCase()}.`);
    return renderPdf(`${FORMS[kind]} – ${code}`, formBlocks(kind, paperwork, this.trackingUrl(code)));
  }
}
