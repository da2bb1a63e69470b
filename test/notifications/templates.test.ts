import t from 'tap';
import { testApp, type TestApp } from '../helpers/app.js';
import { receive } from '../helpers/drive.js';
import { receiptBody } from '../helpers/fixtures.js';

async function messagesOf(h: TestApp, code: string) {
  const { id } = await h.app.system.db.knex('dossiers').where({ code }).first('id');
  return h.app.system.outbox.ofDossier(id);
}

const put = (h: TestApp, kind: string, payload: object) =>
  h.request({ method: 'PUT', url: `/api/notification-templates/${kind}`, as: 'admin', payload });

t.test('the administrator edits the text of a message; the next one of its kind uses it', async (t) => {
  const h = await testApp(t);
  const list = (await h.request({ method: 'GET', url: '/api/notification-templates', as: 'admin' })).json();
  t.equal(list.length, 12);
  t.match(list[0], {
    kind: 'received',
    title: 'Đã tiếp nhận hồ sơ',
    sms: 'Hồ sơ {code} đã được tiếp nhận. Hẹn trả kết quả: {appointment}.',
    placeholders: ['code', 'procedure', 'appointment'],
    edited: false,
  });

  const before = await receive(h, '1.001193');
  const [shipped] = await messagesOf(h, before.code);
  t.match(
    shipped!.body,
    new RegExp(`^Hồ sơ ${before.code} đã được tiếp nhận\\. Hẹn trả kết quả: `),
    'the shipped text',
  );

  const res = await put(h, 'received', {
    title: 'Tiếp nhận hồ sơ {code}',
    sms: 'UBND: ho so {code} ({procedure}) da tiep nhan, hẹn trả {appointment}.',
  });
  t.equal(res.statusCode, 200, res.body);
  t.match(res.json(), { kind: 'received', edited: true, default: { title: 'Đã tiếp nhận hồ sơ' } });

  const after = await receive(h, '1.001193');
  const [sms, email] = await messagesOf(h, after.code);
  t.match(sms, {
    channel: 'sms',
    body: new RegExp(`^UBND: ho so ${after.code} \\(Thủ tục đăng ký khai sinh\\) da tiep nhan, hẹn trả .+\\.$`),
  });
  t.notOk(sms!.body.includes('{'), 'every placeholder filled');
  t.equal((await messagesOf(h, before.code))[0]!.body, shipped!.body, 'a message already queued keeps its text');
  t.equal(email, undefined, 'the fixtures’ applicant has no e-mail');
  t.match((await h.request({ method: 'GET', url: '/api/notification-templates', as: 'admin' })).json()[0], {
    sms: 'UBND: ho so {code} ({procedure}) da tiep nhan, hẹn trả {appointment}.',
    edited: true,
  });

  const reset = await h.request({ method: 'DELETE', url: '/api/notification-templates/received', as: 'admin' });
  t.match(reset.json(), { edited: false, sms: 'Hồ sơ {code} đã được tiếp nhận. Hẹn trả kết quả: {appointment}.' });
  const again = await receive(h, '1.001193');
  t.match((await messagesOf(h, again.code))[0], { body: new RegExp(`^Hồ sơ ${again.code} đã được tiếp nhận`) });
});

t.test('a template naming what its message does not have is refused, in Vietnamese, and nothing changes', async (t) => {
  const h = await testApp(t);
  const refused = await put(h, 'received', { title: 'Đã tiếp nhận', sms: 'Hồ sơ {code}: {reason} {lydo}.' });
  t.equal(refused.statusCode, 400);
  t.equal(refused.headers['content-type'], 'application/problem+json; charset=utf-8');
  t.match(refused.json(), {
    code: 'unknown-placeholder',
    detail:
      /có chỗ điền không dùng được: \{reason\}, \{lydo\}\. Nội dung được dùng: \{code\}, \{procedure\}, \{appointment\}/,
    errors: [
      { field: '/sms', message: /\{reason\} không có ở đây/ },
      { field: '/sms', message: /\{lydo\}/ },
    ],
  });

  const title = await put(h, 'refused', { title: 'Từ chối: {reason}', sms: 'Hồ sơ {code} bị từ chối: {reason}.' });
  t.match(title.json(), { code: 'unknown-placeholder', errors: [{ field: '/title', message: /được dùng: \{code\}/ }] });

  const noCode = await put(h, 'refused', { title: 'Từ chối', sms: 'Hồ sơ bị từ chối: {reason}.' });
  t.match(noCode.json(), { code: 'code-placeholder-required', detail: /phải có \{code\}/ });
  t.equal((await put(h, 'no-such-message', { title: 'x', sms: '{code}' })).statusCode, 400);
  t.equal((await put(h, 'refused', { title: '', sms: '{code}' })).statusCode, 400, 'an empty heading');

  const list = (await h.request({ method: 'GET', url: '/api/notification-templates', as: 'admin' })).json();
  t.ok(
    list.every((tpl: { edited: boolean }) => !tpl.edited),
    'every template still the shipped one',
  );
});

t.test('what a placeholder is filled with is never read as a placeholder', async (t) => {
  const h = await testApp(t);
  const res = await h.request({
    method: 'POST',
    url: '/api/dossiers',
    as: 'canbo.phucxa',
    payload: { ...receiptBody('1.001193'), outcome: 'refuse', reason: 'thiếu {items}\nvà {code}' },
  });
  t.equal(res.statusCode, 201, res.body);
  const [sms] = await messagesOf(h, res.json().code);
  t.equal(
    sms!.body,
    `Hồ sơ ${res.json().code} không được tiếp nhận. Lý do: thiếu {items} và {code}.`,
    'taken as written, on one line',
  );
});
