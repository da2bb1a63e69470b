import t from 'tap';
import { shippedProcedures } from '../../src/catalogue/shipped.js';
import { parseDefinition, type ProcessDefinition } from '../../src/engine/definitions.js';
import { ProcessRunner } from '../../src/engine/runner.js';
import { EngineFailure, NotWaiting, type StepResult, type StepRunner } from '../../src/engine/steps.js';
import { EngineThreads } from '../../src/engine/threads.js';

// Every test runs on the main thread and on an engine thread: the server uses the one ENGINE_THREADS asks for.
const threads = new EngineThreads({ threads: 1, stepTimeoutMs: 10_000, own: true });
t.teardown(() => threads.close());
const RUNNERS: [string, StepRunner & Pick<ProcessRunner, 'start'>][] = [
  ['main thread', new ProcessRunner()],
  ['engine thread', threads],
];

/**
 * Walks every path through a process: each waiting task completed with each of its outcomes (a loop back is
 * followed once), the state stored and recovered at every step as a dossier's is. Calls `visit` at each end.
 */
async function explore(
  runner: StepRunner,
  definition: ProcessDefinition,
  step: StepResult,
  visit: (path: string[], end: StepResult, flows: string[]) => void,
  path: string[] = [],
  flows: string[] = [],
): Promise<void> {
  const taken = [...flows, ...step.events.filter((e) => e.type === 'flow.take').map((e) => e.elementId)];
  if (step.completed) return visit(path, step, taken);
  const [task] = step.waiting;
  if (!task || path.length > 12) throw new Error(`process stuck after ${path.join(' → ')}`);
  const spec = definition.tasks.get(task.activityId)!;
  for (const outcome of spec.outcomes.length ? spec.outcomes : [undefined]) {
    const label = outcome ? `${task.activityId}:${outcome}` : task.activityId;
    if (outcome && path.includes(label)) continue;
    const next = await runner.signal(definition, step.state, { executionId: task.executionId, outcome });
    await explore(runner, definition, next, visit, [...path, label], taken);
  }
}

const scripted = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="x">
  <process id="p" isExecutable="true">
    <startEvent id="s" />
    <sequenceFlow id="f1" sourceRef="s" targetRef="g" />
    ${body}
  </process>
</definitions>`;

for (const [where, runner] of RUNNERS) {
  for (const { manifest, bpmnXml } of shippedProcedures()) {
    t.test(`${where}: ${manifest.code} ${manifest.name.slice(0, 60)}`, async (t) => {
      const definition = await parseDefinition(bpmnXml);
      for (const task of definition.tasks.values()) {
        t.ok(task.role && task.unitLevel && task.budget, `${task.id} has a role, a unit level and a budget`);
      }
      const flowIds = definition.context.getSequenceFlows().map((f) => f.id!);
      const taken = new Set<string>();
      let paths = 0;
      await explore(runner, definition, await runner.start(definition), (path, end, flows) => {
        paths++;
        flows.forEach((f) => taken.add(f));
        t.ok(end.completed, `path ${path.join(' → ')} reaches the end`);
      });
      t.ok(paths >= 1, `${paths} complete paths`);
      t.same(
        flowIds.filter((id) => !taken.has(id)),
        [],
        'every sequence flow is taken on some path',
      );
    });
  }

  t.test(`${where}: signalling a task the process no longer waits on is refused`, async (t) => {
    const birth = shippedProcedures().find((p) => p.manifest.code === '1.001193')!;
    const definition = await parseDefinition(birth.bpmnXml);
    const start = await runner.start(definition);
    const task = start.waiting[0]!;
    const after = await runner.signal(definition, start.state, { executionId: task.executionId });
    await t.rejects(runner.signal(definition, after.state, { executionId: task.executionId }), NotWaiting);
  });

  t.test(`${where}: uploaded BPMN never runs code`, async (t) => {
    const marker = '__motcuaScriptRan';
    const script = `globalThis.${marker} = true; this.${marker} = true; next();`;
    const scriptTask = await parseDefinition(
      scripted(`<scriptTask id="g" scriptFormat="javascript"><script>${script}</script></scriptTask>
        <sequenceFlow id="f2" sourceRef="g" targetRef="e" /><endEvent id="e" />`),
    );
    await t.rejects(runner.start(scriptTask), EngineFailure, 'a script task fails instead of running');

    const scriptedCondition = await parseDefinition(
      scripted(`<exclusiveGateway id="g" />
        <sequenceFlow id="f2" sourceRef="g" targetRef="e"><conditionExpression xsi:type="tFormalExpression" language="javascript">${script} true</conditionExpression></sequenceFlow>
        <endEvent id="e" />`),
    );
    await t.rejects(runner.start(scriptedCondition), EngineFailure, 'a scripted condition fails instead of running');
    t.notOk((globalThis as Record<string, unknown>)[marker], 'no script ever ran');
  });

  t.test(`${where}: BPMN timers never fire by themselves: the step reports them, fireTimer fires them`, async (t) => {
    // Two parallel tokens: a task, and a timer whose date is long past.
    const definition = await parseDefinition(`<?xml version="1.0" encoding="UTF-8"?>
  <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
    <process id="p" isExecutable="true">
      <startEvent id="s" /><sequenceFlow id="f1" sourceRef="s" targetRef="split" />
      <parallelGateway id="split" />
      <sequenceFlow id="f2" sourceRef="split" targetRef="task" /><userTask id="task" />
      <sequenceFlow id="f3" sourceRef="task" targetRef="e1" /><endEvent id="e1" />
      <sequenceFlow id="f4" sourceRef="split" targetRef="wait" />
      <intermediateCatchEvent id="wait"><timerEventDefinition><timeDate>2000-01-01T00:00:00Z</timeDate></timerEventDefinition></intermediateCatchEvent>
      <sequenceFlow id="f5" sourceRef="wait" targetRef="e2" /><endEvent id="e2" />
    </process>
  </definitions>`);
    const start = await runner.start(definition);
    t.match(start.timers, [{ activityId: 'wait' }], 'the expired timer is armed, not fired');
    t.notOk(
      start.events.some((e) => e.elementId === 'e2'),
      'its branch has not moved',
    );
    const afterTask = await runner.signal(definition, start.state, { executionId: start.waiting[0]!.executionId });
    t.notOk(
      afterTask.events.some((e) => e.elementId === 'e2'),
      'recovering the state does not fire it either',
    );
    t.same(afterTask.timers, [], 'and does not report it again');
    const fired = await runner.fireTimer(definition, afterTask.state, start.timers[0]!.executionId);
    t.ok(
      fired.events.some((e) => e.type === 'activity.end' && e.elementId === 'e2'),
      'fired on demand, the branch ends',
    );
    t.ok(fired.completed);
    await t.rejects(
      runner.fireTimer(definition, fired.state, start.timers[0]!.executionId),
      NotWaiting,
      'a timer fires once',
    );
  });
}

t.test('an engine thread that stopped is replaced at the next step', async (t) => {
  const own = new EngineThreads({ threads: 1, stepTimeoutMs: 10_000, own: true });
  t.teardown(() => own.close());
  const birth = await parseDefinition(shippedProcedures().find((p) => p.manifest.code === '1.001193')!.bpmnXml);
  t.equal((await own.start(birth)).waiting.length, 1);
  const closing = own.close();
  t.equal((await own.start(birth)).waiting.length, 1, 'a new thread took the step while the old one was stopping');
  await closing;
  t.equal((await own.start(birth)).waiting.length, 1, 'and the next one');
});
