import type { TestApp } from './app.js';
import { RECEIPTS, receiptBody, STAFF } from './fixtures.js';

export interface OpenTask {
  id: number;
  activityId: string;
  role: string;
  unitCode: string;
  outcomes: string[];
  dueAt: string | null;
}

/** Receives a dossier of a shipped procedure at its demo unit; returns the API's answer. */
export async function receive(h: TestApp, procedureCode: string) {
  const res = await h.request({
    method: 'POST',
    url: '/api/dossiers',
    as: RECEIPTS[procedureCode]!.officer,
    payload: receiptBody(procedureCode),
  });
  if (res.statusCode !== 201) throw new Error(`receipt of ${procedureCode}: ${res.body}`);
  return res.json();
}

/** Completes a task as the demo user holding its role at its unit; returns the dossier after the step. */
export async function complete(h: TestApp, task: OpenTask, outcome?: string) {
  const user = STAFF[`${task.role}@${task.unitCode}`];
  if (!user) throw new Error(`no demo user is ${task.role} at ${task.unitCode}`);
  const res = await h.request({
    method: 'POST',
    url: `/api/tasks/${task.id}/complete`,
    as: user,
    payload: outcome ? { outcome } : {},
  });
  if (res.statusCode !== 200) throw new Error(`completing ${task.activityId}: ${res.body}`);
  return res.json().dossier;
}

/**
 * Receives a dossier and drives it to its end, one hour of clock per step. At each branching task `choose`
 * picks the outcome. Returns the final dossier, the path (`activity` or `activity:outcome`) and the statuses seen.
 */
export async function drive(h: TestApp, procedureCode: string, choose: (task: OpenTask, path: string[]) => string) {
  let dossier = await receive(h, procedureCode);
  const path: string[] = [];
  const statuses: number[] = [dossier.statusCode];
  while (dossier.tasks.length) {
    const task: OpenTask = dossier.tasks[0];
    const outcome = task.outcomes.length ? choose(task, path) : undefined;
    h.clock.advanceHours(1);
    dossier = await complete(h, task, outcome);
    path.push(outcome ? `${task.activityId}:${outcome}` : task.activityId);
    statuses.push(dossier.statusCode);
    if (path.length > 20) throw new Error('runaway process');
  }
  return { dossier, path, statuses };
}
