import t from 'tap';
import { testApp } from '../helpers/app.js';
import { receiptBody } from '../helpers/fixtures.js';
import {
  CITIZEN,
  counts,
  DOCX,
  EXE,
  onlineDossier,
  PDF,
  PNG,
  sha256,
  submitOnline,
  submitted,
} from '../helpers/portal.js';

t.test(
  'a citizen submits online: code, status 1, files in the database, the submission heads the hash chain',
  async (t) => {
    const h = await testApp(t); // Monday 19/11/2018 09:00
    t.same(
      h.app.system.portal.limits,
      { maxFileBytes: 10 * 1024 * 1024, maxFiles: 20, maxTotalBytes: 50 * 1024 * 1024, dailyBytes: 200 * 1024 * 1024 },
      'by default 20 files of 10 MB at most, 50 MB in all, 200 MB a day per account',
    );
    const res = await submitOnline(h, onlineDossier(), [
      { field: '0', name: 'to-khai.pdf', content: PDF, type: 'application/pdf' },
      { field: '1', name: 'xac-nhan-cu-tru.pdf', content: PDF, type: 'application/pdf' },
      { field: 'Giấy chứng sinh', name: 'giay-chung-sinh.png', content: PNG, type: 'image/png' },
      { field: 'Giấy tờ khác', name: 'Đơn đề nghị.docx', content: DOCX, type: 'application/octet-stream' },
    ]);
    t.equal(res.statusCode, 201, res.body);
    const dossier = res.json();
    t.equal(res.headers.location, `/api/portal/track/${encodeURIComponent(dossier.code)}`);
    t.match(dossier, {
      code: 'H26.00001-181119-0001',
      procedureCode: '1.001193',
      unitCode: '00001',
      unitName: 'Phường Phúc Xá',
      channel: 'online',
      statusCode: 1,
      statusLabel: 'Mới đăng ký',
      receivedAt: '2018-11-19T02:00:00.000Z',
      appointmentAt: null,
      dueAt: null,
      rating: null,
    });
    t.match(dossier.attachments, [
      {
        name: 'to-khai.pdf',
        mediaType: 'application/pdf',
        size: PDF.length,
        sha256: sha256(PDF),
        document: /^Hộ chiếu hoặc chứng minh nhân dân/,
      },
      { name: 'xac-nhan-cu-tru.pdf', document: /^Giấy tờ chứng minh nơi cư trú/ },
      {
        name: 'giay-chung-sinh.png',
        mediaType: 'image/png',
        size: PNG.length,
        sha256: sha256(PNG),
        document: 'Giấy chứng sinh',
      },
      {
        name: 'Đơn đề nghị.docx',
        mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        document: 'Giấy tờ khác',
      },
    ]);

    const desk = await h.request({
      method: 'POST',
      url: '/api/dossiers',
      as: 'canbo.phucxa',
      payload: receiptBody('1.001193'),
    });
    t.equal(desk.json().code, 'H26.00001-181119-0002', 'the desk counts on in the same daily sequence');

    const read = (await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}`, as: 'canbo.phucxa' })).json();
    t.match(read, {
      channel: 'online',
      statusCode: 1,
      status: 'new',
      clockStartedAt: null,
      dueAt: null,
      tasks: [],
      version: 1,
      applicant: { fullName: CITIZEN.fullName, idNumber: CITIZEN.idNumber },
    });
    const { id } = await h.app.system.db.knex('dossiers').where({ code: dossier.code }).first('id');
    t.equal(
      Number((await h.app.system.db.knex('dossier_states').where({ dossier_id: id }).count({ n: '*' }).first())!.n),
      0,
      'no engine run yet',
    );
    t.same(
      await h.app.system.db.knex('jobs').where({ dossier_id: id }).select('id'),
      [],
      'no statutory clock or timer yet',
    );

    t.same(
      (await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/audit/verify`, as: 'thanhtra' })).json(),
      { ok: true, events: 1 },
    );
    const [event] = await h.app.system.db
      .knex('dossier_events')
      .where({ dossier_id: id })
      .select('type', 'actor_id', 'payload');
    const citizen = (await h.request({ method: 'GET', url: '/api/users/me', as: 'congdan' })).json();
    t.equal(event.type, 'dossier.submitted');
    t.equal(Number(event.actor_id), citizen.id, 'the citizen is the actor');
    t.match(JSON.parse(event.payload).attachments, [
      { name: 'to-khai.pdf', sha256: sha256(PDF) },
      { name: 'xac-nhan-cu-tru.pdf' },
      { name: 'giay-chung-sinh.png', sha256: sha256(PNG) },
      { name: 'Đơn đề nghị.docx', sha256: sha256(DOCX) },
    ]);
    const history = (
      await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/history`, as: 'canbo.phucxa' })
    ).json();
    t.equal(
      history[0].label,
      'Nộp hồ sơ trực tuyến tới Phường Phúc Xá, kèm 4 tệp: to-khai.pdf, xac-nhan-cu-tru.pdf, giay-chung-sinh.png, Đơn đề nghị.docx',
    );

    t.test('its files: for the unit’s staff and the citizen who submitted it', async (t) => {
      for (const as of ['canbo.phucxa', 'lanhdao.phucxa', 'thanhtra', 'congdan']) {
        const list = await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/attachments`, as });
        t.equal(list.statusCode, 200, `${as} lists them`);
        t.same(list.json(), dossier.attachments);
      }
      const pdf = await h.request({
        method: 'GET',
        url: `/api/dossiers/${dossier.code}/attachments/${dossier.attachments[0].id}`,
        as: 'canbo.phucxa',
      });
      t.equal(pdf.statusCode, 200);
      t.equal(pdf.headers['content-type'], 'application/pdf');
      t.equal(pdf.headers['content-disposition'], `inline; filename="to-khai.pdf"; filename*=UTF-8''to-khai.pdf`);
      t.equal(pdf.headers['x-content-type-options'], 'nosniff');
      t.ok(pdf.rawPayload.equals(PDF), 'the very bytes uploaded');
      const docx = await h.request({
        method: 'GET',
        url: `/api/dossiers/${dossier.code}/attachments/${dossier.attachments[3].id}`,
        as: 'congdan',
      });
      t.ok(docx.rawPayload.equals(DOCX));
      t.equal(
        docx.headers['content-disposition'],
        `attachment; filename="Don de nghi.docx"; filename*=UTF-8''${encodeURIComponent('Đơn đề nghị.docx')}`,
      );

      t.equal(
        (await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/attachments`, as: 'canbo.badinh' }))
          .statusCode,
        404,
        'not for another unit: not found',
      );
      await h.request({
        method: 'POST',
        url: '/api/users',
        as: 'admin',
        payload: {
          username: 'congdan2',
          password: 'motcua2018',
          fullName: 'Công dân khác',
          unitCode: null,
          roles: ['citizen'],
        },
      });
      t.equal(
        (
          await h.request({
            method: 'GET',
            url: `/api/dossiers/${dossier.code}/attachments/${dossier.attachments[0].id}`,
            as: 'congdan2',
          })
        ).statusCode,
        404,
        'not for another citizen: not found',
      );
      t.equal(
        (await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/attachments/999`, as: 'canbo.phucxa' }))
          .statusCode,
        404,
      );
    });
  },
);

t.test('refused files: by content, by size, by count; nothing is stored', async (t) => {
  const h = await testApp(t, { uploads: { maxFileBytes: 4096, maxFiles: 2 } });
  const before = await counts(h);

  const exe = await submitOnline(h, onlineDossier(), [
    { field: '0', name: 'to-khai.pdf', content: PDF, type: 'application/pdf' },
    { field: '1', name: 'giay-to.pdf', content: EXE, type: 'application/pdf' },
  ]);
  t.equal(exe.statusCode, 415, 'a program renamed .pdf');
  t.equal(exe.headers['content-type'], 'application/problem+json; charset=utf-8');
  t.match(exe.json(), {
    code: 'file-type-refused',
    detail: /^Tệp “giay-to\.pdf” không được chấp nhận: chỉ nhận PDF, ảnh JPEG hoặc PNG/,
  });

  const renamed = await submitOnline(h, onlineDossier(), [{ field: '0', name: 'anh.pdf', content: PNG }]);
  t.equal(renamed.statusCode, 415, 'a PNG named .pdf');
  t.match(renamed.json(), {
    code: 'file-content-mismatch',
    detail: 'Nội dung tệp “anh.pdf” là PNG, không khớp với tên tệp (cần đuôi .png).',
  });

  const large = await submitOnline(h, onlineDossier(), [
    { field: '0', name: 'ban-scan.pdf', content: Buffer.concat([PDF, Buffer.alloc(5000, 0x20)]) },
  ]);
  t.equal(large.statusCode, 413, 'a file over the limit');
  t.match(large.json(), {
    code: 'file-too-large',
    detail: 'Tệp “ban-scan.pdf” vượt quá dung lượng cho phép (tối đa 4 KB mỗi tệp).',
  });

  const many = await submitOnline(
    h,
    onlineDossier(),
    ['a', 'b', 'c'].map((n) => ({ field: '0', name: `${n}.pdf`, content: PDF })),
  );
  t.equal(many.statusCode, 413, 'more files than allowed');
  t.match(many.json(), { code: 'too-many-files', detail: 'Chỉ được tải lên tối đa 2 tệp mỗi lần.' });

  const empty = await submitOnline(h, onlineDossier(), [{ field: '0', name: 'trong.pdf', content: Buffer.alloc(0) }]);
  t.equal(empty.statusCode, 400, 'an empty file');

  t.same(await counts(h), before, 'no dossier, file, event or code was used');
});

t.test('the default limit: a 3 MB scan is taken, an 11 MB one refused by name', async (t) => {
  const h = await testApp(t);
  const scan = (mb: number) => Buffer.concat([PDF, Buffer.alloc(mb * 1024 * 1024, 0x20)]);
  const taken = await submitOnline(h, onlineDossier(), [
    { field: '0', name: 'ban-scan.pdf', content: scan(3) },
    { field: '1', name: 'cu-tru.pdf', content: PDF },
  ]);
  t.equal(taken.statusCode, 201, taken.body.slice(0, 300));
  const refused = await submitOnline(h, onlineDossier(), [{ field: '0', name: 'ban-scan-lon.pdf', content: scan(11) }]);
  t.equal(refused.statusCode, 413);
  t.equal(refused.json().detail, 'Tệp “ban-scan-lon.pdf” vượt quá dung lượng cho phép (tối đa 10 MB mỗi tệp).');
});

t.test('refused submissions: the form, the procedure, who submits', async (t) => {
  const h = await testApp(t);
  const before = await counts(h);
  const files = [{ field: '0', name: 'to-khai.pdf', content: PDF }];

  const wrongId = await submitOnline(h, onlineDossier('1.001193', { ...CITIZEN, idNumber: '12345' }), files);
  t.equal(wrongId.statusCode, 400);
  t.match(wrongId.json(), {
    code: 'invalid-request',
    errors: [{ field: '/applicant/idNumber', message: /^Không đúng định dạng: số CCCD \(12 chữ số\)/ }],
  });

  const badForm = await submitOnline(h, { ...onlineDossier(), data: { childFullName: 'Nguyễn Minh An' } }, files);
  t.equal(badForm.statusCode, 400);
  t.match(badForm.json(), {
    code: 'invalid-form',
    errors: [{ field: '/data/childBirthDate', message: 'Thông tin bắt buộc, chưa được nhập.' }],
  });

  const notOnline = await submitOnline(h, onlineDossier('1.000506'), files);
  t.equal(notOnline.statusCode, 422, 'a procedure without an online level');
  t.match(notOnline.json(), { code: 'procedure-not-online', detail: /chưa cung cấp dịch vụ công trực tuyến/ });

  const elsewhere = await submitOnline(h, { ...onlineDossier(), unitCode: 'SXD' }, files);
  t.equal(elsewhere.statusCode, 422, 'at a unit that does not handle it');
  t.equal(elsewhere.json().code, 'procedure-not-handled-here');

  const noJson = await submitOnline(h, '{not json', files);
  t.equal(noJson.statusCode, 400);

  const asJson = await h.request({
    method: 'POST',
    url: '/api/portal/dossiers',
    as: 'congdan',
    payload: onlineDossier(),
  });
  t.equal(asJson.statusCode, 415, 'JSON without files is not the form');
  t.equal(asJson.json().code, 'multipart-required');

  t.equal(
    (await submitOnline(h, onlineDossier(), files, 'canbo.phucxa')).statusCode,
    403,
    'officers receive at the desk instead',
  );
  const anonymous = await h.app.inject({ method: 'POST', url: '/api/portal/dossiers', payload: {} });
  t.equal(anonymous.statusCode, 401, 'a citizen logs in to submit');

  t.same(await counts(h), before, 'nothing stored');
});

t.test(
  'a required document missing: refused field by field, nothing stored; the catalogue says which are required',
  async (t) => {
    const h = await testApp(t);
    const documents = (await h.request({ method: 'GET', url: '/api/procedures/1.001193', as: 'congdan' })).json()
      .documents;
    t.same(
      documents.map((d: { required: boolean }) => d.required),
      [true, true, false],
      'the third is worded “Trường hợp…” and counted as none',
    );
    const before = await counts(h);

    const none = await submitOnline(h, onlineDossier(), []);
    t.equal(none.statusCode, 422);
    t.match(none.json(), {
      code: 'document-missing',
      detail:
        /^Hồ sơ trực tuyến còn thiếu giấy tờ bắt buộc: “Hộ chiếu hoặc chứng minh nhân dân.*…”; “Giấy tờ chứng minh nơi cư trú/,
      errors: [
        { field: '/documents/0', message: 'Chưa đính kèm giấy tờ bắt buộc này.' },
        { field: '/documents/1', message: 'Chưa đính kèm giấy tờ bắt buộc này.' },
      ],
    });
    const one = await submitOnline(h, onlineDossier(), [{ field: documents[0].name, name: 'cccd.pdf', content: PDF }]);
    t.same(
      one.json().errors,
      [{ field: '/documents/1', message: 'Chưa đính kèm giấy tờ bắt buộc này.' }],
      'a file named by its document’s full name counts',
    );
    t.same(await counts(h), before, 'nothing stored');

    const optional = await h.request({
      method: 'PATCH',
      url: '/api/procedures/1.001193',
      as: 'vpubnd',
      payload: { documents: documents.map((d: object) => ({ ...d, required: false })) },
    });
    t.equal(optional.statusCode, 200, optional.body);
    const later = await submitOnline(h, onlineDossier(), []);
    t.equal(later.statusCode, 201, 'once VPUBND marks them optional, documents may be brought later');
    t.ok(await submitted(h));
  },
);

t.test('the form is checked as the submission will check it, storing nothing', async (t) => {
  const h = await testApp(t);
  const before = await counts(h);
  const check = (body: object) =>
    h.request({ method: 'POST', url: '/api/portal/dossiers/check', as: 'congdan', payload: body });
  const { procedureCode, applicant, data } = onlineDossier();
  t.same((await check({ procedureCode, applicant, data })).json(), { errors: [] }, 'a valid dossier has no error');
  const wrong = (
    await check({
      procedureCode,
      applicant: { ...applicant, idNumber: '12345' },
      data: { ...data, birthPlace: undefined },
    })
  ).json();
  t.same(
    wrong.errors.map((e: { field: string }) => e.field).sort(),
    ['/applicant/idNumber', '/data/birthPlace'],
    'every field in error at once, the applicant’s and the form’s',
  );
  t.equal((await check({ procedureCode: '9.999999', applicant, data })).statusCode, 404, 'an unknown procedure');
  t.same(await counts(h), before, 'nothing stored');
});
