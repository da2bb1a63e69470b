import { spawn } from 'node:child_process';
import t from 'tap';
import { chainHash } from '../../src/audit/chain.js';
import { connect } from '../../src/db/connect.js';
import { projectRoot } from '../../src/project.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { complete, receive } from '../helpers/drive.js';

/** A dossier two steps into 2.000908, with a dozen events or so. */
async function dossierWithHistory(h: TestApp) {
  let dossier = await receive(h, '2.000908');
  dossier = await complete(h, dossier.tasks[0], 'found');
  dossier = await complete(h, dossier.tasks[0]);
  return dossier as { code: string; version: number };
}

async function verify(h: TestApp, code: string) {
  return (await h.request({ method: 'GET', url: `/api/dossiers/${code}/audit/verify`, as: 'thanhtra' })).json();
}

/** Runs `motcua verify …` on the test's database; resolves with its exit code and output. */
function cli(databaseUrl: string, ...args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('exit', (code) => resolve({ code, stdout }));
  });
}

t.test('the database refuses to change or delete an event', async (t) => {
  const h = await testApp(t);
  const { code } = await dossierWithHistory(h);
  const { knex } = h.app.system.db;
  const id = (await knex('dossiers').where({ code }).first('id')).id;
  await t.rejects(knex('dossier_events').where({ dossier_id: id, seq: 2 }).update({ payload: '{}' }), /append-only/);
  await t.rejects(knex('dossier_events').where({ dossier_id: id, seq: 2 }).delete(), /append-only/);
  t.same(await verify(h, code), {
    ok: true,
    events: (await knex('dossiers').where({ code }).first('version')).version,
  });
});

t.test(
  'nor rewrite an event or a published version by replacing its row (REPLACE, INSERT … ON CONFLICT)',
  async (t) => {
    const h = await testApp(t);
    const { code } = await dossierWithHistory(h);
    const { knex } = h.app.system.db;
    const sqlite = h.app.system.db.dialect === 'sqlite';
    const event = await knex('dossier_events')
      .join('dossiers', 'dossiers.id', 'dossier_events.dossier_id')
      .where('dossiers.code', code)
      .where('dossier_events.seq', 2)
      .first('dossier_events.*');
    const columns = 'id, dossier_id, seq, type, actor_id, actor_unit, at, payload, bpmn_sha256, hash';
    const values = [
      event.id,
      event.dossier_id,
      event.seq,
      event.type,
      event.actor_id,
      event.actor_unit,
      event.at,
      '{"rewritten":true}',
      event.bpmn_sha256,
      event.hash,
    ];
    const marks = values.map(() => '?').join(', ');
    const rewrites = sqlite
      ? [
          `INSERT OR REPLACE INTO dossier_events (${columns}) VALUES (${marks})`,
          `REPLACE INTO dossier_events (${columns}) VALUES (${marks})`,
        ]
      : [
          `INSERT INTO dossier_events (${columns}) VALUES (${marks}) ON CONFLICT (id) DO UPDATE SET payload = excluded.payload`,
        ];
    for (const sql of rewrites) await t.rejects(knex.raw(sql, values), /append-only/, sql.split(' (')[0]!);
    t.equal(
      (await knex('dossier_events').where({ id: event.id }).first('payload')).payload,
      event.payload,
      'the event is as it was',
    );

    const version = await knex('procedure_versions').where({ procedure_code: '1.001193', number: 1 }).first();
    const replace = sqlite
      ? 'REPLACE INTO procedure_versions (id, procedure_code, number, status, bpmn_xml, sha256, process_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
      : 'INSERT INTO procedure_versions (id, procedure_code, number, status, bpmn_xml, sha256, process_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET bpmn_xml = excluded.bpmn_xml';
    await t.rejects(
      knex.raw(replace, [
        version.id,
        version.procedure_code,
        1,
        'published',
        '<x/>',
        version.sha256,
        version.process_id,
        version.created_at,
      ]),
      /cannot/,
    );
    t.equal(
      (await knex('procedure_versions').where({ id: version.id }).first('bpmn_xml')).bpmn_xml,
      version.bpmn_xml,
      'the published diagram is as it was',
    );
    t.same(await verify(h, code), {
      ok: true,
      events: (await knex('dossiers').where({ code }).first('version')).version,
    });
  },
);

t.test('an attacker with access to the database file: verification names the first bad event', async (t) => {
  const h = await testApp(t);
  const payload = await dossierWithHistory(h);
  const order = await dossierWithHistory(h);
  const deleted = await dossierWithHistory(h);
  const inserted = await dossierWithHistory(h);
  const appended = await dossierWithHistory(h);
  const truncated = await dossierWithHistory(h);
  const intact = await dossierWithHistory(h);

  const before = await cli(h.databaseUrl, 'verify', '--all');
  t.equal(before.code, 0, 'verify --all passes before the attack');
  t.match(before.stdout, /Đã kiểm tra 7 hồ sơ: mọi chuỗi băm nguyên vẹn/);

  // The attacker opens the database on their own and drops the append-only triggers first.
  const { knex: db, dialect } = await connect(h.databaseUrl);
  t.teardown(() => db.destroy());
  if (dialect === 'postgres') {
    await db.raw('DROP TRIGGER dossier_events_append_only ON dossier_events');
  } else {
    await db.raw('DROP TRIGGER dossier_events_no_update');
    await db.raw('DROP TRIGGER dossier_events_no_delete');
  }
  const idOf = async (code: string) => (await db('dossiers').where({ code }).first('id')).id as number;
  const events = (code: string) => idOf(code).then((id) => db('dossier_events').where({ dossier_id: id }));

  await db('dossier_events')
    .where({ dossier_id: await idOf(payload.code), seq: 5 })
    .update({ payload: JSON.stringify({ elementId: 'KyBanSao', elementType: 'bpmn:UserTask', note: 'sửa' }) });
  // Swap events 3 and 6 (through a free number, the pair is unique).
  const orderId = await idOf(order.code);
  await db('dossier_events').where({ dossier_id: orderId, seq: 3 }).update({ seq: 1000 });
  await db('dossier_events').where({ dossier_id: orderId, seq: 6 }).update({ seq: 3 });
  await db('dossier_events').where({ dossier_id: orderId, seq: 1000 }).update({ seq: 6 });
  await db('dossier_events')
    .where({ dossier_id: await idOf(deleted.code), seq: 4 })
    .delete();
  // Insert a made-up event at 4, moving the rest up by one.
  const insertedId = await idOf(inserted.code);
  await db('dossier_events')
    .where({ dossier_id: insertedId })
    .where('seq', '>=', 4)
    .update({ seq: db.raw('seq + 1000') });
  await db('dossier_events')
    .where({ dossier_id: insertedId })
    .where('seq', '>=', 1000)
    .update({ seq: db.raw('seq - 999') });
  const [third] = (await events(inserted.code)).filter((e) => e.seq === 3);
  await db('dossier_events').insert({
    ...third,
    id: undefined,
    seq: 4,
    type: 'task.completed',
    payload: JSON.stringify({ taskId: 1, outcome: 'found' }),
  });
  // Append an event after the last one, hashed by the documented rule (the attacker knows it).
  const last = (await events(appended.code)).at(-1)!;
  const extra = {
    seq: last.seq + 1,
    type: 'status.changed',
    actorId: null,
    actorUnit: null,
    at: last.at,
    payload: { from: 4, to: 10 },
    bpmnSha256: null,
  };
  await db('dossier_events').insert({
    dossier_id: last.dossier_id,
    seq: extra.seq,
    type: extra.type,
    actor_id: null,
    actor_unit: null,
    at: extra.at,
    payload: JSON.stringify(extra.payload),
    bpmn_sha256: null,
    hash: chainHash(last.hash, extra),
  });
  await db('dossier_events')
    .where({ dossier_id: await idOf(truncated.code), seq: truncated.version })
    .delete();

  t.match(await verify(h, payload.code), { ok: false, firstBadSeq: 5, problem: 'hash-mismatch' }, 'changed payload');
  t.match(await verify(h, order.code), { ok: false, firstBadSeq: 3, problem: 'hash-mismatch' }, 'changed order');
  t.match(await verify(h, deleted.code), { ok: false, firstBadSeq: 4, problem: 'missing-event' }, 'deleted event');
  t.match(await verify(h, inserted.code), { ok: false, firstBadSeq: 4, problem: 'hash-mismatch' }, 'inserted event');
  t.match(
    await verify(h, appended.code),
    { ok: false, firstBadSeq: appended.version + 1, problem: 'unexpected-event' },
    'appended event',
  );
  t.match(
    await verify(h, truncated.code),
    { ok: false, firstBadSeq: truncated.version, problem: 'missing-event' },
    'truncated history',
  );
  t.same(await verify(h, intact.code), { ok: true, events: intact.version }, 'the untouched dossier still verifies');
  t.match(
    (await verify(h, payload.code)).reason,
    /Sự kiện số 5 không khớp mã băm/,
    'the reason is given in Vietnamese',
  );

  const after = await cli(h.databaseUrl, 'verify', '--all');
  t.equal(after.code, 1, 'verify --all exits non-zero');
  for (const [dossier, seq] of [
    [payload, 5],
    [order, 3],
    [deleted, 4],
    [inserted, 4],
  ] as const) {
    t.match(after.stdout, `BROKEN ${dossier.code}: sự kiện ${seq} —`, `names ${dossier.code} at event ${seq}`);
  }
  t.match(after.stdout, /6\/7 hồ sơ có chuỗi băm bị phá vỡ/);
  t.notMatch(after.stdout, intact.code);
});
