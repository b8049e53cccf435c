// Issue 17: a stranger's pull request must not use `permalink` to take the stylesheet's place,
// another page's or a copied file's address, to write outside the output folder, or to turn
// the sidebar and search into links to another site. Each attack is a real build of real content.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { parse } from 'parse5';
import { DEFAULT_SETTINGS } from '../../src/site/settings.ts';
import { siteFiles } from '../helpers/builtSite.ts';
import { buildSite, tempDir, type RunResult } from '../helpers/run.ts';
import { scratchFolders } from '../helpers/scratch.ts';

const STACK_TRACE = /\n\s+at .+:\d+:\d+/;
const scratch = scratchFolders();
after(() => scratch.removeAll());

/** Writes a content folder (file path -> text) and returns it. */
function contentFolder(files: Record<string, string>): string {
  const dir = path.join(scratch.keep(tempDir('guidebook-permalink-')), 'content');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const page = (title: string, permalinkLine?: string) => `---\ntitle: ${title}\n${permalinkLine ? `${permalinkLine}\n` : ''}---\nThe text of ${title}.\n`;
const HOME = { 'index.md': page('Home') };

async function build(files: Record<string, string>): Promise<RunResult & { outputDir: string; inputDir: string }> {
  const inputDir = contentFolder(files);
  const run = await buildSite(inputDir);
  scratch.keep(path.dirname(run.outputDir));
  return { ...run, inputDir };
}

function assertRefused(run: RunResult & { outputDir: string }, ...patterns: RegExp[]) {
  assert.equal(run.code, 1, run.stderr);
  for (const pattern of patterns) assert.match(run.stderr, pattern);
  assert.doesNotMatch(run.stderr, STACK_TRACE);
  assert.match(run.stderr, /The build stopped: \d+ errors? in the content\. Nothing was written\./);
  assert.ok(!existsSync(run.outputDir) || siteFiles(run.outputDir).length === 0, 'nothing is written');
}

// Each permalink on line 3 of attack.md, and what the error says about it.
const ATTACKS: [permalinkLine: string, says: RegExp][] = [
  ['permalink: /x/../assets/site.css', /a `\.\.` segment/],
  ['permalink: /./assets/site.css', /a `\.` segment/],
  ['permalink: //assets/site.css', /starts with `\/\/`, which browsers read as another site's host/],
  ['permalink: //evil.example/', /starts with `\/\/`, which browsers read as another site's host/],
  ['permalink: https://evil.example/', /starts with a scheme \(`https:`\)/],
  ['permalink: "javascript:alert(1)"', /starts with a scheme \(`javascript:`\)/],
  ["permalink: '/\\evil.example/'", /a back slash, which browsers read as `\/`/],
  ['permalink: "/\\t/evil.example/"', /a control character/],
  ['permalink: /guides//checklist/', /has `\/\/`/],
  ['permalink: /../../outside/', /a `\.\.` segment/],
  ['permalink: /%2e%2e/assets/site.css', /has a "%"/],
];

describe('a hostile permalink stops the build at its line, with nothing written', () => {
  for (const [permalinkLine, says] of ATTACKS) {
    it(permalinkLine, async () => {
      const run = await build({ ...HOME, 'attack.md': page('Attack', permalinkLine) });
      assertRefused(run, new RegExp(`content/attack\\.md:3: error: .*${says.source}`));
      assert.ok(!existsSync(path.join(path.dirname(run.outputDir), '..', 'outside')), 'nothing outside the output folder');
    });
  }
});

describe('a page cannot set its address another way', () => {
  it('eleventyComputed or pagination in front matter is an error at its line, and nothing is written anywhere', async () => {
    const outside = path.join(scratch.keep(tempDir('guidebook-outside-')), 'written-outside.html');
    const computed = await build({
      ...HOME,
      'attack.md': `---\ntitle: Attack\neleventyComputed:\n  permalink: "${path.relative('/', outside).replace(/^/, '../'.repeat(12))}"\neleventyAllowMissingExtension: true\n---\nText.\n`,
    });
    assertRefused(computed, /attack\.md:3: error: front matter key `eleventyComputed` is not supported/, /attack\.md:5: error: front matter key `eleventyAllowMissingExtension` is not supported/);
    assert.ok(!existsSync(outside), 'no file was written outside the output folder');

    const paged = await build({
      ...HOME,
      'attack.md': '---\ntitle: Attack\ntargets: ["evil.example/x.html", "assets/site.js"]\npagination:\n  data: targets\n  size: 1\n  alias: permalink\n---\nText.\n',
    });
    assertRefused(paged, /attack\.md:4: error: front matter key `pagination` is not supported/);
  });

  it("a file name with a back slash, which browsers read as another site's host, is an error naming the file", async () => {
    const run = await build({ ...HOME, '\\evil.example.md': page('Evil') });
    assertRefused(run, /\\evil\.example\.md: error: the page's URL "\/\\\\evil\.example\/" has a back slash/);
  });
});

describe('a page may not take an address already taken', () => {
  it("the generator's own files and pages, however the URL is spelled", async () => {
    const run = await build({
      ...HOME,
      'css.md': page('Stylesheet', 'permalink: /ASSETS/site.css'),
      'headers.md': page('Headers', 'permalink: /_headers'),
      'map.md': page('Map', 'permalink: /sitemap.xml/'),
      'find.md': page('Find', 'permalink: /search'),
      'lost.md': page('Lost', 'permalink: /404.html'),
    });
    assertRefused(
      run,
      /content\/css\.md:3: error: the page has the URL \/ASSETS\/site\.css, where the generator writes its stylesheet and script\./,
      /content\/headers\.md:3: error: the page has the URL \/_headers, where the generator writes the response headers file/,
      /content\/map\.md:3: error: the page has the URL \/sitemap\.xml\/, where the generator writes the sitemap\./,
      /content\/find\.md:3: error: the page has the URL \/search, where the generator writes the search page\./,
      /content\/lost\.md:3: error: the page has the URL \/404\.html, where the generator writes the "Page not found" page\./,
    );
  });

  it("another page's, as a server maps URLs to files: case, /a and /a/, index.html", async () => {
    const run = await build({
      ...HOME,
      'guide.md': page('Guide'),
      'upper.md': page('Upper', 'permalink: /GUIDE'),
      'docs/index.md': page('Docs'),
      'indexed.md': page('Indexed', 'permalink: /docs/index.html'),
    });
    assertRefused(
      run,
      /content\/upper\.md:3: error: two pages have the URL \/GUIDE: \S*content\/guide\.md and \S*content\/upper\.md\./,
      /content\/indexed\.md:3: error: two pages have the URL \/docs\/index\.html: \S*content\/docs\/index\.md and \S*content\/indexed\.md\./,
    );
  });

  it('a file copied beside the pages (an image), naming both', async () => {
    const run = await build({ ...HOME, 'images/logo.png': 'not really a PNG', 'logo.md': page('Logo', 'permalink: /images/Logo.png') });
    assertRefused(run, /content\/logo\.md:3: error: a page and a file copied beside the pages claim the URL \/images\/Logo\.png: \S*content\/images\/logo\.png \(a file copied beside the pages\) and \S*content\/logo\.md\./);
  });

  it("a copied file may not take the generator's own file either", async () => {
    const run = await build({ ...HOME, 'assets/favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' });
    assertRefused(run, /content\/assets\/favicon\.svg: error: the file is copied to \/assets\/favicon\.svg, where the generator writes a file of its own\./);
  });

  it('two file names that differ only by Unicode normalisation (NFC and NFD), without any permalink', async () => {
    const nfc = 'caf\u00e9.md';
    const nfd = 'cafe\u0301.md';
    const run = await build({ ...HOME, [nfc]: page('Composed'), [nfd]: page('Decomposed') });
    assertRefused(run, /error: the file names \S*content\/caf\S*\.md \(NF[CD]: [^)]*\) and \S*content\/caf\S*\.md \(NF[CD]: [^)]*\) differ only in how Unicode composes their letters/);
    const line = run.stderr.split('\n').find((l) => l.includes('the file names'))!;
    assert.ok(line.includes(nfc) && line.includes(nfd), `both spellings named: ${line}`);
  });

  it('a permalink typed in NFD is the same address as an NFC file name', async () => {
    const run = await build({ ...HOME, 'caf\u00e9.md': page('Composed'), 'other.md': page('Other', 'permalink: /cafe\u0301/') });
    assertRefused(run, /content\/other\.md:3: error: two pages have the URL \/caf\u00e9\/: /);
  });
});

/** Every `href`, `src` and `action` of a built HTML file, read by a real HTML parser. */
function linksIn(html: string): string[] {
  const found: string[] = [];
  type Node = { attrs?: { name: string; value: string }[]; childNodes?: Node[]; content?: Node };
  const visit = (node: Node) => {
    for (const attr of node.attrs ?? []) if (['href', 'src', 'action'].includes(attr.name)) found.push(attr.value);
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(parse(html) as unknown as Node);
  return found;
}

describe('a valid but odd permalink', () => {
  it('builds, and no page links to another site except the links written in content', async () => {
    const run = await build({
      'index.md': `${page('Home')}\nSee [the standard](https://example.org/standard).\n`,
      'host-like.md': page('Host-like', 'permalink: evil.example/'),
      'at.md': page('At', "permalink: '@evil.example/'"),
      'scheme-like.md': page('Scheme-like', 'permalink: /https:/evil.example/'),
      'spaced.md': page('Spaced', 'permalink: "  /spaced/out/  "'),
      'dots.md': page('Dots', 'permalink: /...dots/v1.2/'),
      'accent.md': page('Accent', 'permalink: /re\u0301sume\u0301/'),
    });
    assert.equal(run.code, 0, run.stderr);
    const files = siteFiles(run.outputDir);
    for (const expected of ['evil.example/index.html', '@evil.example/index.html', 'https:/evil.example/index.html', 'spaced/out/index.html', '...dots/v1.2/index.html', 'r\u00e9sum\u00e9/index.html']) {
      assert.ok(files.includes(expected), `${expected} in ${files.join(', ')}`);
    }
    const offSite = /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/|[\\/][\\/])/i;
    let external = 0;
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      for (const link of linksIn(readFileSync(path.join(run.outputDir, file), 'utf8'))) {
        if (link === 'https://example.org/standard') {
          external++;
          continue;
        }
        // The canonical link and sitemap name this site's own origin.
        if (link.startsWith(`${DEFAULT_SETTINGS.url}/`)) continue;
        assert.doesNotMatch(link, offSite, `${file} links to ${link}`);
        assert.ok(!link.includes('\\'), `${file} links to ${link}`);
      }
    }
    assert.ok(external > 0, 'the content link to another site is kept');
  });
});

describe('Jekyll mode', () => {
  const config = { '_config.yml': 'title: A Jekyll guide\npermalink: pretty\n' };

  it('refuses a permalink to another host, at its line, with nothing written', async () => {
    const run = await build({ ...config, ...HOME, 'attack.md': page('Attack', 'permalink: //evil.example/') });
    assertRefused(run, /content\/attack\.md:3: error: the `permalink` "\/\/evil\.example\/" starts with `\/\/`/);
  });

  it('refuses a redirect to a script', async () => {
    const run = await build({ ...config, ...HOME, 'moved.md': '---\ntitle: Moved\nredirect_to: "javascript:alert(1)"\n---\n' });
    assertRefused(run, /content\/moved\.md:3: error: `redirect_to` "javascript:alert\(1\)" has the scheme `javascript:`/);
  });

  it('drops `..` as Jekyll does, with a warning, and writes every stub inside the output folder', async () => {
    const run = await build({
      ...config,
      ...HOME,
      'sneaky.md': page('Sneaky', 'permalink: /x/../assets/site.css'),
      'old.md': '---\ntitle: Old\nredirect_from: /../../../jekyll-outside/\n---\n',
    });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /content\/sneaky\.md:3: warning: the `permalink` "\/x\/\.\.\/assets\/site\.css" has `\.` or `\.\.` segments or doubled slashes, which Jekyll drops: the page is published at \/x\/assets\/site\.css\./);
    const files = siteFiles(run.outputDir);
    assert.ok(files.includes('x/assets/site.css'), files.join(', '));
    assert.ok(files.includes('jekyll-outside/index.html'), files.join(', '));
    assert.match(readFileSync(path.join(run.outputDir, 'assets', 'site.css'), 'utf8'), /\{/);
    assert.doesNotMatch(readFileSync(path.join(run.outputDir, 'assets', 'site.css'), 'utf8'), /The text of Sneaky/, 'the real stylesheet');
    for (const up of ['..', '../..', '../../..']) assert.ok(!existsSync(path.join(run.outputDir, up, 'jekyll-outside')), `nothing at ${up}/jekyll-outside`);
  });
});
