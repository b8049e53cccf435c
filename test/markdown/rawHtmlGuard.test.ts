import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import markdownIt from 'markdown-it';
import { headingAnchorPlugin } from '../../src/markdown/headingAnchorPlugin.ts';
import { headingIdsPlugin } from '../../src/markdown/headingIdsPlugin.ts';
import { guardRawHtml } from '../../src/markdown/rawHtmlGuard.ts';

// What the guard removes is tested in test/trust/rawHtml.test.ts; here, how it sits in the setup.
describe('guardRawHtml', () => {
  it('reports what it left out of raw HTML with the line in the file', () => {
    const warnings: { line?: number; message: string }[] = [];
    const md = markdownIt({ html: true });
    guardRawHtml(md, { lineOffset: () => 10, onWarning: (_env, w) => warnings.push(w) });
    assert.equal(md.render('Text.\n\n<p onclick="x()">Hi</p>\n'), '<p>Text.</p>\n<p>Hi</p>\n');
    assert.deepEqual(
      warnings.map((w) => w.line),
      [12],
    );
  });

  it('leaves pages without raw HTML alone, the build’s own anchor links included', () => {
    const md = markdownIt({ html: true }).use(headingIdsPlugin).use(headingAnchorPlugin);
    const plain = md.render('## A\n');
    guardRawHtml(md, { onWarning: () => assert.fail('no warning') });
    assert.equal(md.render('## A\n'), plain);
  });
});
