import type { Knex } from 'knex';
import type { Actor } from '../auth/policy.js';
import { NotFound } from '../errors.js';

export interface AlertView {
  id: number;
  dossierCode: string;
  taskId: number | null;
  kind: 'late-risk' | 'overdue' | 'reminder' | 'escalation';
  unitCode: string;
  role: string;
  message: string;
  raisedAt: string;
  acknowledgedAt: string | null;
}

/** Alerts the timers raise for a unit's officers or leaders, and their acknowledgement. */
export class Alerts {
  constructor(
    private readonly knex: Knex,
    private readonly clock: () => Date,
  ) {}

  /** The alerts addressed to the actor's unit and roles, unacknowledged first, newest first. */
  async forActor(actor: Actor, all = false): Promise<AlertView[]> {
    if (!actor.unitCode) return [];
    const q = this.query().where('alerts.unit_code', actor.unitCode).whereIn('alerts.role', actor.roles);
    if (!all) q.whereNull('alerts.acknowledged_at');
    return (
      await q.orderByRaw('alerts.acknowledged_at is not null, alerts.raised_at desc, alerts.id desc').limit(500)
    ).map(toView);
  }

  async acknowledge(actor: Actor, id: number): Promise<AlertView> {
    const mine = () =>
      this.query()
        .where('alerts.id', id)
        .where('alerts.unit_code', actor.unitCode ?? '')
        .whereIn('alerts.role', actor.roles)
        .first();
    if (!(await mine())) throw new NotFound('unknown-alert', `Không có cảnh báo số ${id} gửi đến bạn.`);
    await this.knex('alerts')
      .where({ id })
      .whereNull('acknowledged_at')
      .update({ acknowledged_by: actor.id, acknowledged_at: this.clock().toISOString() });
    return toView(await mine());
  }

  private query() {
    return this.knex('alerts')
      .join('dossiers', 'dossiers.id', 'alerts.dossier_id')
      .select('alerts.*', 'dossiers.code as dossier_code');
  }
}

function toView(row: Record<string, unknown>): AlertView {
  return {
    id: Number(row.id),
    dossierCode: String(row.dossier_code),
    taskId: row.task_id === null ? null : Number(row.task_id),
    kind: row.kind as AlertView['kind'],
    unitCode: String(row.unit_code),
    role: String(row.role),
    message: String(row.message),
    raisedAt: String(row.raised_at),
    acknowledgedAt: (row.acknowledged_at as string | null) ?? null,
  };
}
