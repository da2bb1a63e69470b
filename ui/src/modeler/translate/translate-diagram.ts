import { currentLang } from '../../i18n';
import { VIETNAMESE } from './vietnamese';

/** bpmn-js's `translate` service: its own English texts in Vietnamese while the app speaks Vietnamese. */
export function translateDiagram(template: string, replacements: Record<string, string> = {}): string {
  const text = currentLang() === 'vi' ? (VIETNAMESE[template] ?? template) : template;
  return text.replace(/{([^}]+)}/g, (_, key: string) => replacements[key] ?? `{${key}}`);
}
