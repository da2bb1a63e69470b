import { EngineFailure, NotWaiting, StepTimeout } from '../engine/steps.js';
import { Unprocessable } from '../errors.js';
import { DossierBusy } from './errors.js';
import { VersionConflict } from './errors.js';
import type { Incidents } from '../incidents/incidents.js';
import { VersionBlocked } from '../incidents/held.js';

/** What a failed step was about: the dossier (none at a receipt that failed) and the version it ran. */
export interface StepSubject {
  dossierId?: number;
  dossierCode?: string;
  procedureCode: string;
  versionId: number;
}

/**
 * Turns a failure of the engine or a lost race into the error the caller sees, after recording an incident for what
 * the diagram caused (a step stopped at its time limit, a step the diagram could not run, a dossier held by a blocked
 * version) so that VPUBND and the department see it.
 */
export async function stepFailure(incidents: Incidents, subject: StepSubject, err: unknown): Promise<never> {
  if (err instanceof VersionConflict || err instanceof NotWaiting) {
    throw new DossierBusy();
  }
  const incident = incidentOf(subject, err);
  if (incident)
    await incidents.raise({
      ...incident,
      procedureCode: subject.procedureCode,
      versionId: subject.versionId,
      dossierId: subject.dossierId ?? null,
    });
  if (err instanceof StepTimeout) {
    throw new Unprocessable(
      'process-step-timeout',
      'Bước xử lý của quy trình chạy quá thời gian cho phép và đã bị dừng; không có gì được ghi. Sự cố đã được ghi lại để Văn phòng UBND và đơn vị xây dựng quy trình xem xét.',
    );
  }
  if (err instanceof EngineFailure) {
    throw new Unprocessable(
      'process-failed',
      `Quy trình của thủ tục không thực hiện được bước tiếp theo: ${err.message}`,
    );
  }
  throw err;
}

function incidentOf(
  subject: StepSubject,
  err: unknown,
): { kind: 'step-timeout' | 'step-failed' | 'dossier-held'; message: string; detail: Record<string, unknown> } | null {
  const which = subject.dossierCode ? `hồ sơ ${subject.dossierCode}` : `một hồ sơ đang tiếp nhận`;
  const detail = { error: err instanceof Error ? err.message : String(err) };
  if (err instanceof StepTimeout)
    return {
      kind: 'step-timeout',
      message: `Bước xử lý của ${which} (thủ tục ${subject.procedureCode}) chạy quá thời gian cho phép và đã bị dừng.`,
      detail,
    };
  if (err instanceof EngineFailure)
    return {
      kind: 'step-failed',
      message: `Quy trình thủ tục ${subject.procedureCode} không thực hiện được bước tiếp theo của ${which}.`,
      detail,
    };
  if (err instanceof VersionBlocked && subject.dossierId)
    return {
      kind: 'dossier-held',
      message: `Hồ sơ ${subject.dossierCode} đang chờ: phiên bản quy trình của thủ tục ${subject.procedureCode} bị chặn vì không đạt quy tắc an toàn.`,
      detail,
    };
  return null;
}
