import t from 'tap';
import { testApp } from '../helpers/app.js';
import { BIRTH, withoutDi } from '../helpers/bpmn-corpus.js';
import { complete, receive } from '../helpers/drive.js';

/** Birth registration with a service task after the review that tells the applicant the leader is signing. */
const NOTIFYING = withoutDi(BIRTH)
  .replace('<bpmn:incoming>Flow_ThamDinh_KyDuyet</bpmn:incoming>', '<bpmn:incoming>Flow_BaoTin_KyDuyet</bpmn:incoming>')
  .replace(
    '<bpmn:sequenceFlow id="Flow_ThamDinh_KyDuyet" sourceRef="ThamDinh" targetRef="KyDuyet" />',
    `<bpmn:sequenceFlow id="Flow_ThamDinh_KyDuyet" sourceRef="ThamDinh" targetRef="BaoTin" />
    <bpmn:serviceTask id="BaoTin" name="Hồ sơ đã thẩm định xong, đang chờ lãnh đạo ký" implementation="\${environment.services.notifyApplicant}">
      <bpmn:incoming>Flow_ThamDinh_KyDuyet</bpmn:incoming><bpmn:outgoing>Flow_BaoTin_KyDuyet</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="Flow_BaoTin_KyDuyet" sourceRef="BaoTin" targetRef="KyDuyet" />`,
  );

t.test('a notifyApplicant service task queues a message to the applicant in the step that passes it', async (t) => {
  const h = await testApp(t);
  const draft = await h.request({
    method: 'POST',
    url: '/api/procedures/1.001193/versions',
    as: 'modeler.stp',
    payload: NOTIFYING,
    headers: { 'content-type': 'application/xml' },
  });
  t.same(
    draft.json().findings.filter((f: { severity: string }) => f.severity === 'error'),
    [],
  );
  await h.request({
    method: 'POST',
    url: '/api/procedures/1.001193/versions/2/submit',
    as: 'modeler.stp',
    payload: {},
  });
  t.equal(
    (await h.request({ method: 'POST', url: '/api/procedures/1.001193/versions/2/publish', as: 'vpubnd', payload: {} }))
      .statusCode,
    200,
  );

  const dossier = await receive(h, '1.001193');
  const id = (await h.app.system.db.knex('dossiers').where({ code: dossier.code }).first('id')).id;
  const before = (await h.app.system.outbox.ofDossier(id)).length;
  const signing = await complete(h, dossier.tasks[0]);
  t.match(signing.tasks, [{ activityId: 'KyDuyet' }], 'the service task completes at once');
  const sent = (await h.app.system.outbox.ofDossier(id)).slice(before);
  t.match(sent, [
    {
      channel: 'sms',
      recipient: '0912345678',
      subject: `Thông báo về hồ sơ – ${dossier.code}`,
      body: `Hồ sơ ${dossier.code}: Hồ sơ đã thẩm định xong, đang chờ lãnh đạo ký.`,
    },
  ]);
  t.equal(sent.length, 1, 'once');
  t.ok(
    (await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/replay`, as: 'thanhtra' })).json().ok,
    'and replay passes through it',
  );
});
