import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import markdownIt from 'markdown-it';
import { isGeneratedHtml } from '../../src/markdown/generatedHtml.ts';
import { headingAnchorPlugin } from '../../src/markdown/headingAnchorPlugin.ts';
import { headingIdsPlugin } from '../../src/markdown/headingIdsPlugin.ts';

describe('headingAnchorPlugin', () => {
  it('puts a link to the heading after its text, the label escaped', () => {
    const md = markdownIt().use(headingIdsPlugin).use(headingAnchorPlugin);
    assert.equal(
      md.render('## Level 4 & "quoted" `code`\n'),
      '<h2 id="level-4--quoted-code">Level 4 &amp; &quot;quoted&quot; <code>code</code> <a class="heading-anchor" href="#level-4--quoted-code" aria-label="Link to this section: Level 4 &amp; &quot;quoted&quot; code">#</a></h2>\n',
    );
  });

  it('escapes an id an author set', () => {
    const md = markdownIt()
      .use((m) => m.core.ruler.push('explicit', (state) => void state.tokens[0]!.attrSet('id', 'a"b')))
      .use(headingAnchorPlugin);
    assert.match(md.render('## X\n'), /href="#a&quot;b"/);
  });

  it('marks the link as the build’s own HTML, and adds none to a heading without an id', () => {
    const withIds = markdownIt().use(headingIdsPlugin).use(headingAnchorPlugin);
    const anchor = withIds.parse('## X\n', {})[1]!.children!.at(-1)!;
    assert.equal(anchor.type, 'html_inline');
    assert.ok(isGeneratedHtml(anchor));
    assert.equal(markdownIt().use(headingAnchorPlugin).render('## X\n'), '<h2>X</h2>\n');
  });
});
