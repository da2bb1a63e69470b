// Modules without type declarations of their own.
declare module 'bpmn-js-properties-panel';
declare module 'bpmn-js-bpmnlint';
declare module 'bpmnlint-utils';
declare module 'bpmnlint/lib/*';
declare module 'bpmnlint/rules/*';
declare module 'bpmnlint/config/*';
declare module '@bpmn-io/properties-panel';
