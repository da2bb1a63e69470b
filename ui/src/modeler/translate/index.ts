import { translateDiagram } from './translate-diagram';

/** Replaces bpmn-js's `translate` (palette, context pad, menus, properties panel, lint button) with ours. */
export default {
  translate: ['value', translateDiagram],
};
