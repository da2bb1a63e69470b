import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import BpmnModdle from 'bpmn-moddle';
import * as Elements from 'bpmn-elements';
import serialize, {
  deserialize,
  TypeResolver,
  type SerializableContext,
  type SerializableElement,
} from 'moddle-context-serializer';
import { fromRoot } from '../project.js';
import { camundaHints } from './hints.js';
import { DurableTimerEventDefinition } from './scheduled-timers.js';

/** The city's BPMN extension (prefix `mc`), shared with the editor. */
export const motcuaModdle = JSON.parse(readFileSync(fromRoot('src/engine/motcua.moddle.json'), 'utf8'));
/** Camunda Modeler's extension, read so that its candidate groups and due dates can stand in for the city's attributes. */
const camundaModdle = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('camunda-bpmn-moddle/resources/camunda.json'), 'utf8'),
);
export const moddleOptions = { mc: motcuaModdle, camunda: camundaModdle };

/** Element types that become tasks in an officer's inbox while the process waits on them. */
export const HUMAN_TASK_TYPES = new Set(['bpmn:UserTask', 'bpmn:ManualTask']);

/** What the city's attributes say about a human task. */
export interface TaskSpec {
  id: string;
  name: string;
  role: string | null;
  unitLevel: string | null;
  unit: string | null;
  /** ISO-8601 working-time budget, e.g. `P2D`. */
  budget: string | null;
  form: string | null;
  /** Outcome values the flow after the task branches on; empty when it does not branch. */
  outcomes: string[];
  /** The name of the flow each outcome takes (e.g. approve → "Đồng ý"), for people reading a history. */
  outcomeLabels: Record<string, string>;
}

/**
 * What the dossier rooms read of a process version, parsed once on an engine thread (never on the main thread, which
 * serves everyone): its tasks, elements, statuses and services, and the XML that engine threads run.
 */
export interface ProcessDefinition {
  sha256: string;
  /** The BPMN XML it was parsed from, for an engine thread to parse its own copy. */
  xml: string;
  processId: string;
  processName: string | null;
  tasks: ReadonlyMap<string, TaskSpec>;
  /** Every flow node and flow, for naming them to people. */
  elements: ReadonlyMap<string, { type: string; name: string | null }>;
  /** National status code (1–10) that a flow node sets when entered, from `mc:status`. */
  statuses: ReadonlyMap<string, number>;
  /** The registered service each service task calls (`implementation="${environment.services.<name>}"`). */
  services: ReadonlyMap<string, string>;
}

/** A definition as an engine thread runs it: the outline and the engine's serialized context. */
export interface ExecutableDefinition extends ProcessDefinition {
  context: SerializableContext;
}

/** The outline of a parsed definition, as it crosses to the main thread. */
export function outlineOf({ context: _, ...outline }: ExecutableDefinition): ProcessDefinition {
  return outline;
}

export class InvalidDefinition extends Error {
  override name = 'InvalidDefinition';
}

/**
 * Outcome conditions are written with the engine's own expression resolver and the `outcomeIs` service:
 * `${environment.services.outcomeIs(environment.variables.outcome,'approve')}`.
 */
const OUTCOME_CONDITION = /outcomeIs\(\s*[\w.]+\s*,\s*['"]([^'"]+)['"]\s*\)/;

// Timer events never fire by themselves: the durable scheduler fires them (see timers.ts).
const typeResolver = TypeResolver({ ...Elements, TimerEventDefinition: DurableTimerEventDefinition });

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Parses BPMN 2.0 XML into an executable definition; throws InvalidDefinition when nothing can run. */
export async function parseDefinition(xml: string): Promise<ExecutableDefinition> {
  let moddleContext;
  try {
    moddleContext = await new BpmnModdle(moddleOptions).fromXML(xml);
  } catch (err) {
    throw new InvalidDefinition(`not BPMN 2.0 XML: ${(err as Error).message}`);
  }
  const context = serialize(moddleContext as never, typeResolver);
  const [process, ...others] = context.getExecutableProcesses();
  if (!process) throw new InvalidDefinition('the diagram has no executable process (isExecutable="true")');
  if (others.length) throw new InvalidDefinition('the diagram has more than one executable process');
  const activities = context.getActivities(); // all, sub-processes included
  return {
    sha256: sha256(xml),
    xml,
    processId: process.id!,
    processName: (process.name as string | undefined) ?? null,
    // The parsed context holds bpmn-moddle's whole element tree (~370 KB whatever the diagram); its deserialized copy
    // holds what the engine runs (~9 KB, 0.04 ms to make), so a cache of many versions stays small.
    context: deserialize(JSON.parse(context.serialize()), typeResolver),
    tasks: new Map(activities.filter((a) => HUMAN_TASK_TYPES.has(a.type!)).map((a) => [a.id!, taskSpec(context, a)])),
    elements: new Map(
      [...activities, ...context.getSequenceFlows()].map((e) => [
        e.id!,
        { type: e.type!, name: (e.name as string | undefined) ?? null },
      ]),
    ),
    statuses: new Map(
      activities.filter((a) => Number.isInteger(a.behaviour.status)).map((a) => [a.id!, a.behaviour.status as number]),
    ),
    services: new Map(
      activities.flatMap((a) => {
        const name = /^\$\{\s*environment\.services\.(\w+)\s*\}$/.exec(String(a.behaviour.implementation ?? ''))?.[1];
        return name ? [[a.id!, name] as [string, string]] : [];
      }),
    ),
  };
}

function taskSpec(context: SerializableContext, activity: SerializableElement): TaskSpec {
  const b = activity.behaviour;
  const outcomeLabels = outcomesAfter(context, activity.id!);
  const hints = camundaHints(b);
  return {
    id: activity.id!,
    name: (activity.name as string | undefined) ?? activity.id!,
    role: b.role ?? hints.role,
    unitLevel: b.unitLevel ?? null,
    unit: b.unit ?? null,
    budget: b.budget ?? hints.budget,
    form: b.form ?? null,
    outcomes: Object.keys(outcomeLabels),
    outcomeLabels,
  };
}

/** Outcomes tested by the conditions leaving the task, directly or through the gateway that follows it, with flow names. */
function outcomesAfter(context: SerializableContext, activityId: string): Record<string, string> {
  const outbound = context.getOutboundSequenceFlows(activityId);
  const next = outbound.length === 1 ? context.getActivityById(outbound[0]!.targetId as string) : undefined;
  const flows = next && /Gateway$/.test(next.type!) ? context.getOutboundSequenceFlows(next.id!) : outbound;
  const labels: Record<string, string> = {};
  for (const flow of flows) {
    const outcome = OUTCOME_CONDITION.exec(flow.behaviour.conditionExpression?.body ?? '')?.[1];
    if (outcome !== undefined && !(outcome in labels)) labels[outcome] = (flow.name as string | undefined) ?? outcome;
  }
  return labels;
}

/** Definitions by content hash, so each version is parsed once per thread; `load` parses one (here or on a thread). */
export class DefinitionCache<D extends ProcessDefinition = ProcessDefinition> {
  private readonly byHash = new Map<string, Promise<D>>();

  constructor(
    private readonly load: (xml: string, hash: string) => Promise<D>,
    private readonly capacity = 500,
  ) {}

  get(xml: string, hash = sha256(xml)): Promise<D> {
    return this.cached(hash) ?? this.add(hash, this.load(xml, hash));
  }

  /** The definition of a content hash if it is cached; it becomes the most recently used. */
  cached(hash: string): Promise<D> | undefined {
    const entry = this.byHash.get(hash);
    if (entry) {
      this.byHash.delete(hash); // re-insert: Map order doubles as least-recently-used order
      this.byHash.set(hash, entry);
    }
    return entry;
  }

  private add(hash: string, entry: Promise<D>): Promise<D> {
    entry.catch(() => this.byHash.delete(hash));
    this.byHash.set(hash, entry);
    if (this.byHash.size > this.capacity) this.byHash.delete(this.byHash.keys().next().value!);
    return entry;
  }
}
