import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFrontMatter } from '../../src/content/frontMatter.ts';
import { readPage } from '../../src/content/schema.ts';

/** Reads one page from its front matter lines, as the build does. */
function read(frontMatter: string, inputPath = 'security/page.md') {
  const file = `content/${inputPath}`;
  const { parsed, problem } = parseFrontMatter(`---\n${frontMatter}\n---\n\nBody\n`, file);
  assert.equal(problem, undefined, 'the test front matter must be valid YAML');
  return readPage({ file, inputPath }, parsed!);
}

const errors = (result: ReturnType<typeof read>) => result.problems.filter((p) => p.severity === 'error');
const warnings = (result: ReturnType<typeof read>) => result.problems.filter((p) => p.severity === 'warning');

describe('readPage', () => {
  it('makes a page from title, navtitle, parent and nav_order', () => {
    const { page, problems } = read('title: General Security Standards\nnavtitle: Security\nparent: Home\nnav_order: 2', 'security/index.md');
    assert.deepEqual(problems, []);
    assert.equal(page!.title, 'General Security Standards');
    assert.equal(page!.navtitle, 'Security');
    assert.equal(page!.label, 'Security');
    assert.equal(page!.parent, 'Home');
    assert.equal(page!.navOrder, 2);
    assert.equal(page!.url, '/security/');
    assert.equal(page!.file, 'content/security/index.md');
    assert.equal(page!.search, true);
  });

  it('labels a page without navtitle by its title', () => {
    const { page } = read('title: Static Analysis');
    assert.equal(page!.label, 'Static Analysis');
    assert.equal(page!.navtitle, undefined);
    assert.equal(page!.parent, undefined);
    assert.equal(page!.navOrder, undefined);
  });

  it('requires a title, naming the file and pointing at line 1 when the key is missing', () => {
    const result = read('navtitle: Security');
    assert.equal(result.page, undefined);
    const [error] = errors(result);
    assert.equal(error!.file, 'content/security/page.md');
    assert.equal(error!.line, 1);
    assert.match(error!.message, /no `title`/);
    assert.match(error!.hint!, /title: /);
  });

  it('refuses an empty, blank or non-text title on its own line', () => {
    for (const value of ["''", '"   "', '', '[a, b]', '{ a: 1 }', 'true']) {
      const result = read(`navtitle: X\ntitle: ${value}`);
      assert.equal(result.page, undefined, value);
      const [error] = errors(result);
      assert.equal(error!.line, 3, value);
      assert.match(error!.message, /title/, value);
    }
  });

  it('reads a number or a date written as a title as the text the editor wrote', () => {
    assert.equal(read('title: 2016').page!.title, '2016');
    assert.equal(read('title: 2016-05-01').page!.title, '2016-05-01');
  });

  it('trims titles and treats an empty navtitle or parent as absent', () => {
    const { page } = read('title: "  Spaced  "\nnavtitle: ""\nparent: ""');
    assert.equal(page!.title, 'Spaced');
    assert.equal(page!.label, 'Spaced');
    assert.equal(page!.navtitle, undefined);
    assert.equal(page!.parent, undefined);
  });

  it('requires navtitle and parent to be text, naming the key and its line', () => {
    for (const key of ['navtitle', 'parent']) {
      const result = read(`title: T\n${key}:\n  - Security\n  - Other`);
      const [error] = errors(result);
      assert.equal(error!.line, 3, key);
      assert.match(error!.message, new RegExp(`\`${key}\` must be text`));
      assert.equal(result.page, undefined);
    }
  });

  it('reads nav_order as a number, also when quoted', () => {
    assert.equal(read('title: T\nnav_order: 3').page!.navOrder, 3);
    assert.equal(read('title: T\nnav_order: "4"').page!.navOrder, 4);
    assert.equal(read('title: T\nnav_order: -1.5').page!.navOrder, -1.5);
  });

  it('refuses a nav_order that is not a number, on its line', () => {
    for (const value of ['first', 'true', '""', '[1]', '.nan']) {
      const result = read(`title: T\nnav_order: ${value}`);
      const [error] = errors(result);
      assert.ok(error, `nav_order: ${value} must be refused`);
      assert.equal(error.line, 3);
      assert.match(error.message, /nav_order/);
    }
  });

  it('reads search: false and refuses a search that is not true or false', () => {
    assert.equal(read('title: T\nsearch: false').page!.search, false);
    assert.equal(read('title: T\nsearch: true').page!.search, true);
    const [error] = errors(read('title: T\nsearch: "no"'));
    assert.equal(error!.line, 3);
    assert.match(error!.message, /`search` must be `true` or `false`/);
  });

  it('warns about keys that look like typos of known keys, with a did-you-mean and the line', () => {
    const result = read('title: T\ntitel: Typo\nparnet: Security\nnavtilte: Short\nnav-order: 2');
    assert.deepEqual(errors(result), []);
    assert.ok(result.page, 'warnings do not stop the page');
    const byKey = new Map(warnings(result).map((w) => [/`([^`]+)`/.exec(w.message)![1], w]));
    assert.equal(byKey.get('titel')!.line, 3);
    assert.match(byKey.get('titel')!.hint!, /Did you mean `title`\?/);
    assert.equal(byKey.get('parnet')!.line, 4);
    assert.match(byKey.get('parnet')!.hint!, /Did you mean `parent`\?/);
    assert.match(byKey.get('navtilte')!.hint!, /`navtitle`/);
    assert.match(byKey.get('nav-order')!.hint!, /`nav_order`/);
  });

  it('warns about a known key in the wrong case, and still requires the real title', () => {
    const result = read('Title: Capitalised');
    assert.match(warnings(result)[0]!.message, /wrong case/);
    assert.match(warnings(result)[0]!.hint!, /`title`/);
    assert.match(errors(result)[0]!.message, /no `title`/);
  });

  it('says nothing about unrelated keys or keys Eleventy and Jekyll guides use', () => {
    const result = read('title: T\nauthor: Someone\nlayout: page\ntags: [a]\ntemplateEngineOverride: liquid,md\nredirect_from: /old/\nsidenav: true');
    assert.deepEqual(result.problems, []);
  });

  it('honours permalink as Eleventy does, and refuses a permalink that is not a path', () => {
    assert.equal(read('title: T\npermalink: /moved/here/').page!.url, '/moved/here/');
    assert.equal(read('title: T\npermalink: relative/').page!.url, '/relative/');
    assert.equal(read('title: T\npermalink: false').page, undefined, 'a page that is not written has no place in the navigation');
    assert.deepEqual(errors(read('title: T\npermalink: false')), []);
    const [error] = errors(read('title: T\npermalink: 12'));
    assert.equal(error!.line, 3);
    assert.match(error!.message, /permalink/);
    const [templated] = errors(read('title: T\npermalink: "/x/{{ page.fileSlug }}/"'));
    assert.equal(templated!.line, 3);
    assert.match(templated!.message, /template tags; it must be a plain path/);
  });

  it('collects every problem of a file, not only the first', () => {
    const result = read('titel: x\nnav_order: soon\nsearch: maybe');
    assert.equal(errors(result).length, 3, JSON.stringify(result.problems));
    assert.equal(warnings(result).length, 1);
  });

  it('allows templateEngineOverride with Liquid, Markdown and HTML only, naming the key\'s line', () => {
    for (const value of ['liquid,md', 'md', 'Liquid, MD', 'html', 'false', '""']) {
      assert.deepEqual(errors(read(`title: T\ntemplateEngineOverride: ${value}`)), [], value);
    }
    for (const value of ['njk,md', 'njk', '11ty.js', 'hbs,md', 'ejs', 'pug', 'mustache', 'haml', 'webc', 'unknown', 'md, NJK']) {
      const [error, ...more] = errors(read(`title: T\nnavtitle: x\ntemplateEngineOverride: ${value}`));
      assert.equal(more.length, 0, value);
      assert.equal(error?.line, 4, value);
      assert.match(error.message, /^`templateEngineOverride` names `[^`]+`: only Liquid and Markdown may render content/, value);
      assert.match(error.hint!, /liquid,md/);
    }
    const [notText] = errors(read('title: T\ntemplateEngineOverride: [njk]'));
    assert.match(notText!.message, /must be text/);
  });
});

