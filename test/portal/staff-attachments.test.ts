import t from 'tap';
import { testApp } from '../helpers/app.js';
import { receive } from '../helpers/drive.js';
import { attachFiles, counts, EXE, PDF, PNG, runToEnd, sha256, submitted } from '../helpers/portal.js';

const REPORT = 'Biên bản thẩm định';

t.test(
  'an officer of the handling unit attaches a document: stored, listed, downloadable, in the hash-chained history',
  async (t) => {
    const h = await testApp(t);
    const dossier = await receive(h, '1.001193');
    const res = await attachFiles(
      h,
      dossier.code,
      REPORT,
      [{ name: 'bien-ban.pdf', content: PDF, type: 'application/pdf' }],
      'canbo.phucxa',
    );
    t.equal(res.statusCode, 201, res.body);
    const [added] = res.json();
    t.match(res.json(), [
      {
        id: Number,
        name: 'bien-ban.pdf',
        document: REPORT,
        mediaType: 'application/pdf',
        size: PDF.length,
        sha256: sha256(PDF),
        uploadedAt: '2018-11-19T02:00:00.000Z',
      },
    ]);

    const list = await h.request({
      method: 'GET',
      url: `/api/dossiers/${dossier.code}/attachments`,
      as: 'lanhdao.phucxa',
    });
    t.same(list.json(), res.json(), 'listed as any other file of the dossier');
    const file = await h.request({
      method: 'GET',
      url: `/api/dossiers/${dossier.code}/attachments/${added.id}`,
      as: 'canbo.phucxa',
    });
    t.equal(file.headers['content-type'], 'application/pdf');
    t.ok(file.rawPayload.equals(PDF), 'the very bytes uploaded');

    const officer = (await h.request({ method: 'GET', url: '/api/users/me', as: 'canbo.phucxa' })).json();
    const row = await h.app.system.db.knex('attachments').where({ id: added.id }).first('uploaded_by');
    t.equal(Number(row.uploaded_by), officer.id, 'uploaded by the officer');

    const history = (
      await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/history`, as: 'canbo.phucxa' })
    ).json();
    const entry = history.at(-1);
    t.match(entry, {
      type: 'dossier.attachmentsAdded',
      label: `Đính kèm tài liệu “${REPORT}”: bien-ban.pdf`,
      actor: { id: officer.id, unitCode: '00001' },
    });
    const event = await h.app.system.db
      .knex('dossier_events')
      .where({ seq: entry.seq })
      .whereIn('dossier_id', h.app.system.db.knex('dossiers').where({ code: dossier.code }).select('id'))
      .first('payload');
    t.same(
      JSON.parse(event.payload),
      {
        files: [
          {
            id: added.id,
            name: 'bien-ban.pdf',
            document: REPORT,
            mediaType: 'application/pdf',
            size: PDF.length,
            sha256: sha256(PDF),
          },
        ],
      },
      'names and hashes, no content',
    );

    const verify = (
      await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/audit/verify`, as: 'thanhtra' })
    ).json();
    t.match(verify, { ok: true, events: entry.seq });
    const replay = (
      await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/replay`, as: 'thanhtra' })
    ).json();
    t.match(replay, { ok: true, divergence: null }, 'replay is not disturbed by the new event');

    const two = await attachFiles(
      h,
      dossier.code,
      'Ảnh hiện trạng',
      [
        { name: 'a.png', content: PNG },
        { name: 'b.pdf', content: PDF },
      ],
      'lanhdao.phucxa',
    );
    t.equal(two.statusCode, 201, 'a leader of the unit attaches several files at once');
    t.equal(
      (await h.request({ method: 'GET', url: `/api/dossiers/${dossier.code}/history`, as: 'canbo.phucxa' }))
        .json()
        .at(-1).label,
      'Đính kèm tài liệu “Ảnh hiện trạng”: a.png, b.pdf',
    );
  },
);

t.test('refusals store nothing', async (t) => {
  const h = await testApp(t, { uploads: { maxFileBytes: 4096, maxFiles: 2 } });
  const { code } = await receive(h, '1.001193');
  const pdf = { name: 'bien-ban.pdf', content: PDF };
  const before = await counts(h);
  const refused = (as: string, files: { name: string; content: Buffer }[], document = REPORT) =>
    attachFiles(h, code, document, files, as);

  const otherUnit = await refused('canbo.badinh', [pdf]);
  t.equal(otherUnit.statusCode, 404, 'an officer of another unit does not find the dossier');
  t.match(otherUnit.json(), { code: 'unknown-dossier', detail: /./ });
  t.equal((await refused('congdan', [pdf])).statusCode, 403, 'a citizen');
  t.equal((await refused('thanhtra', [pdf])).statusCode, 403, 'an auditor');

  const exe = await refused('canbo.phucxa', [pdf, { name: 'setup.exe', content: EXE }]);
  t.equal(exe.statusCode, 415, 'a program, beside a good file');
  t.match(exe.json(), { code: 'file-type-refused', detail: /^Tệp “setup\.exe” không được chấp nhận/ });
  const renamed = await refused('canbo.phucxa', [{ name: 'anh.pdf', content: PNG }]);
  t.match([renamed.statusCode, renamed.json().code], [415, 'file-content-mismatch'], 'a PNG named .pdf');

  const large = await refused('canbo.phucxa', [
    { name: 'ban-scan.pdf', content: Buffer.concat([PDF, Buffer.alloc(5000, 0x20)]) },
  ]);
  t.equal(large.statusCode, 413, 'over the size limit');
  t.match(large.json(), {
    code: 'file-too-large',
    detail: 'Tệp “ban-scan.pdf” vượt quá dung lượng cho phép (tối đa 4 KB mỗi tệp).',
  });
  const many = await refused('canbo.phucxa', [pdf, pdf, pdf]);
  t.match([many.statusCode, many.json().code], [413, 'too-many-files'], 'more files than one request may carry');

  const noName = await refused('canbo.phucxa', [pdf], '  ');
  t.match(
    [noName.statusCode, noName.json()],
    [400, { code: 'document-required', errors: [{ field: '/document' }] }],
    'the document must be named',
  );
  t.match([(await refused('canbo.phucxa', [])).statusCode], [400], 'no file');
  const asJson = await h.request({
    method: 'POST',
    url: `/api/dossiers/${code}/attachments`,
    as: 'canbo.phucxa',
    payload: { document: REPORT },
  });
  t.match([asJson.statusCode, asJson.json().code], [415, 'multipart-required']);
  t.equal(
    (await attachFiles(h, 'H26.00001-181119-9999', REPORT, [pdf], 'canbo.phucxa')).statusCode,
    404,
    'an unknown dossier',
  );

  t.same(await counts(h), before, 'no file, no event');
});

t.test(
  'a closed dossier takes no more documents; a dossier submitted online keeps the citizen’s files first',
  async (t) => {
    const h = await testApp(t);
    const online = await submitted(h);
    const res = await attachFiles(
      h,
      online.code,
      'Phiếu kiểm tra',
      [{ name: 'phieu.pdf', content: PDF }],
      'canbo.phucxa',
    );
    t.equal(res.statusCode, 201, 'the desk attaches to a dossier waiting for receipt');
    const names = (
      await h.request({ method: 'GET', url: `/api/dossiers/${online.code}/attachments`, as: 'canbo.phucxa' })
    )
      .json()
      .map((f: { name: string }) => f.name);
    t.same(names, ['to-khai.pdf', 'xac-nhan-cu-tru.pdf', 'giay-chung-sinh.png', 'phieu.pdf']);
    const own = (
      await h.request({ method: 'GET', url: `/api/dossiers/${online.code}/attachments`, as: 'congdan' })
    ).json();
    t.same(
      own.map((f: { name: string }) => f.name),
      ['to-khai.pdf', 'xac-nhan-cu-tru.pdf', 'giay-chung-sinh.png'],
      'the citizen sees the files they uploaded, not the unit’s working papers',
    );
    const internal = await h.request({
      method: 'GET',
      url: `/api/dossiers/${online.code}/attachments/${res.json()[0].id}`,
      as: 'congdan',
    });
    t.equal(internal.statusCode, 404, 'nor downloads one');

    const received = await receive(h, '2.000908');
    t.equal(
      (await attachFiles(h, received.code, 'Bản chụp sổ gốc', [{ name: 'so-goc.pdf', content: PDF }], 'canbo.phucxa'))
        .statusCode,
      201,
    );
    const { code } = received;
    if ((await runToEnd(h, received)).statusCode === 9)
      await h.request({ method: 'POST', url: `/api/dossiers/${code}/return`, as: 'canbo.phucxa', payload: {} });
    t.equal(
      (await h.request({ method: 'GET', url: `/api/dossiers/${code}`, as: 'canbo.phucxa' })).json().statusCode,
      10,
      'result returned',
    );
    const audit = async (what: string) =>
      (await h.request({ method: 'GET', url: `/api/dossiers/${code}/${what}`, as: 'thanhtra' })).json();
    t.match(
      [await audit('audit/verify'), await audit('replay')],
      [{ ok: true }, { ok: true, divergence: null }],
      'a document attached mid-way: the chain verifies, the replay agrees',
    );
    const closed = await attachFiles(h, code, 'Biên nhận', [{ name: 'bien-nhan.pdf', content: PDF }], 'canbo.phucxa');
    t.equal(closed.statusCode, 409);
    t.match(closed.json(), { code: 'dossier-closed', detail: /không thể đính kèm thêm tài liệu/ });
  },
);
