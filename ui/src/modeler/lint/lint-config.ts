import { LINT_CONFIG } from '../../../../src/catalogue/lint/config';
import { lintResolver } from './lint-resolver';

/**
 * The editor's live linting (bpmn-js-bpmnlint): the server's rule configuration with the procedure's legal time limit
 * added to `motcua/budget-within-limit`, as the server adds it when a diagram is saved (src/catalogue/validation.ts).
 */
export function lintingConfig(limitHours: number | null, hoursPerDay = 8) {
  const config = {
    ...LINT_CONFIG,
    rules: { ...LINT_CONFIG.rules, 'motcua/budget-within-limit': ['error', { limitHours, hoursPerDay }] },
  };
  return { active: true, bpmnlint: { config, resolver: lintResolver } };
}
