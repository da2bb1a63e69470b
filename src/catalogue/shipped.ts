import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot } from '../project.js';
import type { ProcedureFields, TimeLimitCase } from './procedure.js';
import type { ProcedureDocument } from './documents.js';

/** A procedure as described by `processes/<code>.json` (see processes/README.md). */
export interface ProcedureManifest {
  code: string;
  name: string;
  field: string;
  levels: string[];
  departmentCode: string | null;
  /** The department that owns the procedure's process and may model it. */
  ownerCode: string | null;
  agency: string | null;
  /** `hours` of working time; `sameDay` for "ngay trong ngày"; `cutoff` (HH:MM) after which counting starts the next working day. */
  timeLimit: {
    hours: number | null;
    sameDay?: boolean;
    cutoff?: string | null;
    text: string | null;
    /** Limits the law sets for cases of the procedure (see Procedure.timeLimitCases). */
    cases?: TimeLimitCase[];
  };
  fee: string | null;
  onlineLevel: string | null;
  /** The day from which Hà Nội receives it regardless of administrative boundary (see Procedure.boundaryFreeFrom). */
  boundaryFreeFrom?: string | null;
  documents: ProcedureDocument[];
  formSchema: Record<string, unknown> | null;
}

export interface ShippedProcedure {
  manifest: ProcedureManifest;
  bpmnXml: string;
}

/** The procedures shipped in `processes/`, each a manifest and its BPMN diagram. */
export function shippedProcedures(dir = fromRoot('processes')): ShippedProcedure[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const manifest = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as ProcedureManifest;
      return { manifest, bpmnXml: readFileSync(`${dir}/${manifest.code}.bpmn`, 'utf8') };
    });
}

/**
 * Later revisions of shipped procedures: `processes/<YYYY-MM-DD>/` holds, for each procedure that changed that day, its
 * manifest and diagram as in force from then (e.g. `2025-07-01/`, two-level local government). Oldest day first.
 */
export function shippedRevisions(dir = fromRoot('processes')): (ShippedProcedure & { validFrom: string })[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d{4}-\d{2}-\d{2}$/.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .flatMap((day) => shippedProcedures(join(dir, day)).map((p) => ({ ...p, validFrom: day })));
}

/** A manifest's procedure as the catalogue stores it. */
export function fromManifest(m: ProcedureManifest): ProcedureFields {
  return {
    code: m.code,
    name: m.name,
    field: m.field,
    levels: m.levels,
    departmentCode: m.departmentCode,
    ownerCode: m.ownerCode ?? null,
    agency: m.agency,
    timeLimitHours: m.timeLimit.hours,
    timeLimitCases: m.timeLimit.cases ?? [],
    sameDay: m.timeLimit.sameDay ?? false,
    cutoffTime: m.timeLimit.cutoff ?? null,
    timeLimitText: m.timeLimit.text,
    fee: m.fee,
    onlineLevel: m.onlineLevel,
    boundaryFreeFrom: m.boundaryFreeFrom ?? null,
    documents: m.documents,
    formSchema: m.formSchema,
  };
}
