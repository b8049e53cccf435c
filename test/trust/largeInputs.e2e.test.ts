// Sites larger than editors usually write: a 5 MB page, a parent chain 500 deep and 2,000
// children under one parent. The build finishes, and the navigation stays usable and light.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { buildSite, tempDir } from '../helpers/run.ts';
import { attrOf, builtPages, elementsOf, textOf, type BuiltPage, type Element } from './builtPages.ts';

const CHAIN = 500;
const CHILDREN = 2000;
const BIG_PAGE_BYTES = 5 * 1024 * 1024;

function writeLargeSite(dir: string): void {
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  write('index.md', '---\ntitle: Large site\nnavtitle: Home\n---\n\nA site to test the limits.\n');
  const sections: string[] = [];
  for (let size = 0, i = 0; size < BIG_PAGE_BYTES; i++) {
    const section =
      `## Section ${i}\n\nParagraph ${i} with *emphasis*, \`code\`, <kbd>Ctrl</kbd> and a [link](#section-${i}).\n\n` +
      `- one\n- two\n\n\`\`\`js\nconst x${i} = ${i};\n\`\`\`\n\n| a | b |\n| - | - |\n| ${i} | ${i * 2} |\n\n${'Lorem ipsum dolor sit amet. '.repeat(20)}\n\n`;
    sections.push(section);
    size += section.length;
  }
  write('big.md', `---\ntitle: Big page\n---\n\n${sections.join('')}The last line of the big page.\n`);
  for (let n = 0; n < CHAIN; n++) {
    write(`chain/c${n}.md`, `---\ntitle: Chain ${n}\n${n > 0 ? `parent: Chain ${n - 1}\n` : ''}---\n\nLevel ${n} of the chain.\n`);
  }
  write('wide/index.md', '---\ntitle: Wide\n---\n\nA page with very many children.\n');
  for (let n = 0; n < CHILDREN; n++) {
    write(`wide/w${n}.md`, `---\ntitle: Wide child ${String(n).padStart(4, '0')}\nparent: Wide\n---\n\nChild ${n}.\n`);
  }
}

let pages: Map<string, BuiltPage>;
let outputDir: string;

before(async () => {
  const input = tempDir('guidebook-large-');
  writeLargeSite(input);
  const result = await buildSite(input);
  assert.equal(result.code, 0, result.stderr);
  outputDir = result.outputDir;
  pages = new Map(builtPages(outputDir).map((p) => [p.url, p]));
}, { timeout: 10 * 60_000 });

const page = (url: string) => {
  const found = pages.get(url);
  assert.ok(found, `${url} was built`);
  return elementsOf(found.html);
};
const byClass = (elements: Element[], name: string) => elements.find((e) => (attrOf(e, 'class') ?? '').split(' ').includes(name));
/** Nesting depth of lists under an element. */
function listDepth(element: Element): number {
  let deepest = 0;
  const walk = (e: Element, depth: number) => {
    for (const child of e.childNodes) {
      if (!('tagName' in child)) continue;
      const d = child.tagName === 'ul' || child.tagName === 'ol' ? depth + 1 : depth;
      deepest = Math.max(deepest, d);
      walk(child, d);
    }
  };
  walk(element, 0);
  return deepest;
}
function collectLinks(element: Element): Element[] {
  const found: Element[] = [];
  const walk = (e: Element) => {
    for (const child of e.childNodes) {
      if (!('tagName' in child)) continue;
      if (child.tagName === 'a') found.push(child);
      walk(child);
    }
  };
  walk(element);
  return found;
}

test('the 5 MB page is built whole', () => {
  const html = pages.get('/big/')!.html;
  assert.ok(html.length > BIG_PAGE_BYTES, `${html.length} bytes`);
  assert.match(html, /The last line of the big page\./);
  assert.match(html, /<kbd>Ctrl<\/kbd>/);
});

test('the deepest page of a 500-page chain has a short sidebar and breadcrumb trail', () => {
  const elements = page(`/chain/c${CHAIN - 1}/`);
  const nav = byClass(elements, 'site-nav')!;
  const links = collectLinks(nav);
  assert.ok(links.length <= 12, `${links.length} sidebar links`);
  assert.ok(listDepth(nav) <= 7, `sidebar lists nested ${listDepth(nav)} deep`);
  assert.equal(attrOf(links.find((a) => attrOf(a, 'aria-current') === 'page')!, 'href'), `/chain/c${CHAIN - 1}/`);
  assert.match(textOf(nav), /… \d+ levels/);
  const crumbs = byClass(elements, 'breadcrumbs')!;
  assert.ok(collectLinks(crumbs).length <= 8, `${collectLinks(crumbs).length} breadcrumb links`);
  assert.deepEqual(collectLinks(crumbs).slice(-2).map((a) => textOf(a)), [`Chain ${CHAIN - 3}`, `Chain ${CHAIN - 2}`]);
});

test('a child among 2,000 siblings shows a window of them and a link to the full list', () => {
  const elements = page('/wide/w1000/');
  const nav = byClass(elements, 'site-nav')!;
  const links = collectLinks(nav);
  assert.ok(links.length <= 30, `${links.length} sidebar links`);
  const more = links.find((a) => /more in Wide/.test(textOf(a)));
  assert.ok(more, 'a "more in Wide" link');
  assert.equal(attrOf(more, 'href'), '/wide/#childPages');
  const parent = page('/wide/');
  const list = parent.find((e) => attrOf(e, 'class') === 'child-pages')!;
  assert.equal(collectLinks(list).length, CHILDREN, 'the parent lists every child');
  assert.ok(parent.some((e) => attrOf(e, 'id') === 'childPages'), 'the "more" link has a target');
});

test('every page but the 5 MB one stays within the 30 KB budget (HTML gzipped)', () => {
  const css = gzipSync(readFileSync(path.join(outputDir, 'assets', 'site.css'))).length;
  const js = gzipSync(readFileSync(path.join(outputDir, 'assets', 'site.js'))).length;
  for (const [url, built] of pages) {
    if (url === '/big/') continue;
    const bytes = gzipSync(built.html).length + css + js;
    assert.ok(bytes <= 30 * 1024, `${url}: ${bytes} bytes gzipped`);
  }
});
