import { is, isAny } from 'bpmnlint-utils';
import type { Node, RuleFactory } from './helpers.js';

const RUNNABLE = [
  'bpmn:StartEvent',
  'bpmn:EndEvent',
  'bpmn:IntermediateCatchEvent',
  'bpmn:IntermediateThrowEvent',
  'bpmn:BoundaryEvent',
  'bpmn:UserTask',
  'bpmn:ManualTask',
  'bpmn:Task',
  'bpmn:ServiceTask',
  'bpmn:ScriptTask',
  'bpmn:ExclusiveGateway',
  'bpmn:ParallelGateway',
  'bpmn:InclusiveGateway',
  'bpmn:SubProcess',
  'bpmn:SequenceFlow',
  'bpmn:DataObject',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
  'bpmn:TextAnnotation',
  'bpmn:Association',
  'bpmn:Group',
];

/** Event definitions the system runs: timers wait (durably), errors and terminations end. */
const EVENT_DEFINITIONS: Record<string, string[]> = {
  'bpmn:TimerEventDefinition': ['bpmn:IntermediateCatchEvent', 'bpmn:BoundaryEvent'],
  'bpmn:TerminateEventDefinition': ['bpmn:EndEvent'],
  'bpmn:ErrorEventDefinition': ['bpmn:BoundaryEvent', 'bpmn:EndEvent'],
};

/** Only elements the engine can run, as this system uses it; anything else is refused with its name. */
const supportedElements: RuleFactory = () => ({
  check(node, reporter) {
    if (!isAny(node, ['bpmn:FlowElement', 'bpmn:Artifact'])) return;
    const label = `“${node.name ?? node.id}” (${node.$type.replace('bpmn:', '')})`;
    if (!RUNNABLE.some((type) => node.$type === type)) {
      reporter.report(node.id!, `Hệ thống chưa chạy được phần tử ${label}.`);
      return;
    }
    if (is(node, 'bpmn:SubProcess') && (node.triggeredByEvent || is(node, 'bpmn:AdHocSubProcess'))) {
      reporter.report(node.id!, `Hệ thống chưa chạy được tiểu quy trình sự kiện hoặc ad-hoc ${label}.`);
    }
    for (const definition of (node.eventDefinitions as Node[] | undefined) ?? []) {
      if (!(EVENT_DEFINITIONS[definition.$type] ?? []).includes(node.$type)) {
        reporter.report(
          node.id!,
          `Hệ thống chưa chạy được sự kiện ${label} loại ${definition.$type.replace('bpmn:', '')}.`,
        );
      }
    }
  },
});

export default supportedElements;
