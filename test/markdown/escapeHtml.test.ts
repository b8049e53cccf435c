import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml } from '../../src/markdown/escapeHtml.ts';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes, every time they occur', () => {
    assert.equal(escapeHtml(`<a href="x?a=1&b='2'">&</a>`), '&lt;a href=&quot;x?a=1&amp;b=&#39;2&#39;&quot;&gt;&amp;&lt;/a&gt;');
    assert.equal(escapeHtml('Über & <Café>'), 'Über &amp; &lt;Café&gt;');
  });

  it('returns text with nothing to escape as it is', () => {
    for (const text of ['', 'Deployment', '/guide/roll-back-a-release/#step-2', 'Über Café']) assert.equal(escapeHtml(text), text);
  });
});
