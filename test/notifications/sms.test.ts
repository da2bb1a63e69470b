import smpp from 'smpp';
import t from 'tap';
import { deliveryOf } from '../../src/notifications/sms/delivery.js';
import { internationalVietnamese } from '../../src/notifications/sms/phone.js';
import { parseDeliveryReceipt, receiptOutcome } from '../../src/notifications/sms/receipt.js';
import { smsParts, splitText } from '../../src/notifications/sms/text.js';
import { readConfig } from '../../src/config.js';
import { receiptOf } from '../../src/notifications/smpp-transport.js';

const utf16be = (buffer: Buffer) => Buffer.from(buffer).swap16().toString('utf16le');

t.test('phone numbers in the international form for Vietnam', async (t) => {
  for (const phone of ['0912345678', '+84912345678', '+84 912 345 678', '0084912345678', '84912345678', '091.234.5678'])
    t.equal(internationalVietnamese(phone), '84912345678', phone);
  t.equal(internationalVietnamese('+840912345678'), '84912345678', 'the national 0 written after +84');
  t.equal(internationalVietnamese('0842345678'), '84842345678', 'a national number starting 084');
  t.equal(internationalVietnamese('02438251234'), '842438251234', 'a Hà Nội landline');
  for (const phone of ['', '912345678', '12345', '+1 202 555 0100', '0012345678', 'abc'])
    t.throws(() => internationalVietnamese(phone), /not a Vietnamese phone number/, JSON.stringify(phone));
});

t.test('Vietnamese text goes as UCS-2, one SMS up to 70 characters, parts of 67 after', async (t) => {
  const short = 'Hồ sơ H26.00001-181119-0001 đã được trả kết quả. Cảm ơn ông/bà.';
  const one = smsParts(short, 7);
  t.match(one, { dataCoding: 8, esmClass: 0 });
  t.equal(one.parts.length, 1);
  t.equal(utf16be(one.parts[0]!), short, 'UTF-16BE');

  const seventy = 'ơ'.repeat(70);
  t.equal(smsParts(seventy, 1).parts.length, 1, '70 characters: one SMS');
  const long = smsParts('ơ'.repeat(71), 300);
  t.match(long, { dataCoding: 8, esmClass: 0x40 });
  t.equal(long.parts.length, 2, '71 characters: two parts');
  t.same(
    [...long.parts[0]!.subarray(0, 6)],
    [0x05, 0x00, 0x03, 300 % 256, 2, 1],
    'UDH: IEI 0, 8-bit reference, 2 parts, part 1',
  );
  t.same([...long.parts[1]!.subarray(0, 6)], [0x05, 0x00, 0x03, 44, 2, 2]);
  t.equal(utf16be(long.parts[0]!.subarray(6)), 'ơ'.repeat(67));
  t.equal(utf16be(long.parts[1]!.subarray(6)), 'ơ'.repeat(4));
  t.ok(
    long.parts.every((p) => p.length <= 140),
    'each part in 140 octets',
  );

  const decomposed = 'Hồ sơ'.normalize('NFD');
  t.equal(utf16be(smsParts(decomposed, 0).parts[0]!), 'Hồ sơ', 'NFD text is sent composed (NFC)');
  t.throws(() => smsParts('ơ'.repeat(67 * 255 + 1), 0), /longer than 255/);
});

t.test('text the same in GSM and ASCII stays data_coding 0: 160 characters, parts of 153', async (t) => {
  const plain = smsParts('Ho so H26.00001-181119-0001 da duoc tiep nhan.', 0);
  t.match(plain, { dataCoding: 0, esmClass: 0 });
  t.equal(plain.parts[0]!.toString('ascii'), 'Ho so H26.00001-181119-0001 da duoc tiep nhan.');
  t.equal(smsParts('a'.repeat(160), 0).parts.length, 1);
  const two = smsParts('a'.repeat(161), 0);
  t.equal(two.parts.length, 2);
  t.equal(two.parts[0]!.length, 6 + 153);
  t.equal(smsParts('a@b', 0).dataCoding, 8, '@ is not at its ASCII code in GSM: UCS-2');
  t.equal(smsParts('giá_1', 0).dataCoding, 8);
});

t.test('no part ends in half a character', async (t) => {
  t.same(splitText('ab😀cd', 3), ['ab', '😀c', 'd'], 'a surrogate pair is never cut');
  t.same(splitText('abe\u0301f', 3), ['ab', 'e\u0301f'], 'nor a letter from its combining mark');
  t.same(splitText('abcdef', 3), ['abc', 'def']);
});

t.test('delivery receipts are read from their text (SMPP 3.4 appendix B)', async (t) => {
  t.same(
    parseDeliveryReceipt(
      'id:0123456789 sub:001 dlvrd:001 submit date:1811190900 done date:1811190901 stat:DELIVRD err:000 text:Ho so H26',
    ),
    { id: '0123456789', stat: 'DELIVRD', err: '000', doneDate: '1811190901' },
  );
  t.match(parseDeliveryReceipt('ID:abc-1 SUB:001 DLVRD:000 STAT:undeliv ERR:012 Text:stat:DELIVRD'), {
    id: 'abc-1',
    stat: 'UNDELIV',
    err: '012',
    doneDate: null,
  });
  t.equal(parseDeliveryReceipt('Cảm ơn, tôi đã nhận được'), null, 'a reply is not a receipt');
  t.equal(parseDeliveryReceipt('id:42 sub:001'), null, 'no state');
  t.equal(receiptOutcome('DELIVRD'), 'delivered');
  t.equal(receiptOutcome('EXPIRED'), 'failed');
  t.equal(receiptOutcome('REJECTD'), 'failed');
  t.equal(receiptOutcome('ACCEPTD'), 'pending');
  t.equal(receiptOutcome('ENROUTE'), 'pending');
});

t.test('a deliver_sm is a receipt by its esm_class; its TLVs come before its text', async (t) => {
  // Encoded and decoded by the library, as the transport gets it from the socket.
  const decoded = (params: Record<string, unknown>) => new smpp.PDU(new smpp.PDU('deliver_sm', params).toBuffer());
  const text = 'id:M7 sub:001 dlvrd:001 submit date:1811190900 done date:1811190901 stat:DELIVRD err:000 text:';
  t.match(receiptOf(decoded({ esm_class: 0x04, short_message: { message: text } })), { id: 'M7', stat: 'DELIVRD' });
  t.equal(receiptOf(decoded({ esm_class: 0x00, short_message: { message: text } })), null, 'an ordinary message');
  t.match(
    receiptOf(
      decoded({ esm_class: 0x04, receipted_message_id: 'X9', message_state: 5, short_message: { message: text } }),
    ),
    { id: 'X9', stat: 'UNDELIV' },
    'receipted_message_id and message_state',
  );
  t.match(receiptOf(decoded({ esm_class: 0x04, message_payload: { message: text } })), { id: 'M7' }, 'in the payload');
});

t.test('the delivery of an SMS from its parts', async (t) => {
  const part = (p: number, status: string | null, at: string | null = null) => ({
    part: p,
    total: 2,
    status,
    receipt_at: at,
  });
  t.same(deliveryOf([part(1, null), part(2, null)]), { status: null, deliveredAt: null });
  t.same(deliveryOf([part(1, 'DELIVRD', 'b'), part(2, null)]), { status: null, deliveredAt: null }, 'half');
  t.same(deliveryOf([part(1, 'DELIVRD', 'b'), part(2, 'DELIVRD', 'c')]), { status: 'DELIVRD', deliveredAt: 'c' });
  t.same(deliveryOf([part(1, 'DELIVRD', 'b'), part(2, 'UNDELIV', 'c')]), { status: 'UNDELIV', deliveredAt: null });
  t.same(deliveryOf([part(1, 'ENROUTE', 'a'), part(2, 'ACCEPTD', 'b')]), { status: 'ACCEPTD', deliveredAt: null });
  t.same(deliveryOf([part(1, 'DELIVRD', 'a')]), { status: null, deliveredAt: null }, 'one part of two recorded');
});

t.test('the SMSC is configured from the environment', async (t) => {
  const base = { SMPP_SYSTEM_ID: 'motcua', SMPP_PASSWORD: 'secret', SMPP_SOURCE_ADDR: 'UBND HN' };
  t.equal(readConfig({}).smpp, undefined, 'none: SMS go to the log');
  t.match(readConfig({ ...base, SMPP_URL: 'smpp://gw.example.vn:2776' }).smpp, {
    host: 'gw.example.vn',
    port: 2776,
    tls: false,
    systemId: 'motcua',
    password: 'secret',
    sourceAddr: 'UBND HN',
    timeoutMs: 10_000,
  });
  t.match(readConfig({ SMPP_URL: 'ssmpp://mot%40cua:p%3Ass@10.0.0.5', SMPP_SOURCE_ADDR: 'HANOI' }).smpp, {
    host: '10.0.0.5',
    port: 3550,
    tls: true,
    systemId: 'mot@cua',
    password: 'p:ss',
  });
  t.match(readConfig({ ...base, SMPP_HOST: '10.0.0.6', SMPP_SYSTEM_TYPE: 'VMA', SMPP_TIMEOUT_MS: '3000' }).smpp, {
    host: '10.0.0.6',
    port: 2775,
    systemType: 'VMA',
    timeoutMs: 3000,
  });
  t.throws(() => readConfig({ ...base, SMPP_URL: 'http://gw' }), /SMPP_URL must be smpp:\/\//);
  t.throws(() => readConfig({ SMPP_HOST: 'gw', SMPP_SOURCE_ADDR: 'X' }), /SMPP_SYSTEM_ID/);
  t.throws(
    () => readConfig({ ...base, SMPP_HOST: 'gw', SMPP_SOURCE_ADDR: 'UBND THANH PHO HA NOI' }),
    /SMPP_SOURCE_ADDR/,
  );
  t.throws(() => readConfig({ ...base, SMPP_HOST: 'gw', SMPP_SOURCE_ADDR: 'UBND Hà Nội' }), /SMPP_SOURCE_ADDR/);
});
