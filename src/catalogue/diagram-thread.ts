import { parentPort } from 'node:worker_threads';
import { serveJobs } from '../engine/bounded-threads.js';
import { diffDiagrams } from './diff.js';
import { DRAWN_FINDING, drawIfUndrawn } from './layout.js';
import { refuseTooComplex, refuseUnsafe, validateBpmn, type Finding, type ValidationOptions } from './validation.js';

/** A job asked of the diagram thread (see diagram-checks.ts). */
export type DiagramJob =
  | { op: 'prepare'; xml: string; options: ValidationOptions }
  | { op: 'validate'; xml: string; options: ValidationOptions }
  | { op: 'diff'; before: string; after: string };

/** An upload made ready to store: refused when unsafe or too complex, drawn when it has no drawing, and its findings. */
async function prepare(uploaded: string, options: ValidationOptions): Promise<{ xml: string; findings: Finding[] }> {
  refuseUnsafe(uploaded, options.maxBytes);
  refuseTooComplex(uploaded);
  const { xml, drawn } = await drawIfUndrawn(uploaded);
  const findings = await validateBpmn(xml, options);
  if (!drawn) return { xml, findings };
  // Drawing re-writes the file without what the parser could not read: say what was left out.
  const dropped = (await validateBpmn(uploaded, options)).filter((f) => f.rule === 'bpmn-moddle');
  return { xml, findings: [DRAWN_FINDING, ...dropped, ...findings] };
}

serveJobs(parentPort, async (request) => {
  const job = request as DiagramJob;
  if (job.op === 'prepare') return prepare(job.xml, job.options);
  if (job.op === 'validate') return validateBpmn(job.xml, job.options);
  return diffDiagrams(job.before, job.after);
});
