import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect, createServer } from 'node:net';
import { Writable } from 'node:stream';
import t from 'tap';
import { testApp } from '../helpers/app.js';
import { receiptBody } from '../helpers/fixtures.js';

const APPLICANT = { fullName: 'Phạm Thị Lụa', idNumber: '001190054321', phone: '0987654321', email: 'lua@example.vn' };

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A real SMTP server for the test: Python's standard-library debugging server, printing what it receives. */
async function smtpServer(port: number) {
  const child = spawn(
    'python3',
    ['-W', 'ignore', '-u', '-m', 'smtpd', '-n', '-c', 'DebuggingServer', `127.0.0.1:${port}`],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let received = '';
  child.stdout.on('data', (chunk) => (received += chunk));
  // Ready when it accepts a connection.
  for (let i = 0; i < 50 && !(await accepts(port)); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  return {
    received: () => received,
    stop: async () => {
      child.kill();
      await once(child, 'exit');
    },
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

const hasSmtpd = (() => {
  try {
    execFileSync('python3', ['-W', 'ignore', '-c', 'import smtpd']);
    return true;
  } catch {
    return false;
  }
})();

t.test(
  'notifications leave through the outbox: e-mail over SMTP, SMS to the log; a failed delivery is retried',
  { skip: hasSmtpd ? false : 'python3 with the smtpd module is needed for a local SMTP server' },
  async (t) => {
    const port = await freePort();
    const logs: string[] = [];
    const stream = new Writable({
      write: (chunk, _enc, done) => {
        logs.push(String(chunk));
        done();
      },
    });
    const h = await testApp(t, {
      smtp: { url: `smtp://127.0.0.1:${port}`, from: 'Một Cửa Hà Nội <motcua@hanoi.example>' },
      logger: { level: 'info', stream },
    });
    const dossier = (
      await h.request({
        method: 'POST',
        url: '/api/dossiers',
        as: 'canbo.phucxa',
        payload: { ...receiptBody('1.001193'), applicant: APPLICANT },
      })
    ).json();
    const id = (await h.app.system.db.knex('dossiers').where({ code: dossier.code }).first('id')).id;
    const { deliverer, outbox } = h.app.system;

    // No SMTP server yet: the SMS goes to the log, the e-mail fails and waits for its retry.
    t.equal(await deliverer.deliverDue(), 1);
    t.match(await outbox.ofDossier(id), [
      { channel: 'sms', status: 'sent' },
      { channel: 'email', status: 'pending' },
    ]);
    t.ok(
      logs.some(
        (line) => line.includes('"channel":"sms"') && line.includes('0987654321') && line.includes(dossier.code),
      ),
      'the SMS is in the log',
    );
    const row = await h.app.system.db.knex('outbox').where({ dossier_id: id, channel: 'email' }).first();
    t.match(row, { attempts: 1, last_error: /ECONNREFUSED/ });
    t.equal(await deliverer.deliverDue(), 0, 'not retried before its time');

    const smtp = await smtpServer(port);
    t.teardown(smtp.stop);
    h.clock.advanceHours(1);
    t.equal(await deliverer.deliverDue(), 1, 'retried later, delivered');
    t.match(await outbox.ofDossier(id), [{ status: 'sent' }, { status: 'sent' }]);
    for (let i = 0; i < 20 && !smtp.received().includes('END MESSAGE'); i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    t.match(smtp.received(), /To: lua@example.vn/);
    t.match(smtp.received(), /<motcua@hanoi\.example>/, 'from the configured sender');
    t.match(smtp.received(), /Content-Type: text\/plain; charset=utf-8/);
    t.equal(await deliverer.deliverDue(), 0, 'nothing is sent twice');
  },
);
