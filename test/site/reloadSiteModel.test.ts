import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it, mock } from 'node:test';
import type { BuildContext } from '../../src/site/buildContext.ts';
import { prepareRebuild, reloadSiteModel } from '../../src/site/reloadSiteModel.ts';
import { fixturesDir, tempDir } from '../helpers/run.ts';

const context = (fixture: string, mode: BuildContext['mode']): BuildContext => ({
  inputDir: path.join(fixturesDir, fixture),
  outputDir: '/nonexistent/out',
  siteDir: '/nonexistent/out',
  pathPrefix: '/',
  mode,
  jekyll: false,
  facts: new Map(),
});

describe('reloadSiteModel (dev server rebuilds)', () => {
  it('reads the content again before each rebuild', () => {
    const ctx = context('good-site', 'serve');
    reloadSiteModel(ctx);
    assert.equal(ctx.model!.pages.length, 8);
  });

  it('stops a rebuild of broken content with the errors on the console and no stack trace', () => {
    const printed = mock.method(console, 'error', () => {});
    try {
      assert.throws(
        () => reloadSiteModel(context('unknown-parent', 'serve')),
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

describe('prepareRebuild (dev server: render only what changed)', () => {
  const site = () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'index.md'), '---\ntitle: Home\n---\nWelcome.\n');
    writeFileSync(path.join(dir, 'a.md'), '---\ntitle: Alpha\nnavtitle: A\n---\nFirst.\n');
    writeFileSync(path.join(dir, 'b.md'), '---\ntitle: Beta\nparent: A\n---\nSecond.\n');
    const ctx: BuildContext = { inputDir: dir, outputDir: path.join(dir, '_out'), siteDir: path.join(dir, '_out'), pathPrefix: '/', mode: 'serve', jekyll: false, facts: new Map() };
    reloadSiteModel(ctx);
    const switched: boolean[] = [];
    ctx.setIncremental = (on) => switched.push(on);
    return { dir, ctx, switched };
  };

  it('renders only the edited page when its body changed', () => {
    const { dir, ctx, switched } = site();
    writeFileSync(path.join(dir, 'b.md'), '---\ntitle: Beta\nparent: A\n---\nSecond, edited.\n');
    prepareRebuild(ctx, ['./b.md']);
    assert.deepEqual(switched, [true]);
    ctx.facts.set('a.md', { headings: [], links: [], ids: new Set(), sections: [], rawHtml: false });
    reloadSiteModel(ctx);
    assert.ok(ctx.facts.has('a.md'), 'what other pages recorded is kept');
  });

  it('renders every page when a label, a parent or the set of pages changed, or a layout changed', () => {
    const { dir, ctx, switched } = site();
    writeFileSync(path.join(dir, 'a.md'), '---\ntitle: Alpha\nnavtitle: A\n---\nFirst.\n');
    prepareRebuild(ctx, ['/elsewhere/layouts/page.11ty.ts']);
    writeFileSync(path.join(dir, 'a.md'), '---\ntitle: Alpha renamed\nnavtitle: A\n---\nFirst.\n');
    prepareRebuild(ctx, ['./a.md']);
    writeFileSync(path.join(dir, 'c.md'), '---\ntitle: Gamma\n---\nNew.\n');
    prepareRebuild(ctx, ['./c.md']);
    assert.deepEqual(switched, [false, false, false]);
    reloadSiteModel(ctx);
    assert.equal(ctx.facts.size, 0, 'a full rebuild starts with no recorded pages');
  });
});
