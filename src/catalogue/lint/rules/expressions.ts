import { is } from 'bpmnlint-utils';
import { hasExpression, parseText } from '../../../engine/expressions.js';
import type { RuleFactory } from './helpers.js';
import { checkedElsewhere, everyText } from './texts.js';

/**
 * Every text of the diagram holding `${` — an attribute of any namespace, a timer, a loop, an error code, a message
 * name, an extension's body — is an expression of the city's grammar (src/engine/expressions.ts), the one the engine
 * evaluates. Conditions and service implementations are checked, with the same parser, by their own rules.
 */
const expressions: RuleFactory = () => ({
  check(node, reporter) {
    if (!is(node, 'bpmn:Definitions')) return;
    everyText(node, (text, ownerId, owner, key) => {
      if (!hasExpression(text) || checkedElsewhere(owner, key, text)) return;
      try {
        parseText(text);
      } catch (err) {
        reporter.report(
          ownerId,
          `Giá trị “${shorten(text)}” (${key}) có biểu thức ngoài cú pháp cho phép: ${(err as Error).message}. ${GRAMMAR}`,
        );
      }
    });
  },
});

export const GRAMMAR =
  'Biểu thức chỉ gồm giá trị cố định, environment.variables.<tên> hoặc environment.services.<tên>(…) với dịch vụ đã đăng ký.';

export function shorten(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

export default expressions;
