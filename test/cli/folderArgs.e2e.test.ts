import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixturesDir, runCli, tempDir, type RunResult } from '../helpers/run.ts';
import { scratchFolders } from '../helpers/scratch.ts';

const scratch = scratchFolders();
const STACK_TRACE = /\n\s+at |node:internal|Error:/;
const content = path.join(fixturesDir, 'good-site');

/** A folder holding every wrong kind of path: a file, a dangling link, an unreadable folder. */
let dir = '';
before(() => {
  dir = scratch.keep(tempDir());
  writeFileSync(path.join(dir, 'notes.txt'), 'not a folder');
  symlinkSync(path.join(dir, 'gone'), path.join(dir, 'dangling'));
  mkdirSync(path.join(dir, 'locked'));
  chmodSync(path.join(dir, 'locked'), 0o000);
  mkdirSync(path.join(dir, 'built'));
});
after(() => {
  chmodSync(path.join(dir, 'locked'), 0o755);
  scratch.removeAll();
});

const commands = {
  build: (args: string[]) => runCli('build', ['--quiet', ...args], { cwd: dir, timeoutMs: 60_000 }),
  // `npm start` is `node src/cli/launch.mjs build --serve`: the same command line.
  start: (args: string[]) => runCli('build', ['--serve', '--port=1', ...args], { cwd: dir, timeoutMs: 60_000 }),
  'check-links': (args: string[]) => runCli('check-links', args, { cwd: dir, timeoutMs: 60_000 }),
};

/** One line on stderr, nothing else: no stack trace, no usage text. */
function assertOneLine(result: RunResult, code: number, message: RegExp): void {
  assert.equal(result.code, code, result.stderr);
  assert.doesNotMatch(result.stderr, STACK_TRACE);
  assert.equal(result.stderr.trim().split('\n').length, 1, `one line, not:\n${result.stderr}`);
  assert.match(result.stderr.trim(), message);
}

const runningAsRoot = process.getuid?.() === 0;

for (const [name, run] of Object.entries(commands)) {
  // `npm run check-links` stops with 2 (a usage error), the build with 1 as its other refusals.
  const code = name === 'check-links' ? 2 : 1;
  // check-links reads a built site; the build writes one (to the first folder that can be).
  const output = name === 'check-links' ? '--output=built' : '--output=site';
  describe(`npm ${name === 'start' ? 'start' : `run ${name}`}: a wrong --input`, () => {
    it('that does not exist says so and how to pass one', async () => {
      assertOneLine(await run(['--input=./nope', output]), code, /^error: the content folder \.\/nope does not exist\. Pass --input=DIR with your pages\.$/);
    });
    it('that is a file says it is not a folder', async () => {
      assertOneLine(await run(['--input=notes.txt', output]), code, /^error: the content folder notes\.txt is a file, not a folder\. Pass --input=DIR with your pages\.$/);
    });
    it('that is a dangling link names where it leads', async () => {
      assertOneLine(await run(['--input=dangling', output]), code, /^error: the content folder dangling is a link to .*gone, which does not exist\. Pass --input=DIR with your pages\.$/);
    });
    it('that cannot be read says so', { skip: runningAsRoot && 'root reads any folder' }, async () => {
      assertOneLine(await run(['--input=locked', output]), code, /^error: the content folder locked cannot be read \(permission denied\)\./);
    });
  });

  describe(`npm ${name === 'start' ? 'start' : `run ${name}`}: a wrong --output`, () => {
    it('that is a file says it is not a folder', async () => {
      assertOneLine(await run([`--input=${content}`, '--output=notes.txt']), code, /^error: the output notes\.txt is a file, not a (folder|built site)\. .*--output=DIR/);
    });
    it('under a file names the file', async () => {
      const result = await run([`--input=${content}`, '--output=notes.txt/site']);
      if (name === 'check-links') assertOneLine(result, code, /^error: there is no built site in notes\.txt\/site\. Build it first with `npm run build`/);
      else assertOneLine(result, code, /^error: the output folder notes\.txt\/site cannot be created: .*notes\.txt is a file, not a folder\. Pass another folder with --output=DIR\.$/);
    });
    it('that is a dangling link names where it leads, and creates nothing there', async () => {
      assertOneLine(await run([`--input=${content}`, '--output=dangling']), code, /^error: the output folder dangling is a link to .*gone, which does not exist\. .*--output=DIR/);
      assert.equal(existsSync(path.join(dir, 'gone')), false);
    });
  });
}

describe('npm run build: an output folder that cannot be created', () => {
  // /proc/self takes no new folder (Node's recursive mkdir once retried it forever); /sys/kernel
  // refuses mkdir even to root.
  for (const [output, parent] of [
    ['/proc/self/x', '/proc/self'],
    ['/sys/kernel/x', '/sys/kernel'],
  ] as const) {
    it(`${output} gives one line and exit 1, at once`, { skip: !existsSync(parent) && `${parent} does not exist on this machine` }, async () => {
      const result = await runCli('build', ['--quiet', `--input=${content}`, `--output=${output}`], { cwd: dir, timeoutMs: 15_000 });
      assertOneLine(result, 1, new RegExp(`^error: the output folder ${output} cannot be created: .*\\. Pass another folder with --output=DIR\\.$`));
    });
  }
});

describe('npm run check-links: no built site', () => {
  it('says how to build one', async () => {
    assertOneLine(await commands['check-links']([`--input=${content}`, '--output=never-built']), 2, /^error: there is no built site in never-built\. Build it first with `npm run build`/);
  });
});

describe('npm start: wrong dev-server flags', () => {
  it('refuses a --host that is no address, with the usage line', async () => {
    const result = await commands.start([`--input=${content}`, '--output=site', '--host=a b']);
    assert.equal(result.code, 2);
    assert.doesNotMatch(result.stderr, STACK_TRACE);
    assert.match(result.stderr, /^--host must be an address of this machine .* not "a b"\.\nUsage: npm run build -- .*--host=ADDRESS/);
  });
  it('refuses a --port that is no port', async () => {
    const result = await commands.start([`--input=${content}`, '--output=site', '--port=http']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^--port must be a whole number from 1 to 65535, not http\./);
  });
});
