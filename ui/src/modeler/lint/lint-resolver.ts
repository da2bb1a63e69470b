import recommended from 'bpmnlint/config/recommended';
import { BPMNLINT_MESSAGES } from '../../../../src/catalogue/lint/config';
import { motcuaRules } from '../../../../src/catalogue/lint/plugin';
import { currentLang } from '../../i18n';
import { BPMNLINT_RULES } from './bpmnlint-rules';

type Check = (node: unknown, reporter: Reporter) => void;
interface Reporter {
  report(id: string, message: string, path?: unknown): void;
}
interface Rule {
  check: Check | { enter?: Check; leave?: Check };
  [key: string]: unknown;
}
type RuleFactory = (config?: unknown) => Rule;

/**
 * Finds rules and configurations for bpmnlint in the browser, as the server's resolver does with require(): bpmnlint's
 * recommended rules and the city's `motcua/*` rules. bpmnlint's English messages are given in Vietnamese
 * (BPMNLINT_MESSAGES, the server's translation) while the app speaks Vietnamese.
 */
export const lintResolver = {
  resolveRule(pkg: string, name: string): RuleFactory | null {
    if (pkg === 'bpmnlint-plugin-motcua') return (motcuaRules as Record<string, RuleFactory>)[name] ?? null;
    if (pkg !== 'bpmnlint') return null;
    const factory = BPMNLINT_RULES[name] as RuleFactory | undefined;
    return factory ? inVietnamese(name, factory) : null;
  },
  resolveConfig(pkg: string, name: string): unknown {
    return pkg === 'bpmnlint' && name === 'recommended' ? recommended : null;
  },
};

function inVietnamese(name: string, factory: RuleFactory): RuleFactory {
  return (config) => {
    const rule = factory(config);
    const message = BPMNLINT_MESSAGES[name];
    if (!message || currentLang() !== 'vi') return rule;
    const translated = (check: Check | undefined): Check | undefined =>
      check &&
      ((node, reporter) => check(node, { report: (id, _english, path) => reporter.report(id, message, path) }));
    const check =
      typeof rule.check === 'function'
        ? translated(rule.check)
        : { enter: translated(rule.check.enter), leave: translated(rule.check.leave) };
    return { ...rule, check: check! };
  };
}
