import { SingleBar } from 'cli-progress';
import type { Verification } from '../audit/verify.js';
import type { System } from '../system.js';

/** `verify --all` or `verify CODE…`: walks audit chains; exit 1 if any is broken. */
export async function verifyCommand(system: System, args: string[]): Promise<number> {
  if (!args.length) return 2;
  return args[0] === '--all' ? verifyAll(system) : verifySome(system, args);
}

async function verifyAll(system: System): Promise<number> {
  const bar = progressBar('Kiểm tra chuỗi băm |{bar}| {value}/{total} hồ sơ');
  let total = 0;
  const broken: string[] = [];
  const progress = (done: number, all: number) => {
    if (!total) bar.start(all, 0);
    total = all;
    bar.update(done);
  };
  for await (const { code, verification } of system.audit.verifyAll(progress))
    broken.push(describe(code, verification));
  if (total) bar.stop();
  for (const line of broken) console.log(line);
  console.log(
    broken.length
      ? `${broken.length}/${total} hồ sơ có chuỗi băm bị phá vỡ (audit chain broken).`
      : `Đã kiểm tra ${total} hồ sơ: mọi chuỗi băm nguyên vẹn (all audit chains intact).`,
  );
  return broken.length ? 1 : 0;
}

function describe(code: string, verification: Verification): string {
  return verification.ok
    ? `OK ${code}: ${verification.events} sự kiện`
    : `BROKEN ${code}: sự kiện ${verification.firstBadSeq} — ${verification.reason}`;
}

async function verifySome(system: System, codes: string[]): Promise<number> {
  let broken = 0;
  for (const code of codes) {
    const verification = await system.audit.verify(code);
    console.log(describe(code, verification));
    if (!verification.ok) broken++;
  }
  return broken ? 1 : 0;
}

/** A progress bar on stderr that also reports, every 2 s, when stderr is not a terminal. */
export function progressBar(format: string): SingleBar {
  return new SingleBar({ format, stream: process.stderr, noTTYOutput: true, notTTYSchedule: 2000 });
}
