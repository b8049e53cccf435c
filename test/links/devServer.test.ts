import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fixturesDir, projectRoot, tempDir } from '../helpers/run.ts';

/** A port free on 127.0.0.1 right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('npm start with a broken link', () => {
  it('prints the break as a warning and keeps serving the site', async () => {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(projectRoot, 'src', 'cli', 'build.ts'), '--serve', `--port=${port}`, `--input=${path.join(fixturesDir, 'links-broken')}`, `--output=${path.join(tempDir(), 'site')}`],
      { cwd: projectRoot, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      let stderr = '';
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no link report within 60 s:\n${stderr}`)), 60_000);
        child.stderr.on('data', (d) => {
          stderr += d;
          if (/\d+ broken links in \d+ files/.test(stderr)) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.on('exit', (code) => reject(new Error(`the dev server exited (${code}):\n${stderr}`)));
      });
      assert.match(stderr, /guide\/checklist\.md:8: warning: broken link \.\.\/deploymnet\//);
      // The server starts listening once the first build (and its report) is done.
      let response: Response | undefined;
      for (let attempt = 0; !response && attempt < 120; attempt++) {
        response = await fetch(`http://127.0.0.1:${port}/guide/checklist/`).catch(() => new Promise<undefined>((resolve) => setTimeout(resolve, 250)));
      }
      assert.ok(response, 'the dev server never answered');
      assert.equal(response.status, 200);
      assert.match(await response.text(), /<h1 id="pageTitle">Checklist<\/h1>/);
      assert.equal(child.exitCode, null);
    } finally {
      child.kill();
    }
  });
});
