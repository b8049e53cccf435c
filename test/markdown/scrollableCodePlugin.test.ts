import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import markdownIt from 'markdown-it';
import { highlightCode } from '../../src/markdown/highlight.ts';
import { scrollableCodePlugin } from '../../src/markdown/scrollableCodePlugin.ts';

describe('scrollableCodePlugin', () => {
  it('makes fenced and indented code a focusable region, the code escaped', () => {
    const md = markdownIt().use(scrollableCodePlugin);
    assert.equal(md.render('```\na < b & c\n```\n'), '<pre tabindex="0"><code>a &lt; b &amp; c\n</code></pre>\n');
    assert.equal(md.render('```js\nx\n```\n'), '<pre tabindex="0"><code class="language-js">x\n</code></pre>\n');
    assert.equal(md.render('    indented <i>\n'), '<pre tabindex="0"><code>indented &lt;i&gt;\n</code></pre>\n');
  });

  it('keeps the build-time highlighting of fences', () => {
    const md = markdownIt({ highlight: highlightCode }).use(scrollableCodePlugin);
    assert.equal(md.render('```python\nimport os\n```\n'), '<pre tabindex="0"><code class="language-python"><span class="hljs-keyword">import</span> os\n</code></pre>\n');
  });
});
