import { is, isAny } from 'bpmnlint-utils';
import { parseWorkingDuration } from '../../../calendar/duration.js';
import { camundaHints } from '../../../engine/hints.js';
import { flowElements, type Node, type RuleFactory } from './helpers.js';

/**
 * The longest path from start to end, adding the budgets of its human tasks (each loop taken at most once), fits in
 * the procedure's legal time limit (`limitHours`, working hours). Without a limit there is nothing to check.
 */
const budgetWithinLimit: RuleFactory = (config = {}) => {
  const limitHours = config.limitHours as number | null | undefined;
  const hoursPerDay = (config.hoursPerDay as number | undefined) ?? 8;
  return {
    check(node, reporter) {
      if (!is(node, 'bpmn:Process') || node.isExecutable !== true || !limitHours) return;
      const longest = longestPath(node, hoursPerDay);
      if (longest > limitHours + 1e-9) {
        reporter.report(
          node.id!,
          `Tổng thời hạn các bước trên nhánh dài nhất là ${round(longest)} giờ làm việc, vượt thời hạn giải quyết theo quy định (${round(limitHours)} giờ).`,
        );
      }
    },
  };
};

function longestPath(process: Node, hoursPerDay: number): number {
  const elements = flowElements(process);
  const outgoing = new Map<string, string[]>();
  for (const flow of elements.filter((e) => is(e, 'bpmn:SequenceFlow'))) {
    const from = (flow.sourceRef as Node).id!;
    outgoing.set(from, [...(outgoing.get(from) ?? []), (flow.targetRef as Node).id!]);
  }
  const byId = new Map(elements.map((e) => [e.id!, e]));
  const cost = (id: string) => {
    const element = byId.get(id);
    if (!element || !isAny(element, ['bpmn:UserTask', 'bpmn:ManualTask'])) return 0;
    const budget = (element.budget as string | undefined) ?? camundaHints(element).budget;
    return (budget && parseWorkingDuration(budget, hoursPerDay)) || 0;
  };
  const visit = (id: string, onPath: Set<string>): number => {
    if (onPath.has(id)) return 0;
    onPath.add(id);
    const next = Math.max(0, ...(outgoing.get(id) ?? []).map((n) => visit(n, onPath)));
    onPath.delete(id);
    return cost(id) + next;
  };
  const starts = elements.filter((e) => is(e, 'bpmn:StartEvent'));
  return Math.max(0, ...starts.map((s) => visit(s.id!, new Set())));
}

const round = (n: number) => Math.round(n * 10) / 10;

export default budgetWithinLimit;
