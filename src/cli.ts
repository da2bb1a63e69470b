#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import type { Verification } from './audit/verify.js';
import { readConfig } from './config.js';
import { openSystem, type System } from './system.js';

const USAGE = `Usage: motcua <command>

  verify --all            verify the audit chain of every dossier (exit 1 if any is broken)
  verify CODE [CODE…]     verify the given dossiers

The database is DATABASE_URL's (README "Configuration").`;

/** Command-line tools for operators and auditors; `npm start` serves the API. */
async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command !== 'verify' || !rest.length) {
    console.error(USAGE);
    return 2;
  }
  const config = readConfig();
  const file = config.databaseUrl.startsWith('sqlite:') ? config.databaseUrl.slice('sqlite:'.length) : null;
  if (file && !existsSync(file)) {
    console.error(`No database at ${file}.`);
    return 2;
  }
  const system = await openSystem({ databaseUrl: config.databaseUrl, adminPassword: config.adminPassword, demoAccounts: config.demoAccounts });
  try {
    return rest[0] === '--all' ? await verifyAll(system) : await verifySome(system, rest);
  } finally {
    await system.close();
  }
}

async function verifyAll(system: System): Promise<number> {
  const bar = new SingleBar({
    format: 'Kiểm tra chuỗi băm |{bar}| {value}/{total} hồ sơ',
    stream: process.stderr,
    noTTYOutput: true,
    notTTYSchedule: 2000,
  });
  let total = 0;
  const broken: string[] = [];
  const progress = (done: number, all: number) => {
    if (!total) bar.start(all, 0);
    total = all;
    bar.update(done);
  };
  for await (const { code, verification } of system.audit.verifyAll(progress)) broken.push(describe(code, verification));
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
  return verification.ok ? `OK ${code}: ${verification.events} sự kiện` : `BROKEN ${code}: sự kiện ${verification.firstBadSeq} — ${verification.reason}`;
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

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
