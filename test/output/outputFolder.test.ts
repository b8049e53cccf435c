import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { lockOutput, releaseLock } from '../../src/output/buildLock.ts';
import { buildsFolderOf, OUTPUT_MARKER } from '../../src/output/buildsFolder.ts';
import { filesNotOurs } from '../../src/output/foreignFiles.ts';
import { discardBuild, publishBuild, startBuild } from '../../src/output/outputFolder.ts';
import { OutputRefusedError, unsafeOutputReason } from '../../src/output/outputSafety.ts';
import { tempDir } from '../helpers/run.ts';
import { scratchFolders } from '../helpers/scratch.ts';

const scratch = scratchFolders();
after(() => scratch.removeAll());

/** A content folder with one page, in a new scratch folder. */
function contentFolder(): { root: string; content: string } {
  const root = scratch.keep(tempDir());
  const content = path.join(root, 'content');
  mkdirSync(content);
  writeFileSync(path.join(content, 'index.md'), '---\ntitle: Home\n---\n');
  return { root, content };
}

/** Builds one site by hand (as the CLI does): files written into a fresh build folder, then published. */
function publish(output: string, input: string, files: Record<string, string>): string {
  const build = startBuild(output, input);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(build, name)), { recursive: true });
    writeFileSync(path.join(build, name), text);
  }
  publishBuild(output, build, input);
  releaseLock(output);
  return build;
}

describe('unsafeOutputReason', () => {
  const { root, content } = contentFolder();

  it('refuses the content folder itself, however it is written', () => {
    assert.match(unsafeOutputReason(content, content)!, /is the content folder/);
    assert.match(unsafeOutputReason(content, path.join(content, 'sub', '..'))!, /is the content folder/);
  });

  it('refuses a folder that contains the content folder', () => {
    assert.match(unsafeOutputReason(content, root)!, /contains the content folder/);
    assert.match(unsafeOutputReason(content, path.parse(root).root)!, /contains the content folder/);
  });

  it('refuses an output that is a link to the content folder or to a folder holding it', () => {
    symlinkSync('content', path.join(root, 'to-content'));
    symlinkSync('.', path.join(root, 'to-root'));
    assert.match(unsafeOutputReason(content, path.join(root, 'to-content'))!, /is the content folder/);
    assert.match(unsafeOutputReason(content, path.join(root, 'to-root'))!, /contains the content folder/);
  });

  it('refuses an output whose builds folder would be the content folder or hold it', () => {
    const inside = path.join(root, 'site.guidebook', 'content');
    mkdirSync(inside, { recursive: true });
    assert.match(unsafeOutputReason(path.join(root, 'site.guidebook'), path.join(root, 'site'))!, /builds folder site\.guidebook .* would hold the content folder/);
    assert.match(unsafeOutputReason(inside, path.join(root, 'site'))!, /would hold the content folder/);
  });

  it('refuses a link it did not make', () => {
    mkdirSync(path.join(root, 'elsewhere'));
    symlinkSync('elsewhere', path.join(root, 'linked'));
    assert.match(unsafeOutputReason(content, path.join(root, 'linked'))!, /is a link to elsewhere, which this generator did not make/);
  });

  it('refuses a non-empty folder this generator did not write', () => {
    const other = path.join(root, 'other');
    mkdirSync(other);
    writeFileSync(path.join(other, 'notes.txt'), 'mine');
    assert.match(unsafeOutputReason(content, other)!, /did not write/);
  });

  it('refuses a file', () => {
    assert.match(unsafeOutputReason(content, path.join(content, 'index.md'))!, /is a file/);
  });

  it('accepts a new folder, an empty one, one it wrote, and one inside the content folder', () => {
    assert.equal(unsafeOutputReason(content, path.join(root, 'new')), undefined);
    mkdirSync(path.join(root, 'empty'));
    assert.equal(unsafeOutputReason(content, path.join(root, 'empty')), undefined);
    const ours = path.join(root, 'ours');
    mkdirSync(ours);
    writeFileSync(path.join(ours, OUTPUT_MARKER), '');
    writeFileSync(path.join(ours, 'index.html'), 'old');
    assert.equal(unsafeOutputReason(content, ours), undefined);
    assert.equal(unsafeOutputReason(content, path.join(content, '_site')), undefined);
  });
});

describe('files this generator did not write', () => {
  it('are what a published build does not list: .git and CNAME, named once each', () => {
    const { root, content } = contentFolder();
    const output = path.join(root, 'site');
    const build = publish(output, content, { 'index.html': 'home', 'a/index.html': 'a' });
    assert.deepEqual(filesNotOurs(build), []);
    mkdirSync(path.join(output, '.git', 'objects'), { recursive: true });
    writeFileSync(path.join(output, '.git', 'HEAD'), 'ref');
    writeFileSync(path.join(output, 'CNAME'), 'docs.example.org');
    writeFileSync(path.join(output, 'a', 'notes.txt'), 'mine');
    assert.deepEqual(filesNotOurs(build).sort(), ['.git', 'CNAME', 'a/notes.txt']);
    assert.equal(
      unsafeOutputReason(content, output),
      `the output folder ${output} holds .git, CNAME and a/notes.txt, which this generator did not write; it never deletes them. Choose another --output, or move them.`,
    );
  });

  it('in a folder written before builds listed their files, are dot files and top-level files without an extension', () => {
    const { root, content } = contentFolder();
    const output = path.join(root, 'site');
    mkdirSync(path.join(output, 'a'), { recursive: true });
    writeFileSync(path.join(output, OUTPUT_MARKER), 'Written by the guidebook generator; the next build replaces this folder.\n');
    for (const name of ['index.html', '_headers', 'sitemap.xml', 'a/index.html']) writeFileSync(path.join(output, name), '');
    mkdirSync(path.join(output, '.staging-123'));
    assert.equal(unsafeOutputReason(content, output), undefined);
    mkdirSync(path.join(output, '.git'));
    writeFileSync(path.join(output, 'CNAME'), 'docs.example.org');
    assert.match(unsafeOutputReason(content, output)!, /holds \.git and CNAME, which this generator did not write/);
    // A CNAME the content has is copied by a Jekyll build: ours.
    writeFileSync(path.join(content, 'CNAME'), 'docs.example.org');
    assert.deepEqual(filesNotOurs(output, content), ['.git']);
  });
});

describe('publishing', () => {
  it('swaps a new build in by renaming a link, keeps the old site whole meanwhile, and deletes the old build', () => {
    const { root, content } = contentFolder();
    const output = path.join(root, 'site');
    const first = publish(output, content, { 'index.html': 'first', 'old/index.html': 'old' });
    assert.ok(lstatSync(output).isSymbolicLink());
    assert.equal(readlinkSync(output), path.join('site.guidebook', 'builds', path.basename(first)), 'a relative link into the builds folder');

    const second = startBuild(output, content);
    writeFileSync(path.join(second, 'index.html'), 'second');
    // While the second build runs, readers still see the whole first site.
    assert.equal(readFileSync(path.join(output, 'index.html'), 'utf8'), 'first');
    assert.ok(existsSync(path.join(output, 'old', 'index.html')));
    publishBuild(output, second, content);
    releaseLock(output);
    assert.deepEqual(readdirSync(output).sort(), [OUTPUT_MARKER, 'index.html']);
    assert.equal(readFileSync(path.join(output, 'index.html'), 'utf8'), 'second');
    assert.deepEqual(readdirSync(path.join(buildsFolderOf(output), 'builds')), [path.basename(second)]);
    assert.deepEqual(readdirSync(buildsFolderOf(output)), ['builds'], 'the builds folder holds the builds and, during a build, the lock');
  });

  it('migrates an output folder an earlier version wrote: moved into the builds folder, then linked', () => {
    const { root, content } = contentFolder();
    const output = path.join(root, 'site');
    mkdirSync(output);
    writeFileSync(path.join(output, OUTPUT_MARKER), 'Written by the guidebook generator; the next build replaces this folder.\n');
    writeFileSync(path.join(output, 'index.html'), 'legacy');
    const build = startBuild(output, content);
    assert.equal(readFileSync(path.join(output, 'index.html'), 'utf8'), 'legacy', 'the old site is served while the build runs');
    writeFileSync(path.join(build, 'index.html'), 'new');
    publishBuild(output, build, content);
    releaseLock(output);
    assert.ok(lstatSync(output).isSymbolicLink());
    assert.equal(readFileSync(path.join(output, 'index.html'), 'utf8'), 'new');
    const kept = readdirSync(path.join(buildsFolderOf(output), 'builds')).filter((id) => id !== path.basename(build));
    assert.equal(kept.length, 1);
    assert.match(kept[0]!, /-before$/);
  });

  it('keeps an old output folder moved aside, with files it did not write, through later builds', () => {
    const { root, content } = contentFolder();
    const output = path.join(root, 'site');
    mkdirSync(path.join(output, 'docs'), { recursive: true });
    writeFileSync(path.join(output, OUTPUT_MARKER), 'Written by the guidebook generator; the next build replaces this folder.\n');
    writeFileSync(path.join(output, 'google123.html'), 'google-site-verification');
    writeFileSync(path.join(output, 'robots.txt'), 'User-agent: *');
    writeFileSync(path.join(output, 'docs', '.htaccess'), 'Deny from all');
    const logged: string[] = [];
    const log = console.log;
    console.log = (...args: unknown[]) => void logged.push(args.join(' '));
    try {
      publish(output, content, { 'index.html': 'first' });
    } finally {
      console.log = log;
    }
    publish(output, content, { 'index.html': 'second' });
    const builds = path.join(buildsFolderOf(output), 'builds');
    const before = readdirSync(builds).find((id) => id.endsWith('-before'))!;
    assert.ok(before, 'the old folder is kept');
    assert.equal(readFileSync(path.join(builds, before, 'google123.html'), 'utf8'), 'google-site-verification');
    assert.equal(readFileSync(path.join(builds, before, 'robots.txt'), 'utf8'), 'User-agent: *');
    assert.equal(readFileSync(path.join(builds, before, 'docs', '.htaccess'), 'utf8'), 'Deny from all');
    assert.deepEqual(logged, [`The old output folder ${output} was moved to ${path.join(builds, before)}; delete it when you no longer need it.`]);
  });

  it('refuses to publish when files we did not write appeared in the published site during the build, and drops its own build', () => {
    const { root, content } = contentFolder();
    const output = path.join(root, 'site');
    const first = publish(output, content, { 'index.html': 'first' });
    const second = startBuild(output, content);
    writeFileSync(path.join(output, 'CNAME'), 'docs.example.org');
    assert.throws(() => publishBuild(output, second, content), (error: Error) => error instanceof OutputRefusedError && /holds CNAME/.test(error.message));
    assert.ok(!existsSync(second));
    assert.equal(readlinkSync(output), path.join('site.guidebook', 'builds', path.basename(first)));
    assert.equal(readFileSync(path.join(output, 'CNAME'), 'utf8'), 'docs.example.org');
  });

  it('a failed first build leaves nothing behind; a failed later build leaves the published site', () => {
    const { root, content } = contentFolder();
    const output = path.join(root, 'site');
    discardBuild(output, startBuild(output, content));
    assert.ok(!existsSync(output) && !existsSync(buildsFolderOf(output)));
    const first = publish(output, content, { 'index.html': 'first' });
    discardBuild(output, startBuild(output, content));
    assert.deepEqual(readdirSync(path.join(buildsFolderOf(output), 'builds')), [path.basename(first)]);
    assert.equal(readFileSync(path.join(output, 'index.html'), 'utf8'), 'first');
  });

  it('the next build removes what a killed build left: its build folder and a half-made link', () => {
    const { root, content } = contentFolder();
    const output = path.join(root, 'site');
    const first = publish(output, content, { 'index.html': 'first' });
    const builds = path.join(buildsFolderOf(output), 'builds');
    mkdirSync(path.join(builds, 'killed-1', 'a'), { recursive: true });
    symlinkSync('site.guidebook/builds/killed-1', path.join(buildsFolderOf(output), 'next-link'));
    const build = startBuild(output, content);
    assert.deepEqual(readdirSync(builds).sort(), [path.basename(first), path.basename(build)].sort());
    assert.deepEqual(readdirSync(buildsFolderOf(output)).sort(), ['builds', 'lock']);
    discardBuild(output, build);
  });
});

describe('the lock', () => {
  it('refuses a second build while one holds the output, with a one-line message', () => {
    const { root } = contentFolder();
    const output = path.join(root, 'site');
    lockOutput(output);
    assert.throws(
      () => lockOutput(output),
      (error: Error) =>
        error instanceof OutputRefusedError && error.message === `another build (process ${process.pid}) is writing ${output}; run this one when it has finished (npm start holds its output folder while it runs). Its lock is ${path.join(buildsFolderOf(output), 'lock')}; if no build is running, delete it.`,
    );
    releaseLock(output);
    lockOutput(output);
    releaseLock(output);
  });

  it('takes over the lock of a process that no longer runs', () => {
    const { root } = contentFolder();
    const output = path.join(root, 'site');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    mkdirSync(buildsFolderOf(output));
    writeFileSync(path.join(buildsFolderOf(output), 'lock'), `${gone.stdout}\n`);
    lockOutput(output);
    assert.equal(readFileSync(path.join(buildsFolderOf(output), 'lock'), 'utf8'), `${process.pid}\n`);
    assert.deepEqual(readdirSync(buildsFolderOf(output)), ['lock'], 'the stale lock moved aside is gone');
    releaseLock(output);
  });

  it('takes over an empty lock file (a build killed as it took the lock)', () => {
    const { root } = contentFolder();
    const output = path.join(root, 'site');
    mkdirSync(buildsFolderOf(output));
    writeFileSync(path.join(buildsFolderOf(output), 'lock'), '');
    lockOutput(output);
    assert.equal(readFileSync(path.join(buildsFolderOf(output), 'lock'), 'utf8'), `${process.pid}\n`);
    assert.deepEqual(readdirSync(buildsFolderOf(output)), ['lock'], 'no temporary or stale file is left');
    releaseLock(output);
  });
});
