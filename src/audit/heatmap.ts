import type { WorkingCalendar } from '../calendar/index.js';
import type { ProcessDefinition } from '../engine/definitions.js';

/** How dossiers fared at one activity of a process version. */
export interface HeatmapEntry {
  activityId: string;
  name: string | null;
  type: string;
  /** Dossiers that went through the activity. */
  passed: number;
  /** Working time spent in the activity's tasks (opened → completed), in minutes. */
  medianMinutes: number | null;
  p90Minutes: number | null;
  /** Tasks completed after their due time, or still open past it. */
  late: number;
}

export interface TaskTiming {
  activity_id: string;
  unit_code: string;
  status: string;
  created_at: string;
  completed_at: string | null;
  due_at: string | null;
}

/** Per-activity figures of a version, from the engine's passages and the tasks' timings. */
export function heatmap(
  definition: ProcessDefinition,
  passages: readonly { dossier_id: number; elementId: string }[],
  tasks: readonly TaskTiming[],
  calendarOf: (unitCode: string) => WorkingCalendar,
  now: Date,
): HeatmapEntry[] {
  const dossiersAt = new Map<string, Set<number>>();
  for (const p of passages) {
    if (!dossiersAt.has(p.elementId)) dossiersAt.set(p.elementId, new Set());
    dossiersAt.get(p.elementId)!.add(p.dossier_id);
  }
  const minutesAt = new Map<string, number[]>();
  const lateAt = new Map<string, number>();
  for (const task of tasks) {
    const end = task.completed_at ?? now.toISOString();
    if (task.due_at && end > task.due_at) lateAt.set(task.activity_id, (lateAt.get(task.activity_id) ?? 0) + 1);
    if (!task.completed_at) continue;
    if (!minutesAt.has(task.activity_id)) minutesAt.set(task.activity_id, []);
    minutesAt
      .get(task.activity_id)!
      .push(calendarOf(task.unit_code).between(new Date(task.created_at), new Date(task.completed_at)));
  }
  return [...definition.elements]
    .filter(([, element]) => element.type !== 'bpmn:SequenceFlow')
    .map(([activityId, element]) => {
      const minutes = (minutesAt.get(activityId) ?? []).sort((a, b) => a - b);
      return {
        activityId,
        name: element.name,
        type: element.type,
        passed: dossiersAt.get(activityId)?.size ?? 0,
        medianMinutes: percentile(minutes, 0.5),
        p90Minutes: percentile(minutes, 0.9),
        late: lateAt.get(activityId) ?? 0,
      };
    });
}

/** Nearest-rank percentile of sorted values; null when there are none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}
