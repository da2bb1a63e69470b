import { parseText, type Expression } from '../../../engine/expressions.js';
import { GRAMMAR, shorten } from './expressions.js';
import type { Node, RuleFactory } from './helpers.js';
import { conditionOf } from './texts.js';

/**
 * A condition (of a flow, a loop, a conditional event) is one expression of the city's grammar, read as the engine
 * reads it: a call of an expression helper, e.g. `${environment.services.outcomeIs(environment.variables.outcome,'approve')}`,
 * a process variable, or a literal. Text around it would make the condition always true.
 */
const supportedConditions: RuleFactory = (config = {}) => {
  const helpers = (config.helpers as string[] | undefined) ?? ['outcomeIs'];
  return {
    check(node, reporter) {
      const condition = conditionOf(node);
      if (!condition) return;
      const body = String(condition.body ?? '');
      const problem = problemOf(body, helpers);
      if (problem)
        reporter.report(ownerId(node), `Điều kiện “${shorten(body)}” của “${label(node)}” không dùng được: ${problem}`);
    },
  };
};

function problemOf(body: string, helpers: string[]): string | null {
  let single: Expression | null;
  try {
    single = parseText(body).single;
  } catch (err) {
    return `${(err as Error).message}. ${GRAMMAR}`;
  }
  if (!single)
    return `điều kiện phải là đúng một biểu thức \${…}, không kèm chữ nào khác; hãy dùng \${environment.services.outcomeIs(environment.variables.outcome,'giá-trị')}.`;
  if (single.kind === 'path' && single.root === 'services') return 'điều kiện không được là một dịch vụ (luôn đúng).';
  if (single.kind === 'call' && !helpers.includes(single.service))
    return `dịch vụ “${single.service}” không dùng trong điều kiện; dùng ${helpers.join(', ')}.`;
  return null;
}

/** A loop or event definition has no id of its own in most tools: its activity's is reported. */
function ownerId(node: Node): string {
  return node.id ?? (node.$parent as Node | undefined)?.id ?? 'definitions';
}

function label(node: Node): string {
  const named = node.id ? node : ((node.$parent as Node | undefined) ?? node);
  return String(named.name ?? named.id ?? node.$type);
}

export default supportedConditions;
