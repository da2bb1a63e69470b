import { is } from 'bpmnlint-utils';
import type { Node, RuleFactory } from './helpers.js';

// A property path or a registered function call, e.g. ${environment.services.outcomeIs(environment.variables.outcome,'approve')}.
const RESOLVABLE = /^\$\{\s*[A-Za-z_$][\w$.]*(\([\w$.,'" -]*\))?\s*\}$/;

/** Conditions are expressions the engine's own resolver evaluates (no JUEL, no operators). */
const supportedConditions: RuleFactory = () => ({
  check(node, reporter) {
    const condition = node.conditionExpression as Node | undefined;
    if (!is(node, 'bpmn:SequenceFlow') || !condition || condition.language) return;
    const body = String(condition.body ?? '').trim();
    if (!RESOLVABLE.test(body)) {
      reporter.report(
        node.id!,
        `Điều kiện “${body}” của luồng “${node.name ?? node.id}” không đánh giá được; hãy dùng \${environment.services.outcomeIs(environment.variables.outcome,'giá-trị')}.`,
      );
    }
  },
});

export default supportedConditions;
