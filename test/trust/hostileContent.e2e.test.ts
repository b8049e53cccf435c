// Random front matter and Markdown, as hostile as editors' files can get, through the real build:
// it succeeds, or fails with a message that names a file; never a stack trace, a hang, or
// markup from front matter reaching a page.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { buildSite, tempDir } from '../helpers/run.ts';
import { attrOf, builtPages, elementsOf } from './builtPages.ts';

/** Front matter strings carry this attribute; no element of any page may ever have it. */
const MARKER = 'data-from-front-matter';

const nasty = fc.constantFrom(
  `<b ${MARKER}>bold</b>`,
  `<script ${MARKER}>alert(1)</script>`,
  '{{ page.title }}', '{% include x.html %}', '{{', '{%', '\u0000', '\uFEFF', '\u202E', '\uD800', '&amp;', '"', "'",
  ': ', '- ', '#', '|', '`', '\\', '---', '\t', '\r', 'Home', 'A', 'B', 'Über Café', '2016', 'true', 'null', '[a, b]', '{a: 1}', '*x', '&anchor', '!!binary',
);
const oddText = fc.oneof(
  nasty,
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.array(nasty, { maxLength: 5 }).map((parts) => parts.join('')),
);

/** A front matter value as an editor might type it: bare, quoted, or broken over lines. */
const yamlValue = fc.oneof(
  oddText.map((v) => v.replace(/[\r\n]/g, ' ')),
  oddText.map((v) => JSON.stringify(v)),
  oddText.map((v) => `|\n  ${v}`),
  fc.integer().map(String),
  fc.constantFrom('', '~', '[]', '{}', '"unclosed', "'unclosed", 'a: b: c'),
);

const hugeOrDeep = fc.oneof(
  fc.integer({ min: 1, max: 3000 }).map((n) => `${'>'.repeat(n)} deep quote`),
  fc.integer({ min: 1, max: 400 }).map((n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')),
  fc.integer({ min: 1, max: 5000 }).map((n) => `${'['.repeat(n)}x${']'.repeat(n)}`),
  fc.integer({ min: 1, max: 5000 }).map((n) => `${'*'.repeat(n)}x${'*'.repeat(n)}`),
  fc.integer({ min: 1, max: 3000 }).map((n) => '<div>'.repeat(n)),
  fc.integer({ min: 1, max: 3000 }).map((n) => `${'<span>'.repeat(n)}x${'</span>'.repeat(n)}`),
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 1, max: 2_000 }).map((n) => `| ${'a | '.repeat(n)}\n|${' - |'.repeat(n)}\n| ${'1 | '.repeat(n)}`),
);

const markdownPiece = fc.oneof(
  { weight: 3, arbitrary: oddText.map((t) => t.replaceAll(MARKER, 'data-x')) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '# Heading', '## Section', '## Section', '### Sub <em>html</em>', '```js\nconst a = 1;\n```', '```\nan unclosed fence',
      '| a | b |\n| - | - |\n| 1 | 2 |', '[a link](../nowhere/)', '[x](javascript:alert(1))', '<div>', '</div>', '</main>', '<main>',
      '<!--', '<script>alert(1)</script>', '<style>', '{{ x | safe }}', '{% raw %}', '\u0000', '<plaintext>', '> quote',
      '- item', '1. item', '***', '<details><summary>s</summary>', '</body></html>', '<a href="/" target="_blank">new</a>',
      '![image](missing.png)', '[ref]\n\n[ref]: /x', '    indented code', '\\', '<?php ?>', '<![CDATA[x]]>', '&#0;', '&bogus;',
    ),
  },
  { weight: 1, arbitrary: hugeOrDeep },
);

const ODD_PERMALINKS = ['/odd path/', '/Über/', '/a/b/c/', 'relative/x/', '/x.html', '"/quoted/"'];
const HOSTILE_PERMALINKS = [
  '//evil.example/', 'https://evil.example/', '"javascript:alert(1)"', '/x/../assets/site.css', '/./assets/site.css',
  '//assets/site.css', "'\\\\evil.example\\x'", '/a/../../../up/', '/search/', '/404.html', '/assets/site.js',
];

const FILE_NAMES = ['index.md', 'a.md', 'b.md', 'Über café.md', 'x&y.md', 'sp ace.md', '%41.md', 'deep/index.md', 'deep/c.md', '[x].md'];

/** A key present in about one file in `1 / chance`. */
const sometimes = <T>(value: fc.Arbitrary<T>, chance: number) =>
  fc.oneof({ weight: 1, arbitrary: value }, { weight: chance - 1, arbitrary: fc.constant(null) });

/** Mostly front matter that is valid YAML with hostile text in it, so most sites get rendered. */
const plausibleFrontMatter = fc
  .record({
    title: fc.oneof({ weight: 1, arbitrary: fc.constant('A') }, { weight: 4, arbitrary: oddText.map((v) => JSON.stringify(v)) }),
    navtitle: sometimes(oddText.map((v) => JSON.stringify(v)), 2),
    // Usually no parent, else one that a sibling file may well have as its title.
    parent: sometimes(fc.constantFrom('A', 'a'), 5),
    nav_order: sometimes(fc.integer({ min: -5, max: 5 }).map(String), 2),
    description: sometimes(oddText.map((v) => JSON.stringify(v)), 2),
    // Addresses an editor may give a page, odd but harmless, and ones that try to reach another
    // site or a file the generator writes (refused, naming the file).
    permalink: sometimes(fc.constantFrom(...ODD_PERMALINKS, ...HOSTILE_PERMALINKS), 6),
  })
  .map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null)));

/** Anything at all, valid or not. */
const anyFrontMatter = fc.record(
  {
    title: yamlValue,
    navtitle: yamlValue,
    parent: yamlValue,
    nav_order: fc.oneof(fc.integer().map(String), fc.double().map(String), yamlValue),
    permalink: fc.constantFrom('/a/', 'false', '/x y/', '/../up/', '/b/', ...HOSTILE_PERMALINKS),
    titel: yamlValue,
  },
  { requiredKeys: [] },
);

const contentFile = fc.record({
  name: fc.constantFrom(...FILE_NAMES),
  bom: fc.boolean(),
  crlf: fc.boolean(),
  frontMatter: fc.oneof(
    { weight: 20, arbitrary: plausibleFrontMatter },
    { weight: 1, arbitrary: anyFrontMatter },
    { weight: 1, arbitrary: fc.constant(null) },
  ),
  body: fc.array(markdownPiece, { maxLength: 8 }).map((pieces) => pieces.join('\n\n')),
});

const site = fc.uniqueArray(contentFile, { selector: (f) => f.name, minLength: 1, maxLength: 3 });

type ContentFile = typeof contentFile extends fc.Arbitrary<infer F> ? F : never;

function fileText(file: ContentFile): string {
  let text = '';
  if (file.frontMatter !== null) {
    const lines = Object.entries(file.frontMatter).map(([key, value]) => `${key}: ${value}`);
    text += `---\n${lines.join('\n')}\n---\n`;
  }
  text += file.body;
  if (file.crlf) text = text.replace(/\n/g, '\r\n');
  return (file.bom ? '\uFEFF' : '') + text;
}

/** Where the built pages are taken to be served, to resolve their links. */
const SITE_ORIGIN = 'https://site.invalid';

const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

test('random hostile content: the build succeeds or names the file it cannot build', { timeout: 20 * 60_000 }, async (t) => {
  const outcomes = { built: 0, refused: 0 };
  await fc.assert(
    fc.asyncProperty(site, async (files) => {
      const input = tempDir('guidebook-hostile-');
      for (const file of files) {
        mkdirSync(path.dirname(path.join(input, file.name)), { recursive: true });
        writeFileSync(path.join(input, file.name), fileText(file));
      }
      const result = await buildSite(input);
      const output = `${result.stdout}\n${result.stderr}`;
      const where = `content kept in ${input}\n--- output ---\n${output.slice(0, 4000)}`;
      assert.notEqual(result.code, null, `the build hung (killed after the timeout); ${where}`);
      assert.doesNotMatch(output, STACK_FRAME, `a stack trace; ${where}`);
      outcomes[result.code === 0 ? 'built' : 'refused']++;
      if (result.code !== 0) {
        assert.equal(result.code, 1, where);
        assert.ok(
          files.some((f) => result.stderr.includes(path.join(input, f.name))),
          `the failure names no content file; ${where}`,
        );
      } else {
        const bodies = files.map((f) => f.body).join('\n');
        for (const page of builtPages(result.outputDir)) {
          for (const element of elementsOf(page.html)) {
            assert.equal(attrOf(element, MARKER), undefined, `${page.url}: markup from front matter reached the page; ${where}`);
            if (element.tagName === 'script') assert.ok(attrOf(element, 'src'), `${page.url}: an inline script; ${where}`);
            // Sidebar, breadcrumbs, pager and the list of all pages link pages by their URLs: a
            // permalink must never turn one into a link to another site or a script.
            const href = element.tagName === 'a' ? attrOf(element, 'href') : undefined;
            if (href !== undefined && !bodies.includes(href)) {
              const target = new URL(href, `${SITE_ORIGIN}${page.url}`);
              assert.equal(target.origin, SITE_ORIGIN, `${page.url}: a link to ${href}, which no page wrote; ${where}`);
            }
          }
        }
      }
      rmSync(input, { recursive: true, force: true });
      rmSync(path.dirname(result.outputDir), { recursive: true, force: true });
    }),
    // Each run is a real build (about a second); shrinking would be hundreds more, so a failure
    // reports the whole site it wrote, kept on disk. CI, with time to spare, tries more sites.
    { numRuns: Number(process.env.HOSTILE_RUNS ?? (process.env.CI ? 60 : 25)), endOnFailure: true, includeErrorInReport: true },
  );
  t.diagnostic(`${outcomes.built} sites built, ${outcomes.refused} refused with a message naming the file`);
});
