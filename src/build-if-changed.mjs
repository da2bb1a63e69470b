// Builds the server (tsc → dist/src) and the web app (Vite → dist/ui) only when their sources changed since their last
// build: `node src/build-if-changed.mjs server ui`. Plain JavaScript, so it runs before anything is compiled.
// A target is skipped only when its output exists and a SHA-256 of the paths and contents of all its input files equals
// the one recorded by its last successful build; any edit, added or deleted file, or new package-lock.json rebuilds it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const TARGETS = {
  server: {
    script: 'build:server',
    output: 'dist/src/main.js',
    inputs: ['src', 'migrations', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
  },
  // The web app imports some of src/ (schemas, messages, the BPMN rules).
  ui: { script: 'build:ui', output: 'dist/ui/index.html', inputs: ['ui', 'src', 'package-lock.json'] },
};

function files(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

function sourceHash(inputs) {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap((input) => files(join(root, input))))
    hash.update(`${file}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

const names = process.argv.slice(2);
if (names.length === 0) throw new Error(`name the targets to build: ${Object.keys(TARGETS).join(', ')}`);
for (const name of names) {
  const target = TARGETS[name];
  if (!target) throw new Error(`unknown build target ${name}: expected ${Object.keys(TARGETS).join(' or ')}`);
  const stamp = join(root, 'dist', `.${name}-sources.sha256`);
  const hash = sourceHash(target.inputs);
  if (existsSync(join(root, target.output)) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) {
    console.log(`${name}: unchanged since the last build`);
    continue;
  }
  execFileSync('npm', ['run', '--silent', target.script], { cwd: root, stdio: 'inherit' });
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(stamp, hash);
}
