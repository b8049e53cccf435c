// Content never runs code (issue 17): every way a pull request could hand code to gray-matter,
// Eleventy or a template engine, through the real CLI build. Each payload writes a marker
// file when it runs; the marker must never appear, and the build must stop with a message
// naming the file (and line), without a stack trace.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { STACK_TRACE } from '../helpers/console.ts';
import { buildSite, tempDir, type RunResult } from '../helpers/run.ts';
import { scratchFolders } from '../helpers/scratch.ts';

const scratch = scratchFolders();
after(() => scratch.removeAll());

interface Attempt {
  /** The input folder, the marker a payload would write, and the payload's JavaScript. */
  inputDir: string;
  marker: string;
}

/** A new input folder: our own content (a home page), or a minimal Jekyll guide (`_config.yml`). */
function newSite(kind: 'content' | 'jekyll'): Attempt & { cjs: string; esm: string } {
  const root = scratch.keep(tempDir('guidebook-code-'));
  const inputDir = path.join(root, 'site');
  mkdirSync(inputDir);
  const marker = path.join(root, `pwned-${randomBytes(6).toString('hex')}`);
  if (kind === 'jekyll') writeFileSync(path.join(inputDir, '_config.yml'), 'title: Stranger guide\n');
  writeFileSync(path.join(inputDir, 'index.md'), '---\ntitle: Home\n---\n\nThe home page.\n');
  return {
    inputDir,
    marker,
    cjs: `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`,
    esm: `process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`,
  };
}

function write(inputDir: string, relative: string, text: string): void {
  mkdirSync(path.dirname(path.join(inputDir, relative)), { recursive: true });
  writeFileSync(path.join(inputDir, relative), text);
}

/** What every refused payload must look like: not run, exit 1, the location named, no stack trace, nothing written. */
function assertRefused(run: RunResult & { outputDir: string }, attempt: Attempt, location: RegExp): void {
  assert.equal(existsSync(attempt.marker), false, `the payload ran:\n${run.stderr}`);
  assert.equal(run.code, 1, run.stderr);
  assert.match(run.stderr, location);
  assert.doesNotMatch(run.stderr, STACK_TRACE);
  assert.equal(existsSync(run.outputDir), false, 'nothing is written');
}

for (const kind of ['content', 'jekyll'] as const) {
  describe(`content never runs code (${kind === 'content' ? 'our content' : 'a Jekyll guide'})`, () => {
    for (const language of ['js', 'javascript', 'coffee', 'JS']) {
      it(`refuses \`---${language}\` front matter before anything evaluates it`, async () => {
        const site = newSite(kind);
        write(site.inputDir, 'evil.md', `---${language}\n{ title: (${site.cjs}, 'Evil') }\n---\n\nBody\n`);
        const run = await buildSite(site.inputDir);
        assertRefused(run, site, /evil\.md:1: error: front matter must be YAML; `---\w+` (runs code and is refused|names another language)/);
      });
    }

    it('refuses templateEngineOverride: njk,md (Nunjucks reaches `process`), naming the key\'s line', async () => {
      const site = newSite(kind);
      write(
        site.inputDir,
        'njk.md',
        `---\ntitle: Njk\ntemplateEngineOverride: njk,md\n---\n\n{{ range.constructor("return process")().getBuiltinModule('fs').writeFileSync(${JSON.stringify(site.marker)}, 'x') }}\n`,
      );
      const run = await buildSite(site.inputDir);
      assertRefused(run, site, /njk\.md:3: error: `templateEngineOverride` names `njk`: only Liquid and Markdown/);
    });

    for (const name of ['evil.11ty.js', 'evil.11ty.cjs', 'guides/evil.11ty.mjs', 'index.11tydata.js', 'guides/guides.11tydata.cjs', 'guides/guides.11tydata.mjs', '_data/site.js', '_data/nested/site.cjs', '_data/site.mjs']) {
      it(`refuses ${name}, which Eleventy would run as code, before Eleventy starts`, async () => {
        const site = newSite(kind);
        const code = name.endsWith('.mjs') ? `${site.esm};\nexport default {};\n` : `${site.cjs};\nmodule.exports = () => 'x';\n`;
        write(site.inputDir, name, code);
        const run = await buildSite(site.inputDir);
        const shown = name.replace(/\./g, '\\.');
        assertRefused(run, site, new RegExp(`${shown}: error: Eleventy would run this file as code; content may not hold code; remove it\\.`));
      });
    }

    it('refuses a `__proto__` front matter key with its line, instead of failing inside Eleventy', async () => {
      const site = newSite(kind);
      write(site.inputDir, 'proto.md', '---\ntitle: Proto\n__proto__:\n  polluted: true\n---\n\nBody\n');
      const run = await buildSite(site.inputDir);
      assertRefused(run, site, /proto\.md:3: error: front matter key `__proto__` is not allowed/);
      assert.doesNotMatch(run.stderr, /getTotal/);
    });

    for (const name of ['_guidebook-no-data', '_Guidebook-No-Data']) {
      it(`refuses a link named ${name} (the data folder Eleventy is given) to a folder of scripts, and runs none`, async () => {
        const site = newSite(kind);
        write(site.inputDir, 'scripts/evil.js', `${site.cjs};\nmodule.exports = {};\n`);
        symlinkSync('scripts', path.join(site.inputDir, name));
        const run = await buildSite(site.inputDir);
        assertRefused(run, site, new RegExp(`site/${name}: error: this name is reserved for the generator`));
      });
    }
  });
}

describe('content never runs code: what Eleventy itself would read', () => {
  it('never reads a data file beside a page (JSON could hand pages to Nunjucks)', async () => {
    const site = newSite('content');
    write(site.inputDir, 'guides/guides.json', JSON.stringify({ templateEngineOverride: 'njk,md' }));
    write(site.inputDir, '_data/templateEngineOverride.json', JSON.stringify('njk,md'));
    write(
      site.inputDir,
      'guides/page.md',
      `---\ntitle: Guide\n---\n\n{{ range.constructor("return process")().getBuiltinModule('fs').writeFileSync(${JSON.stringify(site.marker)}, 'x') }}\n`,
    );
    const run = await buildSite(site.inputDir);
    assert.equal(existsSync(site.marker), false, 'the payload ran');
    assert.equal(run.code, 0, run.stderr);
    // The text is shown as written, not run.
    assert.match(readFileSync(path.join(run.outputDir, 'guides', 'page', 'index.html'), 'utf8'), /range\.constructor/);
  });

  it('never uses a layout the content names (a Nunjucks file in the layouts folder)', async () => {
    const site = newSite('content');
    write(site.inputDir, '_guidebook-layouts/evil.njk', `{{ range.constructor("return process")().getBuiltinModule('fs').writeFileSync(${JSON.stringify(site.marker)}, 'x') }}\n`);
    write(site.inputDir, 'laid-out.md', '---\ntitle: Laid out\nlayout: evil.njk\n---\n\nBody\n');
    const run = await buildSite(site.inputDir);
    assert.equal(existsSync(site.marker), false, 'the payload ran');
    assert.equal(run.code, 0, run.stderr);
    assert.ok(existsSync(path.join(run.outputDir, 'laid-out', 'index.html')));
  });

  it('never reads a page in a dot folder, which validation does not read either', async () => {
    const site = newSite('content');
    write(site.inputDir, '.hidden/evil.md', `---\ntitle: Evil\ntemplateEngineOverride: njk,md\n---\n\n{{ range.constructor("return process")().getBuiltinModule('fs').writeFileSync(${JSON.stringify(site.marker)}, 'x') }}\n`);
    const run = await buildSite(site.inputDir);
    assert.equal(existsSync(site.marker), false, 'the payload ran');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(existsSync(path.join(run.outputDir, '.hidden')), false);
  });
});

describe('Liquid reads nothing outside the includes folder', () => {
  const secret = `secret-${randomBytes(6).toString('hex')}`;
  const tags = {
    'include of a path above the input': (above: string) => `{% include '${above}' %}`,
    'include of an absolute path': (_above: string, absolute: string) => `{% include '${absolute}' %}`,
    'render of a path above the input': (above: string) => `{% render '${above}' %}`,
    'layout of a path above the input': (above: string) => `{% layout '${above}' %}`,
    'include of a file in the input but not in _includes': () => `{% include 'notes.txt' %}`,
  };
  for (const [what, tag] of Object.entries(tags)) {
    it(`stops on an ${what}, naming the page and without showing the file`, async () => {
      const site = newSite('content');
      const root = path.dirname(site.inputDir);
      writeFileSync(path.join(root, 'secret.txt'), secret);
      write(site.inputDir, 'notes.txt', secret);
      // From site/page.md, `../secret.txt` is the file beside the input folder.
      write(site.inputDir, 'page.md', `---\ntitle: Page\ntemplateEngineOverride: liquid,md\n---\n\n${tag('../secret.txt', path.join(root, 'secret.txt'))}\n`);
      const run = await buildSite(site.inputDir);
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stderr, /page\.md/);
      assert.doesNotMatch(run.stderr, STACK_TRACE);
      assert.doesNotMatch(run.stderr + run.stdout, new RegExp(secret));
      assert.equal(existsSync(run.outputDir), false, 'nothing is written');
    });
  }

  it('still includes a file from _includes', async () => {
    const site = newSite('content');
    write(site.inputDir, '_includes/note.md', 'Included text.');
    write(site.inputDir, 'page.md', "---\ntitle: Page\ntemplateEngineOverride: liquid,md\n---\n\n{% include 'note.md' %}\n");
    const run = await buildSite(site.inputDir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(readFileSync(path.join(run.outputDir, 'page', 'index.html'), 'utf8'), /Included text\./);
    assert.deepEqual(readdirSync(path.dirname(site.inputDir)).filter((n) => n.startsWith('pwned')), []);
  });
});
