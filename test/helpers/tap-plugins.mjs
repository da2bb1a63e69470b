// tap builds its Test class from the plugins in package.json ("tap"."plugin") and rebuilds it when they change, but the
// run that notices the change still loads the test files with the plugins it started with. A fresh `npm install` ships
// the default build (ts-node through @tapjs/typescript), so the first `npm test` would run every test process under
// ts-node, at twice the CPU. `npm test` runs this first: it builds tap's plugins when the installed build is the default.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const modules = new URL('../../node_modules/', import.meta.url);
const built = readFileSync(new URL('@tapjs/test/test-built/dist/esm/index.js', modules), 'utf8');
if (built.includes('@tapjs/typescript')) {
  console.error('tap: building its plugins as package.json names them (once after an install)');
  execFileSync(process.execPath, [fileURLToPath(new URL('.bin/tap', modules)), 'build'], { stdio: 'inherit' });
}
