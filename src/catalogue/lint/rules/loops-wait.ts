import { is, isAny } from 'bpmnlint-utils';
import { flowElements, type Node, type RuleFactory } from './helpers.js';

/**
 * Every cycle of sequence flows passes through a step that waits — a person's task or a timer — so that a dossier
 * never loops inside one engine step. Checked in each process and sub-process: with the waiting steps taken out, no
 * cycle may remain. A sub-process waits when no path crosses it without waiting.
 */
const loopsWait: RuleFactory = () => ({
  check(node, reporter) {
    if (!isAny(node, ['bpmn:Process', 'bpmn:SubProcess'])) return;
    const elements = flowElements(node);
    const cycle = cycleWithoutWait(elements);
    if (!cycle) return;
    const names = cycle.map((e) => `“${e.name ?? e.id}”`).join(' → ');
    reporter.report(
      cycle[0]!.id!,
      `Vòng lặp ${names} không qua bước chờ nào (công việc của cán bộ hoặc hẹn giờ): hồ sơ sẽ quay vòng mãi trong một bước.`,
    );
  },
});

/** A cycle of the flow graph made of steps that do not wait, or null. */
function cycleWithoutWait(elements: Node[]): Node[] | null {
  const nodes = elements.filter((e) => !is(e, 'bpmn:SequenceFlow') && !waits(e));
  const byId = new Map(nodes.map((n) => [n.id!, n]));
  const next = new Map<string, string[]>(nodes.map((n) => [n.id!, []]));
  for (const flow of elements.filter((e) => is(e, 'bpmn:SequenceFlow'))) {
    const from = (flow.sourceRef as Node | undefined)?.id;
    const to = (flow.targetRef as Node | undefined)?.id;
    if (from && to && byId.has(from) && byId.has(to)) next.get(from)!.push(to);
  }
  // A task's boundary events leave from the task itself.
  for (const e of nodes.filter((n) => is(n, 'bpmn:BoundaryEvent'))) {
    const host = (e.attachedToRef as Node | undefined)?.id;
    if (host && byId.has(host)) next.get(host)!.push(e.id!);
  }
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    state.set(id, 'open');
    stack.push(id);
    for (const to of next.get(id)!) {
      if (state.get(to) === 'open') return stack.slice(stack.indexOf(to));
      if (!state.has(to)) {
        const found = visit(to);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(id, 'done');
    return null;
  };
  for (const n of nodes) {
    if (state.has(n.id!)) continue;
    const found = visit(n.id!);
    if (found) return found.map((id) => byId.get(id)!);
  }
  return null;
}

const HUMAN = ['bpmn:UserTask', 'bpmn:ManualTask'];

function hasTimer(node: Node): boolean {
  return ((node.eventDefinitions as Node[] | undefined) ?? []).some((d) => is(d, 'bpmn:TimerEventDefinition'));
}

/** A step that waits for a person or for time: a human task, a timer, or a sub-process that always waits inside. */
function waits(node: Node): boolean {
  if (isAny(node, HUMAN)) return true;
  if (isAny(node, ['bpmn:IntermediateCatchEvent', 'bpmn:BoundaryEvent']) && hasTimer(node)) return true;
  return is(node, 'bpmn:SubProcess') && alwaysWaits(flowElements(node));
}

/** No path from a start of the sub-process reaches its end (or a dead end) without waiting. */
function alwaysWaits(elements: Node[]): boolean {
  const outgoing = new Map<string, Node[]>();
  for (const flow of elements.filter((e) => is(e, 'bpmn:SequenceFlow'))) {
    const from = (flow.sourceRef as Node | undefined)?.id;
    if (from) outgoing.set(from, [...(outgoing.get(from) ?? []), flow.targetRef as Node]);
  }
  const starts = elements.filter((e) => is(e, 'bpmn:StartEvent'));
  if (!starts.length) return false;
  const seen = new Set<string>();
  const todo = [...starts];
  while (todo.length) {
    const node = todo.pop()!;
    if (!node?.id || seen.has(node.id) || waits(node)) continue;
    seen.add(node.id);
    const after = outgoing.get(node.id) ?? [];
    if (!after.length) return false;
    todo.push(...after);
  }
  return true;
}

export default loopsWait;
