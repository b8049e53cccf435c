import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildSite, projectRoot, runCli } from '../helpers/run.ts';

// The guide itself is held to the same rule as every pull request: no broken link is published.
describe('the real content', () => {
  it('builds and has no broken internal link, image or anchor', async () => {
    const built = await buildSite(path.join(projectRoot, 'content'));
    assert.equal(built.code, 0, built.stderr);
    const result = await runCli('check-links', ['--input=content', `--output=${built.outputDir}`], { env: { GITHUB_ACTIONS: 'false' } });
    assert.equal(result.code, 0, `${result.stdout}\n${result.stderr}`);
  });
});
