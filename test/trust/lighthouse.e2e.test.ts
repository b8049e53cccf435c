// Lighthouse on the seed page, served on 127.0.0.1 in Debian's Chromium: accessibility, best
// practices and SEO are 100. Performance is printed by `npm run lighthouse`, not asserted here:
// it depends on the machine's load at the moment of the run.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { buildSite, projectRoot } from '../helpers/run.ts';
import { serveStatic } from '../helpers/staticServer.ts';
import { runLighthouse } from './lighthouse.ts';

test('Lighthouse: accessibility, best practices and SEO of the seed page are 100', { timeout: 180_000 }, async (t) => {
  const build = await buildSite(path.join(projectRoot, 'content'));
  assert.equal(build.code, 0, build.stderr);
  const server = await serveStatic(build.outputDir);
  try {
    const report = await runLighthouse(`${server.url}security/frameworks/`);
    t.diagnostic(Object.entries(report.scores).map(([c, s]) => `${c} ${s}`).join(', '));
    const { accessibility, 'best-practices': bestPractices, seo } = report.scores;
    assert.deepEqual({ accessibility, bestPractices, seo }, { accessibility: 100, bestPractices: 100, seo: 100 }, report.failing.join('\n'));
  } finally {
    await server.close();
  }
});
