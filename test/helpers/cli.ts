import { spawn, type ChildProcess } from 'node:child_process';
import { projectRoot } from '../../src/project.js';

export interface Run {
  child: ChildProcess;
  /** Exit code (null when killed), and what the command printed. */
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Starts `motcua …` as a child process on the test's database (the way an operator runs it). */
export function motcua(databaseUrl: string, ...args: string[]): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return { child, done: new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr }))) };
}
