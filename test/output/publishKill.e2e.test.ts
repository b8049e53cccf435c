// A build killed at any moment leaves the output whole: the old site or the new one, never a
// mix or a gap, and the next build cleans up after it. Builds a generated site of 3,000 pages
// (version A), then kills rebuilds of version B at moments spread over a whole B build.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { siteFiles } from '../helpers/builtSite.ts';
import { projectRoot, runCli, tempDir } from '../helpers/run.ts';
import { scratchFolders } from '../helpers/scratch.ts';

const scratch = scratchFolders();
after(() => scratch.removeAll());

const SECTIONS = 30;
const PAGES_PER_SECTION = 100;

/** Writes version `version` of the generated site: every page's text names the version. */
function writeContent(dir: string, version: string): void {
  writeFileSync(path.join(dir, 'index.md'), `---\ntitle: Home\n---\n\nVersion ${version} of the home page.\n`);
  for (let s = 0; s < SECTIONS; s++) {
    mkdirSync(path.join(dir, `s${s}`), { recursive: true });
    writeFileSync(path.join(dir, `s${s}`, 'index.md'), `---\ntitle: Section ${s}\n---\n\nVersion ${version} of section ${s}.\n`);
    for (let p = 0; p < PAGES_PER_SECTION; p++) {
      writeFileSync(path.join(dir, `s${s}`, `p${p}.md`), `---\ntitle: Page ${s}-${p}\nparent: Section ${s}\n---\n\nVersion ${version} of page ${s}-${p}.\n`);
    }
  }
}

/** Starts a build in its own process group, so the whole tree can be killed at once. */
function startBuildProcess(input: string, output: string) {
  const child = spawn(process.execPath, [path.join(projectRoot, 'src', 'cli', 'launch.mjs'), 'build', `--input=${input}`, `--output=${output}`, '--quiet'], {
    cwd: projectRoot,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  const kill = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // It finished first.
    }
  };
  return { kill, exited };
}

/**
 * Which version the output shows: 'A' or 'B' when its files are exactly those of that
 * version's full build and every page carries that version's text; else what is wrong.
 */
function versionOf(output: string, fullFiles: Record<string, readonly string[]>): string {
  const files = siteFiles(output);
  const sameAs = Object.keys(fullFiles).find((version) => fullFiles[version]!.join('\n') === files.join('\n'));
  if (!sameAs) return `the file list of neither full build (${files.length} files)`;
  const versions = new Set<string>();
  let pages = 0;
  for (const file of files.filter((f) => /^s\d+\/p\d+\/index\.html$/.test(f))) {
    pages++;
    const match = /Version ([AB]) of page/.exec(readFileSync(path.join(output, file), 'utf8'));
    versions.add(match ? match[1]! : `no version in ${file}`);
  }
  if (pages !== SECTIONS * PAGES_PER_SECTION) return `${pages} pages`;
  if (versions.size !== 1) return `a mix: ${[...versions].join(', ')}`;
  return [...versions][0] === sameAs ? sameAs : `${sameAs}'s files with pages of ${[...versions][0]}`;
}

describe('a build killed at any moment', () => {
  it('leaves the whole old site or the whole new one, and the next build succeeds and cleans up', async (t) => {
    const root = scratch.keep(tempDir());
    const contentA = path.join(root, 'a');
    const contentB = path.join(root, 'b');
    mkdirSync(contentA);
    mkdirSync(contentB);
    writeContent(contentA, 'A');
    writeContent(contentB, 'B');
    const output = path.join(root, 'site');
    const builds = path.join(`${output}.guidebook`, 'builds');
    const contentOf = { A: contentA, B: contentB };

    const first = await runCli('build', [`--input=${contentA}`, `--output=${output}`, '--quiet']);
    assert.equal(first.code, 0, first.stderr);
    const fullFiles: Record<string, string[]> = { A: siteFiles(output) };
    assert.equal(versionOf(output, fullFiles), 'A');

    // An unkilled B build: its duration spreads the kills; its files are B's full list.
    const started = performance.now();
    const unkilled = await startBuildProcess(contentB, output).exited;
    const duration = performance.now() - started;
    assert.equal(unkilled.code, 0, unkilled.stderr);
    fullFiles.B = siteFiles(output);
    assert.equal(versionOf(output, fullFiles), 'B');

    let published: 'A' | 'B' = 'B';
    const seen: string[] = [];
    for (const fraction of [0.01, 0.1, 0.25, 0.4, 0.55, 0.7, 0.82, 0.9, 0.96, 1.02]) {
      const building: 'A' | 'B' = published === 'A' ? 'B' : 'A';
      const build = startBuildProcess(contentOf[building], output);
      await new Promise((resolve) => setTimeout(resolve, fraction * duration));
      build.kill();
      const killed = await build.exited;
      const left = versionOf(output, fullFiles);
      seen.push(`${Math.round(fraction * duration)} ms: ${killed.signal ?? `exit ${killed.code}`}, ${left === published ? 'old' : 'new'}`);
      assert.ok(left === published || left === building, `killed at ${Math.round(fraction * duration)} ms, the output shows ${left}`);

      // The next build publishes the other version, leaving one build folder and no lock.
      const next: 'A' | 'B' = left === 'A' ? 'B' : 'A';
      const rebuilt = await runCli('build', [`--input=${contentOf[next]}`, `--output=${output}`, '--quiet']);
      assert.equal(rebuilt.code, 0, rebuilt.stderr);
      assert.equal(versionOf(output, fullFiles), next);
      assert.equal(readdirSync(builds).length, 1, `one build folder is left, not ${readdirSync(builds).join(', ')}`);
      assert.ok(!existsSync(path.join(`${output}.guidebook`, 'lock')));
      published = next;
    }
    t.diagnostic(`unkilled build: ${Math.round(duration)} ms; kills: ${seen.join('; ')}`);
  });
});
