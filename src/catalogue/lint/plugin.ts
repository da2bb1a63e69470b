import boundedLoops from './rules/bounded-loops.js';
import budgetWithinLimit from './rules/budget-within-limit.js';
import executableProcess from './rules/executable-process.js';
import expressions from './rules/expressions.js';
import humanTaskAttributes from './rules/human-task-attributes.js';
import loopsWait from './rules/loops-wait.js';
import noScript from './rules/no-script.js';
import serviceImplementation from './rules/service-implementation.js';
import supportedConditions from './rules/supported-conditions.js';
import supportedElements from './rules/supported-elements.js';
import timerDefinitions from './rules/timer-definitions.js';

/** The city's own bpmnlint rules (plugin `motcua`), run by the server and by the editor alike. */
export const motcuaRules = {
  'executable-process': executableProcess,
  'human-task-attributes': humanTaskAttributes,
  'budget-within-limit': budgetWithinLimit,
  'no-script': noScript,
  'service-implementation': serviceImplementation,
  'supported-conditions': supportedConditions,
  'supported-elements': supportedElements,
  expressions,
  'bounded-loops': boundedLoops,
  'loops-wait': loopsWait,
  'timer-definitions': timerDefinitions,
};
