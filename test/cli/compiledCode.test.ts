import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { codeCacheDir, compiledEntry } from '../../src/cli/compiledCode.mjs';
import { tempDir } from '../helpers/run.ts';

/** A small project laid out like ours: two commands sharing one module, the build importing its configuration. */
function makeProject(answer: number): string {
  const root = tempDir('guidebook-code-');
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write('src/site/answer.ts', `export const answer: number = ${answer};\nexport const here: string = import.meta.url;\nexport const shared: object = {};\n`);
  write('src/cli/build.ts', `import configure from '../../.eleventy.ts';\nexport { answer, here, shared } from '../site/answer.ts';\nexport const configured: number = configure();\n`);
  write('src/cli/check-links.ts', `export { answer, shared } from '../site/answer.ts';\n`);
  write('.eleventy.ts', `import { answer } from './src/site/answer.ts';\nexport default (): number => answer + 1;\n`);
  return root;
}

/** What the small project's compiled commands export (check-links has no `configured` or `here`). */
interface CompiledCommand {
  answer: number;
  configured?: number;
  here?: string;
  shared: object;
}

/** Imports a compiled command: its exports as the small project writes them. */
const importCommand = async (url: string) => (await import(url)) as CompiledCommand;

/** Changes a file and moves its modification time on, as an editor's save does. */
function edit(file: string, text: string): void {
  writeFileSync(file, text);
  const later = new Date(Date.now() + 5_000);
  utimesSync(file, later, later);
}

describe('compiledEntry (the launcher runs one-off commands compiled)', () => {
  it('compiles the commands with the configuration the build imports; modules keep their source location', async () => {
    const root = makeProject(41);
    const url = await compiledEntry('build', { projectRoot: root });
    assert.ok(url, 'the project compiles');
    assert.ok(url.startsWith(pathToFileURL(codeCacheDir(root)).href), url);
    const build = await importCommand(url);
    assert.equal(build.answer, 41);
    assert.equal(build.configured, 42, 'the configuration is part of the compiled build');
    assert.equal(build.here, pathToFileURL(path.join(root, 'src', 'site', 'answer.ts')).href, 'import.meta.url is the source file');
    assert.deepEqual(readdirSync(path.dirname(new URL(url).pathname)).filter((f) => f.endsWith('.js') && !f.startsWith('chunk-')).sort(), ['build.js', 'check-links.js']);
  });

  it('loads a module the two commands share once: both get the same instance', async () => {
    const root = makeProject(5);
    const build = await importCommand((await compiledEntry('build', { projectRoot: root }))!);
    const checkLinks = await importCommand((await compiledEntry('check-links', { projectRoot: root }))!);
    assert.equal(build.shared, checkLinks.shared);
  });

  it('reuses the compiled copy until a source file changes, then compiles again', async () => {
    const root = makeProject(1);
    const first = await compiledEntry('build', { projectRoot: root });
    assert.equal(await compiledEntry('build', { projectRoot: root }), first, 'nothing changed: the same copy');
    assert.equal(readdirSync(codeCacheDir(root)).length, 1);

    edit(path.join(root, 'src', 'site', 'answer.ts'), 'export const answer: number = 2;\nexport const here = "";\n');
    const second = await compiledEntry('build', { projectRoot: root });
    assert.ok(second && second !== first, 'an edit gives a new copy');
    assert.equal((await importCommand(second)).answer, 2);
  });

  it('gives one complete copy to commands starting at the same time', async () => {
    const root = makeProject(7);
    const urls = await Promise.all([1, 2, 3, 4].map(() => compiledEntry('check-links', { projectRoot: root })));
    assert.equal(new Set(urls).size, 1);
    assert.equal((await importCommand(urls[0]!)).answer, 7);
    assert.deepEqual(readdirSync(codeCacheDir(root)).filter((f) => f.startsWith('.new-')), [], 'no half-written copy is left');
  });

  it('leaves code that does not compile, and unknown commands, to tsx', async () => {
    const root = makeProject(3);
    edit(path.join(root, 'src', 'site', 'answer.ts'), 'export const answer = ;\n');
    assert.equal(await compiledEntry('build', { projectRoot: root }), undefined);
    assert.equal(await compiledEntry('nginx-headers', { projectRoot: makeProject(3) }), undefined);
  });
});
