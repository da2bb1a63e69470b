import { is, isAny } from 'bpmnlint-utils';
import type { Node } from './helpers.js';

/** Task types whose `implementation` names a registered service. */
export const SERVICE_LIKE = ['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask'];

/**
 * The condition a node carries where the engine evaluates it as true or false: a sequence flow's condition, a loop's
 * completion or loop condition, a conditional event's condition. Scripted ones are `no-script`'s.
 */
export function conditionOf(node: Node): Node | undefined {
  const condition = is(node, 'bpmn:SequenceFlow')
    ? node.conditionExpression
    : is(node, 'bpmn:MultiInstanceLoopCharacteristics')
      ? node.completionCondition
      : is(node, 'bpmn:StandardLoopCharacteristics')
        ? node.loopCondition
        : is(node, 'bpmn:ConditionalEventDefinition')
          ? node.condition
          : undefined;
  return condition && typeof condition === 'object' && !(condition as Node).language ? (condition as Node) : undefined;
}

/** The texts `supported-conditions` and `service-implementation` check themselves, so that each is reported once. */
export function checkedElsewhere(owner: Node, key: string, value: unknown): boolean {
  if (key === 'implementation' && isAny(owner, SERVICE_LIKE)) return true;
  return key === 'body' && owner.$parent !== undefined && conditionOf(owner.$parent) === owner;
}

/** Calls `visit` for every text of a moddle tree: attributes (those of other namespaces too) and bodies, with the id of the nearest element that has one. */
export function everyText(root: Node, visit: (text: string, ownerId: string, owner: Node, key: string) => void): void {
  const seen = new Set<object>();
  const walk = (node: Node, ownerId: string) => {
    if (seen.has(node)) return;
    seen.add(node);
    const id = typeof node.id === 'string' && node.id ? node.id : ownerId;
    const attrs = (node.$attrs ?? {}) as Record<string, unknown>;
    const entries = [...Object.entries(attrs), ...Object.entries(node).filter(([key]) => key !== '$type')];
    for (const [key, value] of entries) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (typeof item === 'string') visit(item, id, node, key);
        else if (item && typeof item === 'object') walk(item as Node, id);
      }
    }
  };
  walk(root, root.id ?? 'definitions');
}
