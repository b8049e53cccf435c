import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMarkdown } from '../../src/markdown/createMarkdown.ts';
import type { PageFacts } from '../../src/markdown/pageFacts.ts';
import { jekyllMarkdownPlugins, stripKramdownExtensions } from '../../src/jekyll/markdown/jekyllMarkdown.ts';

function render(markdown: string, pathPrefix = '/guide/'): { html: string; facts: PageFacts } {
  let facts: PageFacts | undefined;
  const md = createMarkdown({ pathPrefix, plugins: jekyllMarkdownPlugins({ baseurls: ['/guide', '/old-base'] }), onPageFacts: (_env, f) => (facts = f) });
  const html = md.render(markdown, {});
  return { html, facts: facts! };
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
