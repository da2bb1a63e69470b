import type { IssuedForm, Paperwork } from '../dossiers/index.js';
import type { Block } from './document.js';
import { tt01Blocks } from './sets/tt01-2018.js';
import { tt03Blocks } from './sets/tt03-2025.js';

/** Each set's templates, by the set's id in `vocabulary/form-names.ts`: the next circular adds one entry. */
const TEMPLATES: Record<string, (form: IssuedForm, p: Paperwork, trackingUrl: string) => Block[]> = {
  'tt01-2018': (form, p, url) => tt01Blocks(form.kind, p, url),
  'tt03-2025': tt03Blocks,
};

/** The blocks of a form as the set it was issued under lays it out. */
export function formBlocks(form: IssuedForm, p: Paperwork, trackingUrl: string): Block[] {
  const template = TEMPLATES[form.set];
  if (!template) throw new Error(`No templates for the form set ${form.set}`);
  return template(form, p, trackingUrl);
}
