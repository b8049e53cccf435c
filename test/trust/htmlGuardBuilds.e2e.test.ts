// Raw HTML and kramdown attribute lists go through one guard (issue 17): real builds of our
// content and of a minimal Jekyll guide, each page holding payloads that would run code, style
// the page, animate a link into a script URL or clobber `document`. The build succeeds with a
// warning naming the file and line of each, and the built pages hold none of them.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isDocumentPropertyName, LAYOUT_IDS } from '../../src/security/domClobbering.ts';
import { STACK_TRACE } from '../helpers/console.ts';
import { buildSite, tempDir, type RunResult } from '../helpers/run.ts';
import { scratchFolders } from '../helpers/scratch.ts';
import { attrOf, elementsOf, type Element } from './builtPages.ts';

const scratch = scratchFolders();
after(() => scratch.removeAll());

/** One payload: the Markdown line that holds it, and the warning it must get. */
interface Payload {
  line: string;
  warning: RegExp;
}

const RAW_HTML: Payload[] = [
  { line: '<p><a href="  jav&#x09;ascript:alert(1)">entity</a></p>', warning: /`javascript:` URL in `<a href>`/ },
  { line: '<p style="color:red">styled</p>', warning: /a `style` attribute was left out/ },
  { line: '<p><button formaction="JAVASCRIPT:alert(2)">go</button></p>', warning: /`javascript:` URL in `<button formaction>`/ },
  { line: '<svg><a><animate attributeName="href" values="https://example.org/;javascript:alert(3)"/><text y="20">animated</text></a></svg>', warning: /`<animate>` that changes `href` was left out/ },
  { line: '<svg><a><set attributeName="xlink:href" to="javascript:alert(4)"/><text y="20">set</text></a></svg>', warning: /`<set>` that changes `xlink:href` was left out/ },
  { line: '<form name="getElementById"><p>form</p></form>', warning: /`name="getElementById"` on `<form>` was left out: it would take the place of `document\.getElementById`/ },
  { line: '<p><img name="currentScript" src="../dot.png" alt="dot"></p>', warning: /`name="currentScript"` on `<img>` was left out/ },
  { line: '<p id="siteNavFold">fold</p>', warning: /`id="siteNavFold"` on `<p>` was left out: the layout already has an element with this id/ },
];

/** kramdown attribute lists, each on a block or span of its own (Jekyll mode only). */
const ATTRIBUTE_LISTS: Payload[] = [
  { line: '[link](https://example.org/){: href="javascript:alert(5)"}', warning: /`javascript:` URL in `<a href>`/ },
  { line: '![dot](../dot.png){: src="data:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg=="}', warning: /`data:` URL in `<img src>`/ },
  { line: 'A styled paragraph.\n{: style="color:red"}', warning: /a `style` attribute was left out/ },
  { line: '## A heading {: onclick="alert(7)"}', warning: /the `onclick` attribute was left out/ },
  { line: '- one\n- two\n\n{: srcdoc="<script>alert(8)</script>"}', warning: /a `srcdoc` attribute was left out/ },
  { line: 'Another paragraph.\n{: formaction="vbscript:msgbox(9)"}', warning: /`vbscript:` URL in `<p formaction>`/ },
  { line: '![dot](../dot.png){: name="getElementById"}', warning: /`name="getElementById"` on `<img>` was left out/ },
  { line: '## Search {#siteSearchInput}', warning: /`id="siteSearchInput"` on `<h2>` was left out/ },
];

const frontMatter = (title: string) => `---\ntitle: ${title}\n---\n`;
// A 1×1 PNG, so the images' own links are not broken.
const DOT_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** The page's Markdown and the file line each payload starts on. */
function pageOf(title: string, payloads: Payload[]): { text: string; lines: number[] } {
  const lines: number[] = [];
  let text = `${frontMatter(title)}\nIntro.\n`;
  for (const payload of payloads) {
    text += '\n';
    lines.push(text.split('\n').length);
    text += `${payload.line}\n`;
  }
  return { text, lines };
}

function newSite(kind: 'content' | 'jekyll', pages: Record<string, Payload[]>): { inputDir: string; lines: Record<string, number[]> } {
  const inputDir = path.join(scratch.keep(tempDir('guidebook-guard-')), 'site');
  mkdirSync(inputDir);
  if (kind === 'jekyll') writeFileSync(path.join(inputDir, '_config.yml'), 'title: Stranger guide\n');
  writeFileSync(path.join(inputDir, 'index.md'), '---\ntitle: Home\n---\n\nThe home page.\n');
  writeFileSync(path.join(inputDir, 'dot.png'), DOT_PNG);
  const lines: Record<string, number[]> = {};
  for (const [name, payloads] of Object.entries(pages)) {
    const page = pageOf(`Payloads in ${name}`, payloads);
    writeFileSync(path.join(inputDir, `${name}.md`), page.text);
    lines[name] = page.lines;
  }
  return { inputDir, lines };
}

/** What must hold of every element of a built page, whatever its payloads were. */
function assertNothingGotThrough(file: string, elements: Element[]): void {
  const ids = new Map<string, number>();
  for (const element of elements) {
    const where = `${file}: <${element.tagName} ${element.attrs.map((a) => `${a.prefix ? `${a.prefix}:` : ''}${a.name}="${a.value}"`).join(' ')}>`;
    for (const attribute of element.attrs) {
      // Browsers ignore spaces and control characters in a URL's scheme.
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(attribute.value.replace(/[\u0000-\u0020]/g, ''), /^(javascript|vbscript):/i, where);
      if (attribute.value.startsWith('data:')) assert.ok(element.tagName === 'img' && /^data:image\/png/.test(attribute.value), where);
      assert.doesNotMatch(attribute.name, /^(on|style$|srcdoc$)/i, where);
    }
    if (['animate', 'set'].includes(element.tagName)) assert.doesNotMatch(attrOf(element, 'attributeName') ?? '', /href/i, where);
    const name = attrOf(element, 'name');
    if (name !== undefined && ['form', 'img'].includes(element.tagName)) assert.equal(isDocumentPropertyName(name), false, where);
    const id = attrOf(element, 'id');
    if (id !== undefined) ids.set(id, (ids.get(id) ?? 0) + 1);
  }
  for (const id of LAYOUT_IDS) assert.ok((ids.get(id) ?? 0) <= 1, `${file}: the id ${id} is on more than one element`);
}

function assertWarned(run: RunResult, file: string, lines: number[], payloads: Payload[]): void {
  payloads.forEach((payload, index) => {
    const line = lines[index]!;
    const warnings = run.stderr.split('\n').filter((l) => l.includes(`${file}:${line}: warning:`));
    assert.ok(warnings.some((w) => payload.warning.test(w)), `no warning ${payload.warning} at ${file}:${line} for ${JSON.stringify(payload.line)}:\n${run.stderr}`);
  });
}

describe('raw HTML in our content goes through the guard', () => {
  let site: ReturnType<typeof newSite>;
  let run: RunResult & { outputDir: string };
  before(async () => {
    site = newSite('content', { raw: RAW_HTML });
    run = await buildSite(site.inputDir);
  });

  it('builds, warning at the file and line of each payload', () => {
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stderr, STACK_TRACE);
    assertWarned(run, 'raw.md', site.lines.raw!, RAW_HTML);
  });

  it('publishes no script URL, style, href animation or clobbering name', () => {
    const html = readFileSync(path.join(run.outputDir, 'raw', 'index.html'), 'utf8');
    assertNothingGotThrough('raw/index.html', elementsOf(html));
    // What was safe around the payloads is still there.
    for (const text of ['entity', 'styled', 'animated', '>set<', 'form', 'fold']) assert.ok(html.includes(text), text);
  });
});

describe('raw HTML and kramdown attribute lists in a Jekyll guide go through the same guard', () => {
  let site: ReturnType<typeof newSite>;
  let run: RunResult & { outputDir: string };
  before(async () => {
    site = newSite('jekyll', { raw: RAW_HTML, lists: ATTRIBUTE_LISTS });
    run = await buildSite(site.inputDir);
  });

  it('builds, warning at the file and line of each raw HTML payload and each attribute list', () => {
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stderr, STACK_TRACE);
    assertWarned(run, 'raw.md', site.lines.raw!, RAW_HTML);
    // A block's list is on the line after its block.
    const listLines = ATTRIBUTE_LISTS.map((payload, index) => site.lines.lists![index]! + payload.line.split('\n').length - 1);
    assertWarned(run, 'lists.md', listLines, ATTRIBUTE_LISTS);
  });

  it('publishes none of the payloads, and never shows an attribute list as text', () => {
    // Jekyll's URL of a page at the root: /raw.html.
    for (const page of ['raw', 'lists']) {
      const html = readFileSync(path.join(run.outputDir, `${page}.html`), 'utf8');
      assertNothingGotThrough(`${page}.html`, elementsOf(html));
      assert.doesNotMatch(html, /\{:/);
    }
    const lists = readFileSync(path.join(run.outputDir, 'lists.html'), 'utf8');
    assert.match(lists, /<a href="https:\/\/example\.org\/">link<\/a>|<a>link<\/a>/);
    assert.match(lists, /A styled paragraph\./);
  });
});
