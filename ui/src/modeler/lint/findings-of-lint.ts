import type { Finding } from '../../app/api';

/** One report of bpmn-js-bpmnlint's `linting.completed` event (grouped there by the element it is shown on). */
interface LintReport {
  id: string;
  message: string;
  rule: string;
  category: 'error' | 'warn' | 'info' | 'rule-error';
  /** The element reported, when it is not drawn and the report is shown on the root instead. */
  actualElementId?: string;
}

/** The live lint results as findings, in the server's shape, errors first. */
export function findingsOfLint(issues: Record<string, LintReport[]>): Finding[] {
  const findings = Object.values(issues)
    .flat()
    .map((report) => ({
      rule: report.rule,
      elementId: report.actualElementId ?? report.id,
      message: report.message,
      severity:
        report.category === 'warn'
          ? ('warning' as const)
          : report.category === 'info'
            ? ('info' as const)
            : ('error' as const),
    }));
  const rank = { error: 0, warning: 1, info: 2 };
  return findings.sort((a, b) => rank[a.severity] - rank[b.severity]);
}
