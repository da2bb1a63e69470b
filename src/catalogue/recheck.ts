import type { Knex } from 'knex';
import { DomainError } from '../errors.js';
import type { Incidents } from '../incidents/incidents.js';
import type { DiagramChecks } from './diagram-checks.js';
import { DEFAULT_MAX_BPMN_BYTES, type Finding } from './validation.js';

/**
 * The rules that keep a diagram from running code or running without end. A stored version failing any of them is
 * blocked; the other rules (drawing, names, budgets) concern how a diagram is modelled and never block a version
 * already in force.
 */
export const SAFETY_RULES = [
  'motcua/no-script',
  'motcua/expressions',
  'motcua/supported-conditions',
  'motcua/service-implementation',
  'motcua/supported-elements',
  'motcua/bounded-loops',
  'motcua/loops-wait',
  'motcua/timer-definitions',
];

/** Bump when a safety rule tightens: every stored version is checked again at the next start. */
export const SAFETY_RULES_REVISION = '2026-12-02';

const CHECKED = 'safety-rules:checked';

/** Notes that the versions of a new database (the shipped ones, which the tests check) meet the rules in force. */
export async function markChecked(db: Knex): Promise<void> {
  await db('settings').insert({ key: CHECKED, value: SAFETY_RULES_REVISION }).onConflict('key').merge();
}

interface Logger {
  error(obj: object, msg: string): void;
}

/**
 * Checks every submitted and published version again with the safety rules in force, once per revision of the rules:
 * one that fails is blocked (an open `version-blocked` incident, which VPUBND and the owning department see), so it
 * takes no new dossier and its dossiers in flight wait; one that passes again is released.
 */
export async function recheckStoredVersions(deps: {
  knex: Knex;
  diagrams: DiagramChecks;
  incidents: Incidents;
  log: Logger;
}): Promise<void> {
  const { knex, diagrams, incidents, log } = deps;
  const done = await knex('settings').where({ key: CHECKED }).first('value');
  if (done?.value === SAFETY_RULES_REVISION) return;
  const versions = await knex('procedure_versions')
    .whereIn('status', ['submitted', 'published'])
    .orderBy('id')
    .select('id', 'procedure_code', 'number', 'sha256');
  for (const version of versions) {
    const { bpmn_xml: xml } = await knex('procedure_versions').where({ id: version.id }).first('bpmn_xml');
    const unsafe = await unsafeFindings(diagrams, xml);
    if (!unsafe.length) {
      await incidents.unblock(version.id);
      continue;
    }
    const message = `Phiên bản ${version.number} của thủ tục ${version.procedure_code} không đạt quy tắc an toàn hiện hành và đã bị chặn: không nhận hồ sơ mới, các hồ sơ đang chạy trên phiên bản này tạm dừng.`;
    await incidents.block({ id: version.id, procedureCode: version.procedure_code, sha256: version.sha256 }, message, {
      findings: unsafe,
      rulesRevision: SAFETY_RULES_REVISION,
    });
    log.error(
      { procedure: version.procedure_code, version: version.number, findings: unsafe },
      'procedure version blocked: it fails the safety rules',
    );
  }
  await markChecked(knex);
}

async function unsafeFindings(diagrams: DiagramChecks, xml: string): Promise<Finding[]> {
  try {
    const findings = await diagrams.validate(xml, {
      limitHours: null,
      hoursPerDay: 8,
      maxBytes: Math.max(DEFAULT_MAX_BPMN_BYTES, Buffer.byteLength(xml)),
    });
    return findings.filter((f) => f.severity === 'error' && SAFETY_RULES.includes(f.rule));
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    return [{ rule: err.code, elementId: null, message: err.message, severity: 'error' }];
  }
}
