import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import t from 'tap';
import ts from 'typescript';

// The house's rules, read from the code: imports go one way, and a room is entered through its public surface.
const SRC = resolve(import.meta.dirname, '../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Each source file of `src/` (relative path) with the files of `src/` it imports or re-exports, type-only included. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(SRC)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, false);
    const local = importedFiles
      .map((f) => f.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => relative(SRC, resolve(dirname(file), name.replace(/\.js$/, '.ts'))));
    graph.set(relative(SRC, file), local);
  }
  return graph;
}

/** The import circles of the graph, each as the files along it. */
function circles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

const graph = importGraph();

t.test('no module of src/ imports itself back through others', async (t) => {
  t.same(
    circles(graph).map((c) => c.join(' → ')),
    [],
  );
});

t.test('other rooms use dossiers/ through its public surface, src/dossiers/index.ts', async (t) => {
  const reaching = [...graph].flatMap(([file, imports]) =>
    file.startsWith('dossiers/')
      ? []
      : imports.filter((i) => i.startsWith('dossiers/') && i !== 'dossiers/index.ts').map((i) => `${file} → ${i}`),
  );
  t.same(reaching, []);
});

t.test('the rules can fail: a circle and a reach inside are found', async (t) => {
  const sample = new Map([
    ['a.ts', ['b.ts']],
    ['b.ts', ['c.ts']],
    ['c.ts', ['a.ts']],
  ]);
  t.same(circles(sample), [['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  t.ok(graph.get('system.ts')?.includes('dossiers/index.ts'), 'imports are read as files of src/');
});
