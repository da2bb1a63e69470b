import { createHash } from 'node:crypto';
import t from 'tap';
import { testApp } from '../helpers/app.js';
import { complete, receive } from '../helpers/drive.js';

t.test('the timeline tells the history in Vietnamese, to those who may see the dossier', async (t) => {
  const h = await testApp(t); // Monday 19/11/2018 09:00
  let dossier = await receive(h, '1.001193');
  h.clock.advanceHours(1);
  await h.request({ method: 'POST', url: `/api/tasks/${dossier.tasks[0].id}/claim`, as: 'canbo.phucxa' });
  dossier = await complete(h, dossier.tasks[0]);
  dossier = await complete(h, dossier.tasks[0], 'approve');

  const history = await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/history`, as: 'canbo.phucxa' });
  t.equal(history.statusCode, 200);
  const labels = history.json().map((e: { label: string }) => e.label);
  t.same(labels, [
    'Tiếp nhận hồ sơ trực tiếp tại Phường Phúc Xá; hẹn trả kết quả 19/11/2018 17:00',
    'Phát hành Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
    'Chuyển bước “Thẩm định hồ sơ, dự thảo Giấy khai sinh” đến cán bộ – Phường Phúc Xá, hạn xử lý 19/11/2018 12:00',
    'Trạng thái hồ sơ: Đã tiếp nhận → Đang xử lý',
    'Nhận xử lý bước “Thẩm định hồ sơ, dự thảo Giấy khai sinh”',
    'Hoàn thành bước “Thẩm định hồ sơ, dự thảo Giấy khai sinh”',
    'Chuyển bước “Chủ tịch UBND cấp xã ký Giấy khai sinh” đến lãnh đạo – Phường Phúc Xá, hạn xử lý 19/11/2018 14:00',
    'Hoàn thành bước “Chủ tịch UBND cấp xã ký Giấy khai sinh” – kết quả: Đồng ý',
    'Chuyển bước “Trả kết quả cho người yêu cầu” đến cán bộ – Phường Phúc Xá, hạn xử lý 19/11/2018 12:00',
    'Trạng thái hồ sơ: Đang xử lý → Đã xử lý xong',
  ]);
  t.match(
    history.json()[7].actor,
    { name: 'Trần Văn Minh', unitCode: '00001', unitName: 'Phường Phúc Xá' },
    'who did it',
  );

  const detailed = (
    await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/history?detail=true`, as: 'thanhtra' })
  ).json();
  t.equal(detailed.length, dossier.version, 'with detail, every event');
  t.ok(detailed.some((e: { label: string }) => e.label === 'Quy trình đi theo nhánh “Đồng ý”'));

  t.equal(
    (await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/history`, as: 'canbo.badinh' })).statusCode,
    404,
    'not to another unit: not found for it',
  );
  t.equal(
    (await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/audit/verify`, as: 'canbo.phucxa' }))
      .statusCode,
    403,
    'verification is the auditors’',
  );
});

t.test('the heatmap: dossiers passed, working time spent and lateness per activity', async (t) => {
  const h = await testApp(t); // Monday 09:00; the review has 3 working hours, due 12:00
  const a = await receive(h, '1.001193');
  const b = await receive(h, '1.001193');
  const c = await receive(h, '1.001193');
  h.clock.set('2018-11-19T10:00:00+07:00');
  const a2 = await complete(h, a.tasks[0]);
  h.clock.set('2018-11-19T11:00:00+07:00');
  await complete(h, b.tasks[0]);
  h.clock.set('2018-11-19T13:30:00+07:00');
  await complete(h, c.tasks[0]); // 3 h 30 of working time: after 12:00, late
  await complete(h, a2.tasks[0], 'approve');

  const map = await h.request({ method: 'GET', url: '/api/procedures/1.001193/versions/1/heatmap', as: 'vpubnd' });
  t.equal(map.statusCode, 200);
  const at = (id: string) => map.json().find((e: { activityId: string }) => e.activityId === id);
  t.match(at('ThamDinh'), {
    passed: 3,
    medianMinutes: 120,
    p90Minutes: 210,
    late: 1,
    name: 'Thẩm định hồ sơ, dự thảo Giấy khai sinh',
  });
  t.match(
    at('KyDuyet'),
    { passed: 1, medianMinutes: 150, late: 0 },
    'signed 10:00 → 13:30: 2 h 30 of working time, within its 3 h',
  );
  t.match(at('QuyetDinh'), { passed: 1, type: 'bpmn:ExclusiveGateway', medianMinutes: null });
  t.match(at('TraKetQua'), { passed: 0, late: 0 });
  t.equal(
    (await h.request({ method: 'GET', url: '/api/procedures/1.001193/versions/9/heatmap', as: 'thanhtra' })).statusCode,
    404,
  );
  t.equal(
    (await h.request({ method: 'GET', url: '/api/procedures/1.001193/versions/1/heatmap', as: 'canbo.phucxa' }))
      .statusCode,
    403,
  );
});

/** Canonical JSON exactly as the bundle's hashing rule describes it, written here independently of src/. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const keys = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
}
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

t.test('the audit bundle re-verifies with nothing but its documented rule', async (t) => {
  const h = await testApp(t);
  let dossier = await receive(h, '2.000908');
  dossier = await complete(h, dossier.tasks[0], 'not_found');

  const res = await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/audit/bundle`, as: 'thanhtra' });
  t.equal(res.statusCode, 200);
  t.equal(res.headers['content-disposition'], `attachment; filename="${dossier.code}-audit.json"`);
  const bundle = res.json();
  t.equal(bundle.format, 'motcua-audit-bundle/1');
  t.match(bundle.hashingRule, /SHA-256/);
  t.same(bundle.verification, { ok: true, events: dossier.version });

  let previous = '0'.repeat(64);
  for (const [i, event] of bundle.events.entries()) {
    t.equal(event.seq, i + 1);
    const { hash, ...record } = event;
    previous = sha256(`${previous}\n${canonical(record)}`);
    if (previous !== hash) t.fail(`event ${event.seq} does not re-verify`);
  }
  t.equal(previous, bundle.dossier.lastHash, 'the chain ends at the dossier’s last hash');
  t.equal(bundle.events.length, bundle.dossier.version);
  t.equal(sha256(bundle.bpmn[0].xml), bundle.bpmn[0].sha256, 'the BPMN is the one hashed');
  t.ok(
    bundle.events
      .filter((e: { bpmnSha256: string | null }) => e.bpmnSha256)
      .every((e: { bpmnSha256: string }) => e.bpmnSha256 === bundle.bpmn[0].sha256),
    'every engine step names that BPMN',
  );
});
