import t, { type Test } from 'tap';
import { testApp, type TestApp } from '../helpers/app.js';
import { receive } from '../helpers/drive.js';
import { receiptBody } from '../helpers/fixtures.js';
import { freePort, reassembled, SMSC_ACCOUNT, startSmsc, type SmscBehaviour } from '../helpers/smsc.js';

// The applicant of the fixtures' receipts has the phone 0912345678.
const DESTINATION = '84912345678';

/** The real application with an SMPP gateway on loopback as its SMS transport (the SMSC may be down). */
async function appWithSmsc(t: Test, port: number, timeoutMs = 5000) {
  return testApp(t, {
    smpp: { host: '127.0.0.1', port, ...SMSC_ACCOUNT, sourceAddr: 'UBND HN', timeoutMs },
  });
}

async function smsc(t: Test, port: number, behaviour?: SmscBehaviour) {
  const server = await startSmsc(port, behaviour);
  t.teardown(server.stop);
  return server;
}

async function messagesOf(h: TestApp, code: string) {
  const { id } = await h.app.system.db.knex('dossiers').where({ code }).first('id');
  return h.app.system.outbox.ofDossier(id);
}

async function smsRow(h: TestApp, code: string) {
  return h.app.system.db
    .knex('outbox')
    .join('dossiers', 'dossiers.id', 'outbox.dossier_id')
    .where({ code, 'outbox.channel': 'sms' })
    .first('outbox.id', 'outbox.status', 'attempts', 'last_error', 'body');
}

t.test('a receipt at the desk: the applicant gets an SMS in UCS-2, and its delivery receipt is recorded', async (t) => {
  const port = await freePort();
  const server = await smsc(t, port);
  const h = await appWithSmsc(t, port);
  const dossier = await receive(h, '1.001193');

  t.equal(await h.app.system.deliverer.deliverDue(), 1, 'the SMS is sent');
  const [sms] = await messagesOf(h, dossier.code);
  t.match(sms, { channel: 'sms', recipient: '0912345678', status: 'sent', deliveryStatus: null });
  t.ok(server.submitted.length >= 1);
  for (const part of server.submitted)
    t.match(
      part,
      {
        destination: DESTINATION,
        destTon: 1,
        destNpi: 1,
        sourceAddr: 'UBND HN',
        sourceTon: 5,
        sourceNpi: 0,
        dataCoding: 8,
        registeredDelivery: 1,
      },
      'to 84912345678 from the brand name, UCS-2, a receipt asked for',
    );
  const [text] = reassembled(server.submitted);
  t.equal(text, sms!.body, 'the text arrives whole');
  t.ok(text!.startsWith(`Hồ sơ ${dossier.code} đã được tiếp nhận. Hẹn trả kết quả:`), 'with its diacritics exact');
  t.same(
    sms!.messageIds,
    server.submitted.map((s) => s.messageId),
    "the SMSC's message ids are recorded",
  );

  // The SMSC reports delivery, part by part: delivered once every part is.
  const [first, ...others] = server.submitted;
  h.clock.advanceHours(1);
  t.equal(await server.receipt(first!.messageId, 'DELIVRD', DESTINATION), 0, 'deliver_sm_resp, status 0');
  for (const other of others) {
    t.match((await messagesOf(h, dossier.code))[0], { deliveryStatus: null, deliveredAt: null }, 'not yet whole');
    t.equal(await server.receipt(other.messageId, 'DELIVRD', DESTINATION), 0);
  }
  t.match((await messagesOf(h, dossier.code))[0], {
    deliveryStatus: 'DELIVRD',
    deliveredAt: h.clock.now().toISOString(),
  });

  t.equal(await h.app.system.deliverer.deliverDue(), 0, 'nothing is sent twice');
  t.equal(server.binds(), 1, 'one session');
});

t.test('a long message arrives as concatenated parts that reassemble to the full text', async (t) => {
  const port = await freePort();
  const server = await smsc(t, port);
  const h = await appWithSmsc(t, port);
  const missing = [
    'Giấy chứng sinh do cơ sở y tế nơi trẻ em sinh ra cấp (bản chính)',
    'Tờ khai đăng ký khai sinh theo mẫu, có chữ ký của người đi đăng ký',
    'Văn bản ủy quyền có chứng thực nếu người đi đăng ký không phải cha, mẹ',
  ];
  const res = await h.request({
    method: 'POST',
    url: '/api/dossiers',
    as: 'canbo.phucxa',
    payload: { ...receiptBody('1.001193'), outcome: 'supplement', missingItems: missing },
  });
  t.equal(res.statusCode, 201);
  const { code } = res.json();

  t.equal(await h.app.system.deliverer.deliverDue(), 1);
  const { id, body } = await smsRow(h, code);
  t.ok(server.submitted.length >= 4, `${server.submitted.length} parts`);
  server.submitted.forEach((part, i) => {
    t.match(part, { esmClass: 0x40, dataCoding: 8, destination: DESTINATION });
    t.same(part.concat, { reference: id % 256, total: server.submitted.length, part: i + 1 }, `UDH of part ${i + 1}`);
    t.ok(part.text.length <= 67, 'at most 67 UCS-2 characters a part');
  });
  t.same(reassembled(server.submitted), [body]);
  t.ok(body.includes(missing.join('; ')), 'every missing item, with its diacritics');
});

t.test('with the gateway down the SMS waits, then the next run after it comes up sends it once', async (t) => {
  const port = await freePort();
  const h = await appWithSmsc(t, port, 500);
  const { deliverer } = h.app.system;
  const dossier = await receive(h, '1.001193');

  t.equal(await deliverer.deliverDue(), 0, 'connection refused');
  t.match(await smsRow(h, dossier.code), { status: 'pending', attempts: 1, last_error: /ECONNREFUSED/ });

  let server = await startSmsc(port, { refuseBinds: true });
  h.clock.advanceHours(1);
  t.equal(await deliverer.deliverDue(), 0, 'bind refused');
  t.match(await smsRow(h, dossier.code), {
    status: 'pending',
    attempts: 2,
    last_error: /bind refused, ESME_RBINDFAIL/,
  });
  await server.stop();

  server = await startSmsc(port, { silentBinds: true });
  h.clock.advanceHours(1);
  t.equal(await deliverer.deliverDue(), 0, 'no answer to the bind');
  t.match(await smsRow(h, dossier.code), {
    status: 'pending',
    attempts: 3,
    last_error: /no bind response within 500 ms/,
  });
  await server.stop();

  server = await smsc(t, port);
  t.equal(await deliverer.deliverDue(), 0, 'not before its next attempt');
  t.equal(server.submitted.length, 0);
  h.clock.advanceHours(1);
  t.equal(await deliverer.deliverDue(), 1, 'sent at its next attempt');
  t.match(await smsRow(h, dossier.code), { status: 'sent', attempts: 4 });
  const parts = server.submitted.length;
  t.same(
    server.submitted.map((s) => s.concat?.part ?? 1),
    Array.from({ length: parts }, (_, i) => i + 1),
    'each part once',
  );
  h.clock.advanceHours(24);
  t.equal(await deliverer.deliverDue(), 0);
  t.equal(server.submitted.length, parts, 'never again');
});

t.test('a part the SMSC refuses is sent again alone: the parts it accepted are not', async (t) => {
  const port = await freePort();
  const server = await smsc(t, port, { throttle: { after: 1, n: 1 } });
  const h = await appWithSmsc(t, port);
  const dossier = await receive(h, '1.001193');

  t.equal(await h.app.system.deliverer.deliverDue(), 0, 'part 2 throttled');
  const row = await smsRow(h, dossier.code);
  t.match(row, { status: 'pending', attempts: 1, last_error: /ESME_RTHROTTLED/ });
  t.same(
    server.submitted.map((s) => s.concat?.part),
    [1],
  );
  h.clock.advanceHours(1);
  t.equal(await h.app.system.deliverer.deliverDue(), 1);
  const total = server.submitted[0]!.concat!.total;
  t.same(
    server.submitted.map((s) => s.concat?.part),
    Array.from({ length: total }, (_, i) => i + 1),
    'the parts accepted, each once',
  );
  t.same(reassembled(server.submitted), [row.body]);
});

t.test('a submit_sm whose response never comes: bounded, then sent again (the duplicate window)', async (t) => {
  const port = await freePort();
  const server = await smsc(t, port, { silentSubmits: 1 });
  const h = await appWithSmsc(t, port, 500);
  const dossier = await receive(h, '1.001193');
  t.equal(await h.app.system.deliverer.deliverDue(), 0);
  t.match(await smsRow(h, dossier.code), { status: 'pending', last_error: /submit_sm: no response within 500 ms/ });
  // The SMSC may have taken the part it did not answer for: the retry sends it again, the one case of a duplicate.
  await server.nextBind();
  h.clock.advanceHours(1);
  t.equal(await h.app.system.deliverer.deliverDue(), 1);
  t.equal(server.binds(), 2, 'the silent session was closed and a new one bound');
  const parts = server.submitted[0]!.concat?.total ?? 1;
  t.equal(server.submits(), parts + 1, 'the unanswered part was received twice');
});

t.test('a dropped session is bound again, and receipts keep coming', async (t) => {
  const port = await freePort();
  const server = await smsc(t, port);
  const h = await appWithSmsc(t, port);
  const first = await receive(h, '1.001193');
  t.equal(await h.app.system.deliverer.deliverDue(), 1);

  const rebound = server.nextBind();
  server.dropSessions();
  await rebound;
  t.equal(server.binds(), 2, 'bound again after the drop, without a message to send');

  const before = server.submitted.length;
  const second = await receive(h, '1.001193');
  t.equal(await h.app.system.deliverer.deliverDue(), 1, 'the next message goes through the new session');
  t.ok(server.submitted.length > before);
  for (const s of server.submitted) t.equal(await server.receipt(s.messageId, 'DELIVRD', DESTINATION), 0);
  t.match(await messagesOf(h, first.code), [{ deliveryStatus: 'DELIVRD' }]);
  t.match(await messagesOf(h, second.code), [{ deliveryStatus: 'DELIVRD' }]);

  // A receipt of failure, and a message from the applicant (not a receipt): both answered with status 0.
  t.equal(await server.receipt('unknown-id', 'UNDELIV', DESTINATION), 0);
  t.equal(
    await server.deliver({ source_addr: DESTINATION, destination_addr: 'UBND HN', short_message: { message: 'OK' } }),
    0,
  );
});

t.test(
  'receipts in any order: one before its part is recorded waits for it, a late intermediate one is ignored',
  async (t) => {
    const h = await testApp(t);
    const dossier = await receive(h, '1.001193');
    const { outbox } = h.app.system;
    const { id } = await smsRow(h, dossier.code);
    const at = h.clock.now();

    // Another node's session got the receipt of part 2 before this node recorded the part.
    await outbox.deliveryReceipt('B', 'DELIVRD', at);
    await outbox.partAccepted(id, 1, 2, 'A', at);
    t.match((await messagesOf(h, dossier.code))[0], { messageIds: ['A'], deliveryStatus: null });
    await outbox.partAccepted(id, 2, 2, 'B', at);
    t.match((await messagesOf(h, dossier.code))[0], { messageIds: ['A', 'B'], deliveryStatus: null }, 'A not yet');
    await outbox.deliveryReceipt('A', 'ENROUTE', at);
    t.match((await messagesOf(h, dossier.code))[0], { deliveryStatus: 'ENROUTE', deliveredAt: null });
    await outbox.deliveryReceipt('A', 'DELIVRD', at);
    t.match((await messagesOf(h, dossier.code))[0], { deliveryStatus: 'DELIVRD', deliveredAt: at.toISOString() });
    await outbox.deliveryReceipt('A', 'ACCEPTD', at);
    t.match((await messagesOf(h, dossier.code))[0], { deliveryStatus: 'DELIVRD' }, 'a late ACCEPTD changes nothing');
    t.same(
      [...(await outbox.acceptedParts(id))],
      [
        [1, 'A'],
        [2, 'B'],
      ],
    );
  },
);
