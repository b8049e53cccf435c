// The shape of the code a newcomer has to follow (issue 18): no import cycle among our own
// modules, and no file in src/ or layouts/ longer than a reader can keep in mind. Imports are
// read with TypeScript's own pre-processor, so one in a comment or a string does not count, while
// type-only imports, `export … from` and `import('…')` do: each ties two files together.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { projectRoot } from '../helpers/run.ts';

const MAX_LINES = 300;
/** Files allowed past MAX_LINES, each with the reason a split would make it worse. None today. */
const LONG_FILES_ALLOWED: Record<string, string> = {};

/** A module's path relative to the project, with `/`. */
type ModulePath = string;
type ImportGraph = Map<ModulePath, ModulePath[]>;

const relative = (absolute: string): ModulePath => path.relative(projectRoot, absolute).split(path.sep).join('/');

/** Every file under `folder` (relative paths), sorted. */
function filesUnder(folder: string): ModulePath[] {
  return readdirSync(path.join(projectRoot, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(path.join(entry.parentPath, entry.name)))
    .sort();
}

const isModule = (file: ModulePath) => /\.(ts|mjs)$/.test(file);

/** Our modules: every .ts and .mjs file under src/ and layouts/, and .eleventy.ts. */
function ourModules(): ModulePath[] {
  return [...filesUnder('src'), ...filesUnder('layouts'), '.eleventy.ts'].filter(isModule);
}

/** The relative specifiers a module imports, whatever the form (static, type-only, re-export, dynamic). */
function relativeImports(source: string): string[] {
  const { importedFiles } = ts.preProcessFile(source, true, true);
  return importedFiles.map((f) => f.fileName).filter((name) => name.startsWith('./') || name.startsWith('../'));
}

/** Each module's imports of our modules; an import naming no file is a failure of its own. */
function importGraph(modules: readonly ModulePath[]): { graph: ImportGraph; unresolved: string[] } {
  const known = new Set(modules);
  const graph: ImportGraph = new Map();
  const unresolved: string[] = [];
  for (const module of modules) {
    const targets: ModulePath[] = [];
    for (const specifier of relativeImports(readFileSync(path.join(projectRoot, module), 'utf8'))) {
      const absolute = path.resolve(projectRoot, path.dirname(module), specifier);
      if (!existsSync(absolute) || !statSync(absolute).isFile()) {
        unresolved.push(`${module} imports ${specifier}, which is no file`);
        continue;
      }
      const target = relative(absolute);
      if (known.has(target) && !targets.includes(target)) targets.push(target);
    }
    graph.set(module, targets);
  }
  return { graph, unresolved };
}

/**
 * One cycle in each group of modules that import one another, as `a → b → a`. Groups are
 * Tarjan's strongly connected components; within a group, the path back to its first module is
 * found breadth first, so the cycle shown is a shortest one through that module.
 */
function importCycles(graph: ImportGraph): string[] {
  let counter = 0;
  const index = new Map<ModulePath, number>();
  const lowLink = new Map<ModulePath, number>();
  const stack: ModulePath[] = [];
  const onStack = new Set<ModulePath>();
  const groups: ModulePath[][] = [];
  const connect = (module: ModulePath) => {
    index.set(module, counter);
    lowLink.set(module, counter++);
    stack.push(module);
    onStack.add(module);
    for (const next of graph.get(module) ?? []) {
      if (!index.has(next)) {
        connect(next);
        lowLink.set(module, Math.min(lowLink.get(module)!, lowLink.get(next)!));
      } else if (onStack.has(next)) {
        lowLink.set(module, Math.min(lowLink.get(module)!, index.get(next)!));
      }
    }
    if (lowLink.get(module) !== index.get(module)) return;
    const group: ModulePath[] = [];
    let member: ModulePath;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== module);
    const selfImport = graph.get(module)?.includes(module) ?? false;
    if (group.length > 1 || selfImport) groups.push(group.sort());
  };
  for (const module of [...graph.keys()].sort()) if (!index.has(module)) connect(module);
  return groups.map((group) => cycleThrough(group[0]!, new Set(group), graph).join(' → '));
}

/** A shortest path from `start` back to itself inside `group`, ends included. */
function cycleThrough(start: ModulePath, group: ReadonlySet<ModulePath>, graph: ImportGraph): ModulePath[] {
  const cameFrom = new Map<ModulePath, ModulePath>();
  const queue: ModulePath[] = [start];
  for (let at = 0; at < queue.length; at++) {
    const module = queue[at]!;
    for (const next of graph.get(module) ?? []) {
      if (!group.has(next)) continue;
      if (next === start) {
        // Walk back from the module that imports `start` to `start` itself (which came from nowhere).
        const route: ModulePath[] = [];
        for (let step: ModulePath | undefined = module; step !== undefined; step = cameFrom.get(step)) route.unshift(step);
        return [...route, start];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, module);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

/** The files in src/ and layouts/ over MAX_LINES lines, with their length, unless allowed. */
function longFiles(): string[] {
  return [...filesUnder('src'), ...filesUnder('layouts')].flatMap((file) => {
    const text = readFileSync(path.join(projectRoot, file), 'utf8');
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    return lines > MAX_LINES && !(file in LONG_FILES_ALLOWED) ? [`${file}: ${lines} lines`] : [];
  });
}

describe('the modules', () => {
  const modules = ourModules();
  const { graph, unresolved } = importGraph(modules);

  it('reads the imports of every module, in every form', () => {
    assert.ok(modules.includes('.eleventy.ts') && modules.includes('src/cli/launch.mjs') && modules.some((m) => m.startsWith('layouts/')));
    assert.deepEqual(unresolved, [], 'every relative import names a file');
    // A type-only import, a re-export and a dynamic import each make an edge.
    assert.deepEqual(relativeImports("import type { A } from './a.ts';\nexport { b } from './b.ts';\nawait import('./c.ts');\n// import './d.ts'\nconst e = \"import './e.ts'\";"), ['./a.ts', './b.ts', './c.ts']);
    assert.ok(graph.get('src/links/checkLinks.ts')?.includes('src/links/checkExternal.ts'), 'checkLinks imports checkExternal (a type import and a dynamic one)');
  });

  it('import no module that imports them back (no cycle)', () => {
    assert.deepEqual(importCycles(graph), [], 'each line is one cycle: break it by moving what both sides need into a module of its own');
  });

  it(`in src/ and layouts/ are at most ${MAX_LINES} lines long`, () => {
    assert.deepEqual(longFiles(), [], 'split each along its seams into modules with one job');
    for (const [file, reason] of Object.entries(LONG_FILES_ALLOWED)) assert.ok(existsSync(path.join(projectRoot, file)) && reason.length > 0, `${file}: allowed, with a reason, and still there`);
  });
});

describe('importCycles', () => {
  const graphOf = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

  it('names each cycle from its first module back to it', () => {
    assert.deepEqual(importCycles(graphOf({ a: ['b'], b: ['a'], c: ['a'] })), ['a → b → a']);
    assert.deepEqual(importCycles(graphOf({ a: ['b'], b: ['c'], c: ['a', 'd'], d: [] })), ['a → b → c → a']);
    assert.deepEqual(importCycles(graphOf({ a: ['a'] })), ['a → a']);
    assert.deepEqual(importCycles(graphOf({ a: ['b'], b: ['a'], x: ['y'], y: ['x'] })), ['a → b → a', 'x → y → x']);
  });

  it('finds none where the imports only go one way', () => {
    assert.deepEqual(importCycles(graphOf({ a: ['b', 'c'], b: ['c'], c: [] })), []);
  });
});
