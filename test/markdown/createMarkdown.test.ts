import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMarkdown } from '../../src/markdown/createMarkdown.ts';
import type { PageFacts, SectionFact } from '../../src/markdown/pageFacts.ts';

/** Renders Markdown as a page body starting on `bodyLine`, returning the HTML, the page facts and sections. */
function render(markdown: string, options: { pathPrefix?: string; bodyLine?: number } = {}) {
  let facts: PageFacts | undefined;
  let sections: SectionFact[] | undefined;
  const md = createMarkdown({
    pathPrefix: options.pathPrefix,
    lineOffset: () => options.bodyLine ?? 1,
    onPageFacts: (_env, f) => (facts = f),
    onPageSections: (_env, s) => (sections = s),
  });
  const html = md.render(markdown, {});
  return { html, facts: facts!, sections: sections! };
}

describe('createMarkdown', () => {
  it('gives headings GitHub ids, a repeated one numbered, each with an anchor link', () => {
    const { html, facts } = render('## Python\n\n## Rails\n\n## Python\n\n### Sinatra/Padrino\n\n## Über Café\n\n## Step 3 — Document\n');
    assert.deepEqual(
      facts.headings.map((h) => h.id),
      ['python', 'rails', 'python-1', 'sinatrapadrino', 'über-café', 'step-3--document'],
    );
    assert.match(html, /<h2 id="python-1">Python <a class="heading-anchor" href="#python-1" aria-label="Link to this section: Python">#<\/a><\/h2>/);
    assert.match(html, /<h3 id="sinatrapadrino">/);
  });

  it('records headings and links with their line in the Markdown file', () => {
    // The body starts on line 5 of the file (after four lines of front matter).
    const { facts } = render('Intro with [a link](/security/).\n\n## First\n\nSee [that](../other/#part)\nand ![a diagram](diagram.svg).\n', { bodyLine: 5 });
    assert.deepEqual(facts.headings, [{ level: 2, id: 'first', text: 'First', line: 7 }]);
    assert.deepEqual(facts.links, [
      { href: '/security/', kind: 'link', line: 5 },
      { href: '../other/#part', kind: 'link', line: 9 },
      { href: 'diagram.svg', kind: 'image', line: 10 },
    ]);
  });

  it('knows every id a #fragment can target: headings and ids in raw HTML', () => {
    const { facts } = render('## Heading\n\n<div id="block-id">x</div>\n\nText <a name="inline-name"></a> here.\n');
    assert.deepEqual([...facts.ids].sort(), ['block-id', 'heading', 'inline-name']);
  });

  it('escapes heading text in the anchor label', () => {
    // In Markdown `<Friends>` would be a raw HTML tag; the escaped form is the heading text `<Friends>`.
    const { html } = render('## Level 4 & "quoted" \\<Friends>\n');
    assert.match(html, /aria-label="Link to this section: Level 4 &amp; &quot;quoted&quot; &lt;Friends&gt;"/);
    assert.doesNotMatch(html, /<Friends>/);
  });

  it('renders GFM tables in a scrolling region and strikethrough', () => {
    const { html } = render('| Tool | Language |\n| --- | --- |\n| Bandit | Python |\n\n~~old~~\n');
    assert.match(html, /<section class="table-scroll" tabindex="0" aria-label="Table 1">\n<table>/);
    assert.match(html, /<th>Tool<\/th>/);
    assert.match(html, /<td>Bandit<\/td>/);
    assert.match(html, /<s>old<\/s>/);
  });

  it('highlights fenced code at build time and leaves unknown languages as escaped text', () => {
    const { html } = render('```python\nimport os\n```\n\n```nosuchlanguage\n<b>bold?</b>\n```\n\n    indented <i>\n');
    assert.match(html, /<pre tabindex="0"><code class="language-python"><span class="hljs-keyword">import<\/span> os/);
    assert.match(html, /<code class="language-nosuchlanguage">&lt;b&gt;bold\?&lt;\/b&gt;/);
    assert.match(html, /<pre tabindex="0"><code>indented &lt;i&gt;/);
  });

  it('shows template syntax as written, in prose and in code', () => {
    const { html } = render('Never write {{ user_input | safe }} or {% raw %}.\n\n`{{ user_input | safe }}`\n\n```liquid\n{{ user_input | safe }}\n```\n');
    assert.match(html, /<p>Never write \{\{ user_input \| safe \}\} or \{% raw %\}\.<\/p>/);
    assert.match(html, /<code>\{\{ user_input \| safe \}\}<\/code>/);
    assert.ok(html.split('user_input').length - 1 === 3, html);
  });

  it('puts the path prefix on site-absolute links and images only', () => {
    const { html, facts } = render('[a](/security/) [b](../static-analysis/#python) [c](https://example.org/) [d](//cdn.example.org/x) [e](#here) ![f](/images/f.png)\n', {
      pathPrefix: '/preview/branch/',
    });
    assert.match(html, /href="\/preview\/branch\/security\/"/);
    assert.match(html, /href="\.\.\/static-analysis\/#python"/);
    assert.match(html, /href="https:\/\/example\.org\/"/);
    assert.match(html, /href="\/\/cdn\.example\.org\/x"/);
    assert.match(html, /href="#here"/);
    assert.match(html, /src="\/preview\/branch\/images\/f\.png"/);
    assert.equal(facts.links[0]!.href, '/security/', 'facts keep the link as the editor wrote it');
  });

  it('puts the path prefix on site-absolute URLs in raw HTML too', () => {
    const { html } = render('<div><a href="/security/">a</a> <img src=\'/i.png\' alt=""> <a href="//cdn.example.org/">b</a> <a href="rel/">c</a></div>\n\nInline <a href="/x/">x</a>.\n', {
      pathPrefix: '/preview/branch/',
    });
    assert.match(html, /<a href="\/preview\/branch\/security\/">a<\/a>/);
    assert.match(html, /<img src="\/preview\/branch\/i\.png"/);
    assert.match(html, /<a href="\/\/cdn\.example\.org\/">b<\/a>/);
    assert.match(html, /<a href="rel\/">c<\/a>/);
    assert.match(html, /Inline <a href="\/preview\/branch\/x\/">x<\/a>/);
    assert.equal(render('<a href="/security/">a</a>\n').html, '<p><a href="/security/">a</a></p>\n', 'no prefix, no change');
  });

  // `####` straight under `##` is an h3 once heading levels follow the outline (headingLevels.ts).
  it('collects the plain text of each h2/h3 section', () => {
    const { sections } = render('Intro text.\n\n## One\n\nFirst part.\n\n#### Deep\n\nMore.\n\n### Two\n\nSecond `code`.\n');
    assert.deepEqual(
      sections.map((s) => [s.id, s.text]),
      [
        [undefined, 'Intro text.'],
        ['one', 'First part.'],
        ['deep', 'More.'],
        ['two', 'Second code.'],
      ],
    );
  });
});
