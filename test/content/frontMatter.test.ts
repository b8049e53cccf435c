import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eleventyFrontMatter, parseFrontMatter } from '../../src/content/frontMatter.ts';

const FILE = 'content/page.md';

describe('parseFrontMatter', () => {
  it('reads keys, the body, the line the body starts on and the line of each key', () => {
    const { parsed, problem } = parseFrontMatter('---\ntitle: Static Analysis\nparent: Security\n---\n\n## Python\n', FILE);
    assert.equal(problem, undefined);
    assert.deepEqual(parsed!.data, { title: 'Static Analysis', parent: 'Security' });
    assert.equal(parsed!.body, '\n## Python\n');
    // Lines: 1 `---`, 2 title, 3 parent, 4 `---`, 5 blank (the body's first line), 6 heading.
    assert.equal(parsed!.bodyLine, 5);
    assert.equal(parsed!.keyLines.get('title'), 2);
    assert.equal(parsed!.keyLines.get('parent'), 3);
  });

  it('reads a file with a byte order mark and Windows line ends the same as a plain one', () => {
    const plain = parseFrontMatter('---\ntitle: Café\nnavtitle: Cafe\n---\n\nBody\n', FILE).parsed!;
    const windows = parseFrontMatter('\uFEFF---\r\ntitle: Café\r\nnavtitle: Cafe\r\n---\r\n\r\nBody\r\n', FILE).parsed!;
    assert.deepEqual(windows.data, plain.data);
    assert.equal(windows.bodyLine, plain.bodyLine);
    assert.deepEqual([...windows.keyLines], [...plain.keyLines]);
    assert.equal(windows.data.title, 'Café', 'the BOM must not end up in the first key or value');
  });

  it('reports a YAML syntax error with the line in the file, not in the front matter block', () => {
    // Line 3 of the file holds `title: Rails: a guide` (a colon and space inside an unquoted value).
    const { parsed, problem } = parseFrontMatter('---\nnavtitle: Rails\ntitle: Rails: a guide\n---\nBody\n', FILE);
    assert.equal(parsed, undefined);
    assert.equal(problem!.severity, 'error');
    assert.equal(problem!.file, FILE);
    assert.equal(problem!.line, 3);
    assert.match(problem!.message, /not valid YAML/);
    assert.match(problem!.hint!, /quotes/);
  });

  it('counts lines the same after a BOM and with Windows line ends', () => {
    const { problem } = parseFrontMatter('\uFEFF---\r\ntitle: ok\r\nparent: [Security\r\nnav_order: 2\r\n---\r\n', FILE);
    assert.ok(problem);
    // js-yaml notices the unclosed `[` (line 3) where the next key starts (line 4); the hint
    // tells the editor to look at the line above too.
    assert.equal(problem.line, 4);
    assert.match(problem.hint!, /line above|one above/);
    const unix = parseFrontMatter('---\ntitle: ok\nparent: [Security\nnav_order: 2\n---\n', FILE).problem!;
    assert.equal(problem.line, unix.line);
  });

  it('reports a duplicated key as a YAML error on the second one', () => {
    const { problem } = parseFrontMatter('---\ntitle: One\nnavtitle: x\ntitle: Two\n---\n', FILE);
    assert.equal(problem!.line, 4);
    assert.match(problem!.message, /duplicated/);
  });

  it('refuses front matter that is a list or a plain value rather than keys', () => {
    for (const text of ['---\n- title\n- parent\n---\n', '---\njust words\n---\n']) {
      const { problem } = parseFrontMatter(text, FILE);
      assert.equal(problem?.severity, 'error', text);
      assert.equal(problem?.file, FILE);
    }
  });

  it('gives empty data for a file without front matter, with the body from line 1', () => {
    const { parsed } = parseFrontMatter('# Heading\n\nText\n', FILE);
    assert.deepEqual(parsed!.data, {});
    assert.equal(parsed!.bodyLine, 1);
    assert.equal(parsed!.body, '# Heading\n\nText\n');
  });
});

describe('front matter never runs code', () => {
  // Evaluating this would set a global: it must stay unset whatever the parser is asked.
  const payload = (language: string) => `---${language}\n{ title: (globalThis.frontMatterRan = true, 'Evil') }\n---\nBody\n`;

  it('refuses every front matter language but YAML on line 1, without evaluating it', () => {
    for (const language of ['js', 'javascript', 'JS', 'Javascript', 'coffee', 'coffeescript', 'cson', 'jsLegacy', 'node', 'json', 'toml', 'constructor', '__proto__']) {
      const { parsed, problem } = parseFrontMatter(payload(language), FILE);
      assert.equal(parsed, undefined, language);
      assert.equal(problem?.severity, 'error', language);
      assert.equal(problem?.file, FILE);
      assert.equal(problem?.line, 1);
      assert.match(problem.message, new RegExp(`^front matter must be YAML; \`---${language}\``), language);
      assert.match(problem.hint!, /plain `---` line/);
    }
    assert.equal((globalThis as { frontMatterRan?: boolean }).frontMatterRan, undefined);
    assert.match(parseFrontMatter(payload('js'), FILE).problem!.message, /runs code and is refused/);
  });

  it('reads `---yaml` and `---yml` as YAML, and JSON written after a plain `---`', () => {
    for (const language of ['', 'yaml', 'YML', ' yaml ']) {
      assert.deepEqual(parseFrontMatter(`---${language}\ntitle: T\n---\n`, FILE).parsed?.data, { title: 'T' }, language);
    }
    assert.deepEqual(parseFrontMatter('---\n{ "title": "T" }\n---\n', FILE).parsed?.data, { title: 'T' });
  });

  it('refuses `__proto__`, `constructor` and `prototype` keys at any depth, with the line that writes them', () => {
    const cases: [string, string, number][] = [
      ['---\ntitle: T\n__proto__:\n  polluted: true\n---\n', '__proto__', 3],
      ['---\ntitle: T\n"__proto__": { polluted: true }\n---\n', '__proto__', 3],
      ['---\ntitle: T\neleventyNavigation:\n  key: x\n  constructor: y\n---\n', 'eleventyNavigation.constructor', 5],
      ['---\ntitle: T\nprototype: 1\n---\n', 'prototype', 3],
    ];
    for (const [text, keyPath, line] of cases) {
      const { parsed, problem } = parseFrontMatter(text, FILE);
      assert.equal(parsed, undefined, text);
      assert.equal(problem?.line, line, text);
      assert.match(problem.message, new RegExp(`key \`${keyPath.replace(/\./g, '\\.')}\` is not allowed`));
    }
    assert.equal(({} as { polluted?: boolean }).polluted, undefined);
  });
});

describe('eleventyFrontMatter (what Eleventy reads)', () => {
  it('leaves out permalink and layout, and refuses what validation refuses', () => {
    assert.deepEqual(eleventyFrontMatter('title: T\npermalink: /x/\nlayout: evil.njk\ntags: [a]'), { title: 'T', tags: ['a'] });
    assert.throws(() => eleventyFrontMatter('title: T\ntemplateEngineOverride: njk,md'), /templateEngineOverride/);
    assert.throws(() => eleventyFrontMatter('title: T\n__proto__: { polluted: true }'), /__proto__/);
    assert.deepEqual(eleventyFrontMatter('title: T\ntemplateEngineOverride: liquid,md'), { title: 'T', templateEngineOverride: 'liquid,md' });
  });
});
