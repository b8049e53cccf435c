import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pollPage, startDevServer } from '../helpers/devServer.ts';
import { fixturesDir, tempDir } from '../helpers/run.ts';

describe('npm start with a broken link', () => {
  it('prints the break as a warning and keeps serving the site', async () => {
    const server = await startDevServer(path.join(fixturesDir, 'links-broken'), path.join(tempDir(), 'site'));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no link report within 60 s:\n${server.stderr()}`)), 60_000);
        server.child.stderr!.on('data', () => {
          if (/\d+ broken links in \d+ files/.test(server.stderr())) {
            clearTimeout(timer);
            resolve();
          }
        });
        server.child.on('exit', (code) => reject(new Error(`the dev server exited (${code}):\n${server.stderr()}`)));
      });
      assert.match(server.stderr(), /guide\/checklist\.md:8: warning: broken link \.\.\/deploymnet\//);
      // The server starts listening once the first build (and its report) is done.
      const page = await pollPage(server, '/guide/checklist/', () => true, 30_000);
      assert.match(page, /<h1 id="pageTitle">Checklist<\/h1>/);
      assert.equal(server.child.exitCode, null);
    } finally {
      server.child.kill();
    }
  });
});
