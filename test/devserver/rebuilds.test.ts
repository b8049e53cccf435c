import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it, mock } from 'node:test';
import { ContentFormat } from '../../src/content/contentFormat.ts';
import { ModelReloads, type ReloadableBuild } from '../../src/devserver/rebuilds.ts';
import type { PageFacts } from '../../src/markdown/pageFacts.ts';
import { tempDir } from '../helpers/run.ts';

/** A build of a content folder, as the dev server holds it after `npm start` read the content. */
function reloadable(inputDir: string): ReloadableBuild {
  const input = new ContentFormat(inputDir, '/');
  return { input, siteDir: path.join(tempDir(), 'site'), model: input.loadSite({ gitDates: false }), facts: new Map<string, PageFacts>() };
}

describe('ModelReloads.beforeBuild (dev server rebuilds)', () => {
  it('reads the content again before each rebuild', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'index.md'), '---\ntitle: Home\n---\nWelcome.\n');
    const build = reloadable(dir);
    const reloads = new ModelReloads(build);
    reloads.beforeBuild();
    writeFileSync(path.join(dir, 'a.md'), '---\ntitle: Alpha\n---\nNew.\n');
    reloads.beforeBuild();
    assert.equal(build.model.pages.length, 2);
  });

  it('stops a rebuild of broken content with the errors on the console and no stack trace', () => {
    const printed = mock.method(console, 'error', () => {});
    try {
      const dir = tempDir();
      writeFileSync(path.join(dir, 'index.md'), '---\ntitle: Home\n---\nWelcome.\n');
      const build = reloadable(dir);
      const reloads = new ModelReloads(build);
      reloads.beforeBuild();
      writeFileSync(path.join(dir, 'frameworks.md'), '---\ntitle: Frameworks\nparent: Securty\n---\nText.\n');
      reloads.beforeWatch(['./frameworks.md']);
      assert.throws(
        () => reloads.beforeBuild(),
        (error: Error) => {
          assert.doesNotMatch(error.stack ?? '', /^\s+at /m);
          return true;
        },
      );
      const output = printed.mock.calls.map((c) => String(c.arguments[0])).join('\n');
      assert.match(output, /frameworks\.md:3: error: parent "Securty" names no page\./);
      assert.match(output, /the site will rebuild when you save/);
    } finally {
      printed.mock.restore();
    }
  });
});

describe('ModelReloads.beforeWatch (dev server: render only what changed)', () => {
  const site = () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'index.md'), '---\ntitle: Home\n---\nWelcome.\n');
    writeFileSync(path.join(dir, 'a.md'), '---\ntitle: Alpha\nnavtitle: A\n---\nFirst.\n');
    writeFileSync(path.join(dir, 'b.md'), '---\ntitle: Beta\nparent: A\n---\nSecond.\n');
    const build = reloadable(dir);
    const switched: boolean[] = [];
    const reloads = new ModelReloads(build, (on) => switched.push(on));
    reloads.beforeBuild();
    return { dir, build, reloads, switched };
  };

  it('renders only the edited page when its body changed', () => {
    const { dir, build, reloads, switched } = site();
    writeFileSync(path.join(dir, 'b.md'), '---\ntitle: Beta\nparent: A\n---\nSecond, edited.\n');
    reloads.beforeWatch(['./b.md']);
    assert.deepEqual(switched, [true]);
    build.facts.set('a.md', { headings: [], links: [], ids: new Set(), rawHtml: false });
    reloads.beforeBuild();
    assert.ok(build.facts.has('a.md'), 'what other pages recorded is kept');
  });

  it('renders every page when a label, a parent or the set of pages changed, or a layout changed', () => {
    const { dir, build, reloads, switched } = site();
    writeFileSync(path.join(dir, 'a.md'), '---\ntitle: Alpha\nnavtitle: A\n---\nFirst.\n');
    reloads.beforeWatch(['/elsewhere/layouts/page.11ty.ts']);
    writeFileSync(path.join(dir, 'a.md'), '---\ntitle: Alpha renamed\nnavtitle: A\n---\nFirst.\n');
    reloads.beforeWatch(['./a.md']);
    writeFileSync(path.join(dir, 'c.md'), '---\ntitle: Gamma\n---\nNew.\n');
    reloads.beforeWatch(['./c.md']);
    assert.deepEqual(switched, [false, false, false]);
    build.facts.set('a.md', { headings: [], links: [], ids: new Set(), rawHtml: false });
    reloads.beforeBuild();
    assert.equal(build.facts.size, 0, 'a full rebuild starts with no recorded pages');
  });
});
