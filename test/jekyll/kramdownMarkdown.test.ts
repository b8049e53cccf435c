import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMarkdown } from '../../src/markdown/createMarkdown.ts';
import type { PageFacts } from '../../src/markdown/pageFacts.ts';
import { jekyllMarkdownPlugins, stripKramdownExtensions } from '../../src/jekyll/markdown/jekyllMarkdown.ts';

function render(markdown: string, pathPrefix = '/guide/'): { html: string; facts: PageFacts; warnings: { line?: number; message: string }[] } {
  let facts: PageFacts | undefined;
  const warnings: { line?: number; message: string }[] = [];
  const md = createMarkdown({
    pathPrefix,
    plugins: jekyllMarkdownPlugins({ baseurls: ['/guide', '/old-base'] }),
    onPageFacts: (_env, f) => (facts = f),
    onWarning: (_env, w) => warnings.push(w),
  });
  const html = md.render(markdown, {});
  return { html, facts: facts!, warnings };
}

describe('Markdown as kramdown rendered it (Jekyll mode)', () => {
  it('gives headings kramdown GFM ids, {#custom} ids, and counts repeats like kramdown', () => {
    const { html, facts } = render('## Step 3 -- Document\n\n### Options {#custom-id}\n\n## Python\n\n## Python\n\n## Using `--force`\n');
    assert.deepEqual(
      facts.headings.map((h) => h.id),
      ['step-3--document', 'custom-id', 'python', 'python-1', 'using---force'],
    );
    assert.doesNotMatch(html, /\{#custom-id\}/);
  });

  it('applies block and span attribute lists, and never shows one as text', () => {
    const { html } = render('A paragraph.\n{: .lead}\n\n```\nkey: value\n```\n{: .language-yaml}\n\n[Open](https://x.example/){:target="_blank"}\n\n{: .stray}\n\nText with {: .inline} left over.\n');
    assert.match(html, /<p class="lead">A paragraph\.<\/p>/);
    assert.match(html, /<code class="language-yaml">[\s\S]*hljs-attr/, 'the fence gets its language and is highlighted');
    assert.match(html, /<a href="https:\/\/x\.example\/" target="_blank" rel="noopener">Open<\/a>/);
    assert.doesNotMatch(html, /\{:/);
  });

  describe('attribute lists go through the raw HTML guard, reported on their line', () => {
    // [Markdown, what must not be in the HTML, what must be, the warning] with the list on line 3.
    const cases: [string, RegExp, RegExp, RegExp][] = [
      ['Intro.\n\n[x](https://example.org/){: href="javascript:alert(1)"}', /javascript/, /<a>x<\/a>/, /`javascript:` URL in `<a href>`/],
      ['Intro.\n\n[x](https://example.org/){: href=" JaVa&#x09;ScRiPt:alert(1)"}', /script/i, /<a>x<\/a>/, /`javascript:` URL in `<a href>`/],
      ['Intro.\n\n![x](a.png){: src="data:text/html;base64,PHNjcmlwdD4="}', /data:/, /<img alt="x">/, /`data:` URL in `<img src>`/],
      ['Intro.\n\n![x](a.png){: src="data:image/png;base64,iVBORw0KGgo="}', /^$/, /<img src="data:image\/png;base64,iVBORw0KGgo=" alt="x">/, /^$/],
      ['Intro.\n\nA paragraph.\n{: style="color:red"}', /style/, /<p>A paragraph\.<\/p>/, /a `style` attribute was left out/],
      ['Intro.\n\n## Heading {: onclick="alert(1)"}', /onclick/, /<h2 id="heading">/, /the `onclick` attribute was left out/],
      ['Intro.\n\n## Heading {: ONMOUSEOVER="alert(1)"}', /onmouseover/i, /<h2 id="heading">/, /the `onmouseover` attribute was left out/],
      ['Intro.\n\n- a\n- b\n\n{: srcdoc="x"}', /srcdoc/, /<ul>/, /a `srcdoc` attribute was left out/],
      ['Intro.\n\n[x](/a/){: formaction="javascript:alert(1)" target="_blank"}', /formaction/, /<a href="\/guide\/a\/" target="_blank" rel="noopener">x<\/a>/, /`<a formaction>`/],
      ['Intro.\n\n![x](a.png){: name="getElementById"}', /getElementById/, /<img src="a.png" alt="x">/, /`name="getElementById"` on `<img>`/],
      ['Intro.\n\n## Search {#siteSearchInput}', /id="siteSearchInput"/, /<h2>Search/, /`id="siteSearchInput"` on `<h2>`/],
    ];
    for (const [markdown, absent, present, warning] of cases) {
      it(JSON.stringify(markdown.slice('Intro.\n\n'.length)), () => {
        const { html, warnings } = render(markdown);
        if (absent.source !== '^$') assert.doesNotMatch(html, absent);
        assert.match(html, present);
        assert.doesNotMatch(html, /\{:/);
        if (warning.source === '^$') assert.deepEqual(warnings, []);
        else {
          const listLine = markdown.split('\n').findIndex((l) => /\{[:#]/.test(l)) + 1;
          assert.ok(warnings.some((w) => w.line === listLine && warning.test(w.message)), `${warning} on line ${listLine}: ${JSON.stringify(warnings)}`);
        }
      });
    }

    it('lists of classes and safe attributes leave the page unparsed and unreported', () => {
      const { html, warnings } = render('A paragraph.\n{: .lead title="Lead"}\n\n[Open](https://x.example/){:target="_blank"}\n\n## Options {#options}\n');
      assert.match(html, /<p class="lead" title="Lead">A paragraph\.<\/p>/);
      assert.match(html, /<h2 id="options">/);
      assert.deepEqual(warnings, []);
    });
  });

  it("replaces kramdown's {:toc} list with nothing (the layout has a table of contents)", () => {
    const { html } = render('* TOC\n{:toc}\n\n## One\n');
    assert.doesNotMatch(html, /TOC|<ul>/);
  });

  it('makes links and images of destinations with spaces, with or without a title', () => {
    const { html, facts } = render('[memo](../assets/My Memo 2015.pdf) and [titled](../a b.pdf "The memo") and ![chart](../img/flow chart.png)\n');
    assert.match(html, /<a href="..\/assets\/My%20Memo%202015.pdf">memo<\/a>/);
    assert.match(html, /<a href="..\/a%20b.pdf" title="The memo">titled<\/a>/);
    assert.match(html, /<img src="..\/img\/flow%20chart.png" alt="chart">/);
    assert.deepEqual(facts.links.map((l) => l.kind), ['link', 'link', 'image']);
  });

  it('renders task lists as disabled, labelled checkboxes', () => {
    const { html } = render('- [ ] Plan\n- [x] Done\n- Not a task\n');
    assert.match(html, /<li class="task-list-item"><label class="task-list-item-label"><input class="task-list-item-checkbox" type="checkbox" disabled=""> Plan<\/label><\/li>/);
    assert.match(html, /type="checkbox" disabled="" checked=""> Done/);
    assert.match(html, /<li>Not a task<\/li>/);
  });

  it('renders footnotes and definition lists, and keeps indented code blocks', () => {
    const { html } = render('Text[^1].\n\n[^1]: The note.\n\nTerm\n: Its definition\n');
    assert.match(html, /class="footnote-ref"/);
    assert.match(html, /<dl>\n<dt>Term<\/dt>\n<dd>Its definition<\/dd>/);
  });

  it('turns links written with the baseurl into site paths, then prefixes them once', () => {
    const { html, facts } = render('[a](/guide/ato/) [b](/old-base/ato/#x) [c](/ato/)\n');
    assert.deepEqual(facts.links.map((l) => l.href), ['/ato/', '/ato/#x', '/ato/']);
    assert.equal((html.match(/href="\/guide\/ato\//g) ?? []).length, 3);
  });

  it('counts <a name> anchors as targets and removes kramdown extensions keeping line numbers', () => {
    assert.ok(render('<a name="set-name"></a>\n## Set the name\n').facts.ids.has('set-name'));
    const stripped = stripKramdownExtensions('a\n{::comment}\nhidden\n{:/comment}\nb\n{::options parse_block_html="true" /}\n');
    assert.equal(stripped.text, 'a\n\n\n\nb\n\n');
  });
});
