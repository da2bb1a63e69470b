import t from 'tap';
import { validateBpmn, type Finding } from '../../src/catalogue/validation.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { receive } from '../helpers/drive.js';
import { shippedProcedures, shippedRevisions } from '../../src/catalogue/shipped.js';
import {
  BILLION_LAUGHS,
  BIRTH,
  CAMUNDA,
  DMN,
  retype,
  SIGNAVIO,
  twoPools,
  withoutDi,
  XXE,
} from '../helpers/bpmn-corpus.js';

// Birth registration is a same-day procedure: 8 working hours, which its three steps (3 + 3 + 2 hours) fill.
const OPTIONS = { limitHours: 8, hoursPerDay: 8, maxBytes: 5 * 1024 * 1024 };
const errorsOf = (findings: Finding[]) =>
  findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.elementId]);
const condition = (outcome: string) => `\${environment.services.outcomeIs(environment.variables.outcome,'${outcome}')}`;

t.test('every shipped diagram, revisions included, passes the city rules with its own legal limit', async (t) => {
  for (const { manifest, bpmnXml } of [...shippedProcedures(), ...shippedRevisions()]) {
    const options = { ...OPTIONS, limitHours: manifest.timeLimit.hours };
    t.same(errorsOf(await validateBpmn(bpmnXml, options)), [], `${manifest.code} ${manifest.name}`);
  }
});

t.test('a shipped diagram passes; each rule, broken once, is reported on its element', async (t) => {
  t.same(errorsOf(await validateBpmn(BIRTH, OPTIONS)), [], 'birth registration as shipped');
  const broken: [string, string, [string, string][]][] = [
    [
      'not executable',
      BIRTH.replace('isExecutable="true"', 'isExecutable="false"'),
      [['motcua/executable-process', 'DangKyKhaiSinh']],
    ],
    ['a task without a role', BIRTH.replace(' mc:role="leader"', ''), [['motcua/human-task-attributes', 'KyDuyet']]],
    [
      'a role that does not exist',
      BIRTH.replace('mc:role="leader"', 'mc:role="chutich"'),
      [['motcua/human-task-attributes', 'KyDuyet']],
    ],
    [
      'a task without a unit level',
      BIRTH.replace('mc:role="leader" mc:unitLevel="xa"', 'mc:role="leader"'),
      [['motcua/human-task-attributes', 'KyDuyet']],
    ],
    [
      'a task without a budget',
      BIRTH.replace('mc:unitLevel="xa" mc:budget="PT2H"', 'mc:unitLevel="xa"'),
      [['motcua/human-task-attributes', 'TraKetQua']],
    ],
    [
      'a budget that is not a duration',
      BIRTH.replace('mc:budget="PT2H"', 'mc:budget="2 giờ"'),
      [['motcua/human-task-attributes', 'TraKetQua']],
    ],
    [
      'budgets beyond the legal limit',
      BIRTH.replace('mc:budget="PT2H"', 'mc:budget="PT3H"'),
      [['motcua/budget-within-limit', 'DangKyKhaiSinh']],
    ],
    [
      'a script task',
      retype(BIRTH, 'KyDuyet', 'userTask', 'scriptTask', 'scriptFormat="javascript"'),
      [['motcua/no-script', 'KyDuyet']],
    ],
    [
      'a condition in a script language',
      BIRTH.replace(
        '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">',
        '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">',
      ),
      [['motcua/no-script', 'Flow_DongY']],
    ],
    [
      'an unregistered service',
      retype(BIRTH, 'KyDuyet', 'userTask', 'serviceTask', 'implementation="${environment.services.sendSms}"'),
      [['motcua/service-implementation', 'KyDuyet']],
    ],
    [
      'a condition the engine cannot evaluate',
      BIRTH.replace(condition('approve'), "${outcome == 'approve'}"),
      [['motcua/supported-conditions', 'Flow_DongY']],
    ],
    [
      'an element the engine does not run',
      retype(BIRTH, 'KyDuyet', 'userTask', 'callActivity', 'calledElement="KySo"'),
      [['motcua/supported-elements', 'KyDuyet']],
    ],
    [
      'a signal start',
      BIRTH.replace('mc:status="2">', 'mc:status="2"><bpmn:signalEventDefinition id="Tin_Hieu" />'),
      [['motcua/supported-elements', 'TiepNhan']],
    ],
    [
      'a branch without a condition (bpmnlint)',
      BIRTH.replace(
        `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition('return')}</bpmn:conditionExpression>`,
        '',
      ),
      [['conditional-flows', 'Flow_TraLai']],
    ],
  ];
  for (const [what, xml, expected] of broken) {
    t.same(errorsOf(await validateBpmn(xml, OPTIONS)), expected, what);
  }
  const service = retype(
    BIRTH,
    'KyDuyet',
    'userTask',
    'serviceTask',
    'implementation="${environment.services.notifyApplicant}"',
  );
  t.same(errorsOf(await validateBpmn(service, OPTIONS)), [], 'a registered service is fine');
  const [budget] = await validateBpmn(BIRTH.replace('mc:budget="PT2H"', 'mc:budget="PT3H"'), OPTIONS).then((f) =>
    f.filter((x) => x.severity === 'error'),
  );
  t.match(
    budget!.message,
    /9 giờ làm việc, vượt thời hạn giải quyết theo quy định \(8 giờ\)/,
    'the message says by how much',
  );
});

t.test('pools, drawings and the files other modellers export', async (t) => {
  const two = errorsOf(await validateBpmn(twoPools(true), OPTIONS));
  t.ok(
    two.some(([rule, id]) => rule === 'motcua/executable-process' && id === 'DangKyKhaiSinh'),
    'two executable pools: one process per procedure',
  );
  t.notOk(
    errorsOf(await validateBpmn(twoPools(false), OPTIONS)).some(([rule]) => rule === 'motcua/executable-process'),
    'the applicant’s pool, not executable, is fine',
  );

  t.same(
    new Set(errorsOf(await validateBpmn(withoutDi(BIRTH), OPTIONS)).map(([rule]) => rule)),
    new Set(['no-bpmndi']),
    'no drawing: no-bpmndi',
  );

  const camunda = await validateBpmn(CAMUNDA, OPTIONS);
  t.same(
    errorsOf(camunda),
    [
      ['motcua/human-task-attributes', 'Task_Ky'],
      ['motcua/human-task-attributes', 'Task_Ky'],
    ],
    'candidate groups and due date stand for role and budget',
  );
  t.match(
    camunda.filter((f) => f.elementId === 'Task_Ky').map((f) => f.message),
    [/chưa có cấp đơn vị/, /chưa có thời hạn xử lý/],
  );

  const signavio = await validateBpmn(SIGNAVIO, OPTIONS);
  t.match(
    signavio,
    [{ rule: 'bpmn-moddle', severity: 'warning', message: /unknownVendorThing/ }],
    'an unknown element is a warning',
  );
  t.ok(
    errorsOf(signavio).some(([rule]) => rule === 'motcua/executable-process'),
    'a diagram nobody marked executable',
  );
});

t.test('files refused outright, with the reason', async (t) => {
  const refusals: [string, string, number, string][] = [
    ['an XXE payload', XXE, 400, 'bpmn-doctype-refused'],
    ['a billion laughs', BILLION_LAUGHS, 400, 'bpmn-doctype-refused'],
    ['not XML', 'Quy trình: tiếp nhận → thẩm định → trả kết quả', 400, 'bpmn-not-xml'],
    ['an empty file', '', 400, 'bpmn-not-xml'],
    ['a DMN decision table', DMN, 400, 'not-bpmn'],
    ['another XML', '<svg xmlns="http://www.w3.org/2000/svg" />', 400, 'bpmn-not-readable'],
    ['cut short', BIRTH.slice(0, 2000), 400, 'bpmn-not-readable'],
    ['over the size limit', BIRTH + ' '.repeat(OPTIONS.maxBytes), 413, 'bpmn-too-large'],
  ];
  for (const [what, xml, status, code] of refusals) {
    await t.rejects(validateBpmn(xml, OPTIONS), { status, code }, what);
  }
});

async function upload(h: TestApp, xml: string | Buffer, contentType = 'application/xml') {
  return h.request({
    method: 'POST',
    url: '/api/procedures/1.001193/versions',
    as: 'modeler.stp',
    payload: xml,
    headers: { 'content-type': contentType },
  });
}

t.test('uploads: each documented answer, never a 5xx, nothing stored when refused', async (t) => {
  const h = await testApp(t);
  const answers: [string, string, number, string | null][] = [
    ['XXE', XXE, 400, 'bpmn-doctype-refused'],
    ['billion laughs', BILLION_LAUGHS, 400, 'bpmn-doctype-refused'],
    ['DMN', DMN, 400, 'not-bpmn'],
    ['not XML', 'hello', 400, 'bpmn-not-xml'],
    ['cut short', BIRTH.slice(0, 2000), 400, 'bpmn-not-readable'],
    ['two executable pools', twoPools(true), 201, null],
    ['Signavio-style export', SIGNAVIO, 201, null],
    ['Camunda export', CAMUNDA, 201, null],
  ];
  for (const [what, xml, status, code] of answers) {
    const res = await upload(h, xml);
    t.equal(res.statusCode, status, what);
    if (code) t.match(res.json(), { code, status, detail: /\S/ }, `${what}: ${code}`);
    t.equal(
      res.headers['content-type']?.toString().split(';')[0],
      status < 300 ? 'application/json' : 'application/problem+json',
    );
  }
  const stored = (
    await h.request({ method: 'GET', url: '/api/procedures/1.001193/versions', as: 'modeler.stp' })
  ).json();
  t.same(
    stored.map((v: { number: number }) => v.number),
    [1, 2, 3, 4],
    'the refused files left nothing',
  );

  const huge = BIRTH + `<!-- ${'x'.repeat(50 * 1024 * 1024)} -->`;
  const asXml = await upload(h, huge);
  t.equal(asXml.statusCode, 413, 'a 50 MB XML body');
  t.equal(asXml.json().status, 413);
  const form = new FormData();
  form.append('file', new Blob([huge]), 'lon.bpmn');
  const request = new Request('http://x/', { method: 'POST', body: form });
  const asFile = await upload(h, Buffer.from(await request.arrayBuffer()), request.headers.get('content-type')!);
  t.equal(asFile.statusCode, 413, 'a 50 MB file');
  t.equal(asFile.headers['content-type'], 'application/problem+json; charset=utf-8');
  t.equal(
    (await h.request({ method: 'GET', url: '/api/procedures/1.001193/versions', as: 'modeler.stp' })).json().length,
    4,
  );
});

t.test('a diagram without a drawing is drawn, so that the editor can open it', async (t) => {
  const h = await testApp(t);
  const res = await upload(
    h,
    withoutDi(BIRTH).replace(
      '<bpmn:process id="DangKyKhaiSinh"',
      '<bpmn:fooBar id="X" /><bpmn:process id="DangKyKhaiSinh"',
    ),
  );
  t.equal(res.statusCode, 201);
  t.match(
    res.json().findings,
    [
      { rule: 'motcua/auto-layout', severity: 'info' },
      { rule: 'bpmn-moddle', message: /fooBar/ },
    ],
    'says it was drawn, and what it left out',
  );
  t.same(errorsOf(res.json().findings), [], 'and nothing else is wrong');
  const xml = (await h.request({ method: 'GET', url: '/api/procedures/1.001193/versions/2/bpmn', as: 'modeler.stp' }))
    .body;
  t.match(xml, /<bpmndi:BPMNShape[^>]*bpmnElement="ThamDinh"/);
  t.match(xml, /mc:role="leader" mc:unitLevel="xa" mc:budget="PT3H"/, 'the city’s attributes kept');
});

t.test('a Camunda Modeler diagram runs with its candidate groups as roles and due dates as budgets', async (t) => {
  const h = await testApp(t);
  const xml = CAMUNDA.replace(
    'camunda:candidateGroups="leader,lanhdao"',
    'camunda:candidateGroups="leader,lanhdao" camunda:dueDate="PT2H" mc:unitLevel="xa" xmlns:mc="https://motcua.hanoi.gov.vn/schema/bpmn/1.0"',
  );
  const draft = await upload(h, xml);
  t.same(errorsOf(draft.json().findings), []);
  t.equal(
    (
      await h.request({
        method: 'POST',
        url: '/api/procedures/1.001193/versions/2/submit',
        as: 'modeler.stp',
        payload: {},
      })
    ).statusCode,
    200,
  );
  t.equal(
    (await h.request({ method: 'POST', url: '/api/procedures/1.001193/versions/2/publish', as: 'vpubnd', payload: {} }))
      .statusCode,
    200,
  );
  const dossier = await receive(h, '1.001193');
  t.match(
    dossier.tasks,
    [{ activityId: 'Task_ThamDinh', role: 'officer', dueAt: new Date('2018-11-19T14:00:00+07:00').toISOString() }],
    'four working hours from 09:00, past the lunch break',
  );
});
