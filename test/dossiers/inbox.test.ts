import t from 'tap';
import { testApp } from '../helpers/app.js';
import { receive } from '../helpers/drive.js';

t.test(
  'an officer’s inbox: the most urgent first, with the dossier, filtered by procedure and by claimed or not',
  async (t) => {
    const h = await testApp(t);
    const birth = await receive(h, '1.001193');
    h.clock.advanceHours(1);
    const copy = await receive(h, '2.000908');
    const inbox = async (query = '') => {
      const res = await h.request({ method: 'GET', url: `/api/tasks${query}`, as: 'canbo.phucxa' });
      t.equal(res.statusCode, 200);
      return res.json() as { id: number; dossierCode: string; status: string; dossier: Record<string, unknown> }[];
    };

    const all = await inbox();
    t.same(new Set(all.map((task) => task.dossierCode)), new Set([birth.code, copy.code]));
    t.match(all.find((task) => task.dossierCode === birth.code)!.dossier, {
      procedureCode: '1.001193',
      procedureName: birth.procedureName,
      applicantName: birth.applicant.fullName,
      statusCode: birth.statusCode,
      statusLabel: birth.statusLabel,
      dueAt: birth.dueAt,
    });
    t.same(
      (await inbox('?procedure=2.000908')).map((task) => task.dossierCode),
      [copy.code],
      'by procedure',
    );

    const first = all.find((task) => task.dossierCode === birth.code)!;
    t.equal(
      (await h.request({ method: 'POST', url: `/api/tasks/${first.id}/claim`, as: 'canbo.phucxa' })).statusCode,
      200,
    );
    t.same(
      (await inbox('?status=claimed')).map((task) => task.id),
      [first.id],
      'claimed ones',
    );
    t.notOk(
      (await inbox('?status=open')).some((task) => task.id === first.id),
      'open ones',
    );
    t.equal((await h.request({ method: 'GET', url: '/api/tasks?status=done', as: 'canbo.phucxa' })).statusCode, 400);
  },
);
