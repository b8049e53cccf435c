import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it, mock } from 'node:test';
import type { BuildContext } from '../../src/site/buildContext.ts';
import { reloadSiteModel } from '../../src/site/reloadSiteModel.ts';
import { fixturesDir } from '../helpers/run.ts';

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
