import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { testApp, type TestApp } from '../helpers/app.js';
import { receiptBody } from '../helpers/fixtures.js';
import { forcePublished, hostileDiagrams, jammingDiagrams, type HostileDiagram } from '../helpers/hostile-bpmn.js';

const marker = () => join(mkdtempSync(join(tmpdir(), 'motcua-hostile-')), 'ran');

async function upload(h: TestApp, xml: string) {
  return h.request({
    method: 'POST',
    url: '/api/procedures/1.001193/versions',
    as: 'modeler.stp',
    payload: xml,
    headers: { 'content-type': 'application/xml' },
  });
}

t.test(
  'every hostile diagram is refused at validation with a finding on the element, and cannot be submitted',
  async (t) => {
    const h = await testApp(t);
    const file = marker();
    t.teardown(() => rmSync(join(file, '..'), { recursive: true, force: true }));
    for (const diagram of [...hostileDiagrams(file), ...jammingDiagrams()]) {
      const res = await upload(h, diagram.xml);
      t.equal(res.statusCode, 201, `${diagram.name}: stored as a draft to be corrected`);
      const errors = (res.json().findings as { rule: string; elementId: string; severity: string }[]).filter(
        (f) => f.severity === 'error',
      );
      t.ok(
        errors.some((f) => f.rule === diagram.rule && f.elementId === diagram.elementId),
        `${diagram.name}: ${diagram.rule} on ${diagram.elementId}`,
      );
      const submit = await h.request({
        method: 'POST',
        url: `/api/procedures/1.001193/versions/${res.json().number}/submit`,
        as: 'modeler.stp',
      });
      t.equal(submit.statusCode, 422, `${diagram.name}: cannot be submitted`);
      t.equal(submit.json().code, 'bpmn-has-errors');
      const check = await h.request({
        method: 'POST',
        url: '/api/procedures/1.001193/validate',
        as: 'modeler.stp',
        payload: diagram.xml,
        headers: { 'content-type': 'application/xml' },
      });
      t.ok(
        (check.json() as { rule: string }[]).some((f) => f.rule === diagram.rule),
        `${diagram.name}: the editor's check says the same`,
      );
    }
    t.notOk(existsSync(file), 'no diagram ran code while being checked');
  },
);

const receiveOn = (h: TestApp, procedureCode: string) =>
  h.request({
    method: 'POST',
    url: '/api/dossiers',
    as: 'canbo.phucxa',
    payload: {
      ...receiptBody('1.001193'),
      procedureCode,
      data: procedureCode === '1.001193' ? receiptBody('1.001193').data : {},
    },
  });

t.test('a hostile diagram forced into the database past validation: the engine evaluates none of it', async (t) => {
  const h = await testApp(t);
  const file = marker();
  t.teardown(() => rmSync(join(file, '..'), { recursive: true, force: true }));
  const diagrams: HostileDiagram[] = hostileDiagrams(file);
  for (const [i, diagram] of diagrams.entries()) {
    const code = `9.10${String(i).padStart(4, '0')}`;
    await forcePublished(h, code, diagram.xml);
    const res = await receiveOn(h, code);
    t.ok([201, 422].includes(res.statusCode), `${diagram.name}: ${res.statusCode} ${res.json().code ?? ''}`);
    if (res.statusCode === 422)
      t.equal(res.json().code, 'process-failed', `${diagram.name}: the step failed, nothing ran`);
    t.notOk(existsSync(file), `${diagram.name}: no file written`);
    const shipped = await receiveOn(h, '1.001193');
    t.equal(shipped.statusCode, 201, `${diagram.name}: the next dossier of a shipped procedure still runs`);
  }
  t.notOk(Object.hasOwn(Object.prototype, 'outcome'), 'nothing polluted');
  const replayed = (await h.app.system.db.knex('dossiers').where('procedure_code', 'like', '9.10%').select('code')).map(
    (r: { code: string }) => r.code,
  );
  for (const code of replayed) {
    const replay = await h.request({ method: 'GET', url: `/api/dossiers/${code}/replay`, as: 'thanhtra' });
    t.equal(replay.statusCode, 200, `replaying ${code} is safe too`);
  }
  t.notOk(existsSync(file), 'no file written by a replay');
  const incidents = (await h.request({ method: 'GET', url: '/api/incidents?open=true', as: 'vpubnd' })).json() as {
    kind: string;
    procedureCode: string;
  }[];
  t.ok(
    incidents.some((i) => i.kind === 'step-failed' && i.procedureCode.startsWith('9.10')),
    'the failed steps are incidents VPUBND sees',
  );
});
