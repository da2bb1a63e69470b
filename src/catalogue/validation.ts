import { createRequire } from 'node:module';
import BpmnModdle from 'bpmn-moddle';
import bpmnlint from 'bpmnlint';
import { Parser } from 'saxen';
import { moddleOptions } from '../engine/definitions.js';
import { BadRequest, DomainError } from '../errors.js';
import { BPMNLINT_MESSAGES, LINT_CONFIG } from './lint/config.js';
import { motcuaRules } from './lint/plugin.js';

const require = createRequire(import.meta.url);

/** One thing wrong (or worth saying) about a diagram, for the editor to show on the element. */
export interface Finding {
  rule: string;
  elementId: string | null;
  /** In Vietnamese. */
  message: string;
  /** The rule's own English text, for bpmnlint's rules. */
  messageEn?: string;
  severity: 'error' | 'warning' | 'info';
}

export interface ValidationOptions {
  /** The procedure's legal limit in working hours, or null when it has none. */
  limitHours: number | null;
  hoursPerDay: number;
  maxBytes: number;
}

export const DEFAULT_MAX_BPMN_BYTES = 5 * 1024 * 1024;

/**
 * The most XML elements and the deepest nesting a diagram may have, measured before anything builds a tree of it: a
 * city's largest real process has a few thousand elements a dozen levels deep, and a parser, the linter and the
 * auto-layout spend time that grows with both.
 */
export const DIAGRAM_LIMITS = { maxElements: 50_000, maxDepth: 40 };

const resolver = {
  resolveRule(pkg: string, name: string) {
    if (pkg === 'bpmnlint-plugin-motcua') return motcuaRules[name as keyof typeof motcuaRules];
    return require(`bpmnlint/rules/${name}`);
  },
  resolveConfig(_pkg: string, name: string) {
    return require(`bpmnlint/config/${name}`);
  },
};

/**
 * Refuses outright (4xx) what is never stored: a file over the size limit, one that declares a DOCTYPE or entities
 * (no XXE, no entity expansion), one that is not XML.
 */
export function refuseUnsafe(xml: string, maxBytes: number): void {
  const size = Buffer.byteLength(xml, 'utf8');
  if (size > maxBytes) {
    const bytes = (n: number) => n.toLocaleString('vi-VN');
    throw new DomainError(
      413,
      'bpmn-too-large',
      `Tệp sơ đồ có ${bytes(size)} byte, vượt giới hạn ${bytes(maxBytes)} byte (${(maxBytes / 1048576).toFixed(1)} MB).`,
    );
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new BadRequest(
      'bpmn-doctype-refused',
      'Tệp sơ đồ không được khai báo DOCTYPE hoặc ENTITY (bị từ chối vì lý do an toàn).',
    );
  }
  if (
    !xml
      .replace(/^\uFEFF/, '')
      .trim()
      .startsWith('<')
  )
    throw new BadRequest('bpmn-not-xml', 'Tệp tải lên không phải XML.');
}

/** Refuses (413) a diagram with more elements or deeper nesting than DIAGRAM_LIMITS, reading it once with a streaming parser. */
export function refuseTooComplex(xml: string, limits = DIAGRAM_LIMITS): void {
  let depth = 0;
  let elements = 0;
  let exceeded: string | null = null;
  const parser = new Parser();
  parser.on('openTag', () => {
    elements++;
    depth++;
    if (elements > limits.maxElements) exceeded = `có hơn ${limits.maxElements.toLocaleString('vi-VN')} phần tử XML`;
    else if (depth > limits.maxDepth) exceeded = `lồng sâu hơn ${limits.maxDepth} cấp`;
    if (exceeded) parser.stop();
  });
  parser.on('closeTag', () => void depth--);
  parser.on('error', () => parser.stop()); // unreadable XML is the BPMN parser's to explain
  parser.parse(xml);
  if (exceeded)
    throw new DomainError(413, 'bpmn-too-complex', `Sơ đồ ${exceeded}, vượt giới hạn hệ thống kiểm tra được.`);
}

/**
 * Checks an uploaded diagram: refused (4xx) when unsafe, too large or complex, unreadable or not BPMN 2.0; otherwise the findings of
 * bpmnlint's recommended rules and the city's rules, with the moddle parser's own warnings (unknown elements of other
 * tools, which are ignored).
 */
export async function validateBpmn(xml: string, options: ValidationOptions): Promise<Finding[]> {
  refuseUnsafe(xml, options.maxBytes);
  refuseTooComplex(xml);
  const parsed = await parse(xml);
  const config = {
    ...LINT_CONFIG,
    rules: {
      ...LINT_CONFIG.rules,
      'motcua/budget-within-limit': ['error', { limitHours: options.limitHours, hoursPerDay: options.hoursPerDay }],
    },
  };
  const results = await new bpmnlint.Linter({ config, resolver }).lint(parsed.rootElement);
  const findings: Finding[] = parsed.warnings.map((w) => ({
    rule: 'bpmn-moddle',
    elementId: w.element?.id ?? null,
    message: `Phần tử hoặc thuộc tính không thuộc BPMN 2.0, sẽ bị bỏ qua: ${w.message.split('\n')[0]}`,
    severity: 'warning' as const,
  }));
  for (const [rule, reports] of Object.entries(
    results as Record<string, { id?: string; message: string; category: string }[]>,
  )) {
    for (const report of reports) {
      const own = rule.startsWith('motcua/');
      findings.push({
        rule,
        elementId: report.id ?? null,
        message: own ? report.message : (BPMNLINT_MESSAGES[rule] ?? report.message),
        ...(own ? {} : { messageEn: report.message }),
        severity: report.category === 'warn' ? 'warning' : report.category === 'info' ? 'info' : 'error',
      });
    }
  }
  return findings;
}

async function parse(xml: string) {
  let parsed;
  try {
    parsed = await new BpmnModdle(moddleOptions).fromXML(xml);
  } catch (err) {
    if (/omg\.org\/spec\/DMN/i.test(xml.slice(0, 2000))) {
      throw new BadRequest('not-bpmn', 'Tệp là bảng quyết định DMN, không phải sơ đồ quy trình BPMN 2.0.');
    }
    const reason = (err as Error).message
      .split('\n')[0]!
      .replace('failed to parse document as <bpmn:Definitions>', 'phần tử gốc không phải <bpmn:definitions>');
    throw new BadRequest('bpmn-not-readable', `Không đọc được tệp như một sơ đồ BPMN 2.0 (${reason}).`);
  }
  return parsed;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
