import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { LinkThread } from '../../src/links/linkThread.ts';
import { SiteScanner } from '../../src/links/scanSite.ts';
import { tempDir } from '../helpers/run.ts';

/** A built site on disk: site path to HTML (or any file's text). */
function writeSite(files: Record<string, string>): string {
  const dir = tempDir('guidebook-links-');
  for (const [sitePath, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, sitePath)), { recursive: true });
    writeFileSync(path.join(dir, sitePath), text);
  }
  return dir;
}

const root = { pathPrefix: '/' };
const check = { site: root, extraTargets: [], collectExternal: false };

describe('SiteScanner', () => {
  it('uses the pages handed to it as written, and reads the rest from disk', async () => {
    const dir = writeSite({ '/a/index.html': '<a href="/gone/">x</a>', '/b/index.html': '<h2 id="b">B</h2>', '/logo.png': 'png' });
    const scanner = new SiteScanner();
    scanner.addPage('/a/index.html', '<a href="/b/#b">x</a><img src="/logo.png">');
    const scan = await scanner.scan(dir);
    assert.deepEqual(scan.pages.map((p) => [p.path, [...p.refs.keys()]]), [
      ['/a/index.html', ['/b/#b', '/logo.png']],
      ['/b/index.html', []],
    ]);
    assert.deepEqual([...scan.targets.keys()], ['/logo.png', '/a/index.html', '/b/index.html']);
  });
});

describe('LinkThread', () => {
  it('finds the same breaks from pages handed over during a build as from the files alone', async () => {
    const files = {
      '/index.html': '<a href="guide/">Guide</a> <a href="guide/#setup">Setup</a> <a href="guide/#gone">Gone</a>',
      '/guide/index.html': '<h2 id="setup">Setup</h2><a href="../nope/">x</a><img src="https://example.com/a.png">',
      '/assets/site.css': 'body{}',
    };
    const dir = writeSite(files);
    const fromDisk = await new LinkThread().check({ siteDir: dir, ...check });

    const during = new LinkThread({ siteDir: dir, site: root });
    for (const [sitePath, html] of Object.entries(files)) during.fileWritten(path.join(dir, sitePath), html);
    const fromBuild = await during.check({ siteDir: dir, ...check });

    const breaks = (r: typeof fromDisk) => r.found.breaks.map((b) => [b.pagePath, b.href, b.problem.problem]).sort();
    assert.deepEqual(breaks(fromDisk), [
      ['/guide/index.html', '../nope/', 'no-page'],
      ['/guide/index.html', 'https://example.com/a.png', 'blocked-image'],
      ['/index.html', 'guide/#gone', 'no-anchor'],
    ]);
    assert.deepEqual(breaks(fromBuild), breaks(fromDisk));
    assert.equal(fromBuild.pages, 2);
    assert.ok(fromBuild.targets?.has('/guide/index.html'), 'targets come back when something is broken, for suggestions');
  });

  it('sends no targets back when nothing is broken', async () => {
    const dir = writeSite({ '/index.html': '<a href="a/">A</a>', '/a/index.html': '<a href="../">Home</a>' });
    const result = await new LinkThread().check({ siteDir: dir, ...check });
    assert.deepEqual(result.found.breaks, []);
    assert.equal(result.targets, undefined);
  });

  it('reports a site it cannot read as an error', async () => {
    await assert.rejects(new LinkThread().check({ siteDir: path.join(tempDir(), 'missing'), ...check }), /ENOENT|no such file/);
  });
});
