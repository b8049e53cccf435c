import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { MarkdownIt } from 'markdown-it';
import { createMarkdown } from '../../src/markdown/createMarkdown.ts';
import { withNoopener } from '../../src/security/linkRel.ts';
import { MAX_RAW_HTML_DEPTH, sanitizeContentHtml } from '../../src/security/rawHtml.ts';
import { attrOf, elementsOf, textOf, type Element } from './builtPages.ts';

const clean = (html: string) => sanitizeContentHtml(html).html;

/** The content placed in a page frame like the layout's, parsed as a browser would. */
function inFrame(content: string) {
  const page = `<!doctype html><html><head><title>t</title></head><body><header id="banner">site</header><div class="site-body"><main id="mainContent"><article id="article">${content}</article><nav id="pager">pager</nav></main></div><footer id="footer">footer</footer></body></html>`;
  return elementsOf(page);
}

function assertFrameIntact(content: string): void {
  const elements = inFrame(content);
  const byId = (id: string) => elements.find((e) => attrOf(e, 'id') === id);
  const body = elements.find((e) => e.tagName === 'body')!;
  const bodyChildren = body.childNodes.filter((n): n is Element => 'tagName' in n).map((e) => attrOf(e, 'id') ?? e.tagName);
  assert.deepEqual(bodyChildren, ['banner', 'div', 'footer'], `body children with content ${JSON.stringify(content)}`);
  assert.equal(elements.filter((e) => e.tagName === 'main').length, 1, `one main with content ${JSON.stringify(content)}`);
  assert.equal((byId('pager')?.parentNode as Element | undefined)?.tagName, 'main', `the pager stays in main with ${JSON.stringify(content)}`);
  assert.equal(byId('footer') && textOf(byId('footer')!), 'footer');
}

describe('raw HTML cannot break the page frame', () => {
  const breakers = [
    '</main>',
    '<main>inner</main>',
    '</article></main></div><footer>fake</footer>',
    '<header>editor header</header><footer>editor footer</footer><nav>n</nav>',
    '</body></html><body><html lang="x">',
    '<div><div>unclosed',
    '</div></div></div>',
    '<!-- an unclosed comment',
    '<plaintext>everything after',
    '<textarea>unclosed',
    '<title>unclosed',
    '<table><tr><td>cell',
    '<select><option>one',
    '<svg><p>html in svg</p>',
    '<math><mi>x',
    '<template><main>',
    '<noscript></main>',
    '<xmp></main>',
    '<a href="x">unclosed link',
    '<form></form></form><form>',
    '<p>para</p></p>',
    '<div role="main">fake main</div><div role="banner">b</div><div role="contentinfo">c</div>',
    // Serialized, these once parsed into another tree whose end tags closed the layout's.
    '<button><math><main><button>',
    '<svg><div></div></svg></div></div>',
    '<math><mtext><table><mglyph><style><img src=x>',
  ];
  for (const html of breakers) {
    test(JSON.stringify(html), () => assertFrameIntact(clean(html)));
  }

  test('for any mix of tags, comments and text (fast-check)', () => {
    const pieces = fc.constantFrom(
      '<div>', '</div>', '<main>', '</main>', '<article>', '</article>', '<header>', '</header>', '<footer>', '</footer>',
      '<nav>', '</nav>', '<body>', '</body>', '<html>', '</html>', '<!--', '-->', '<plaintext>', '<xmp>', '<textarea>',
      '<title>', '<table>', '<tr>', '<td>', '</table>', '<select>', '<option>', '<svg>', '</svg>', '<math>', '<template>',
      '</template>', '<p>', '</p>', '<a href="x">', '</a>', '<form>', '</form>', '<li>', '<ul>', '<script>', '</script>',
      '<style>', '<iframe>', '<noscript>', '<![CDATA[', ']]>', '<frameset>', '<head>', '</head>', '<button>', 'text', '\n\n', '&', '<',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (list) => assertFrameIntact(clean(list.join('')))),
      { numRuns: 2000 },
    );
  });

  test('an unclosed comment is closed and reported', () => {
    const result = sanitizeContentHtml('<p>before</p><!-- hides the rest');
    assert.equal(result.html, '<p>before</p><!-- hides the rest-->');
    assert.match(result.changes.map((c) => c.message).join('\n'), /never closed/);
  });

  test('HTML nested deeper than the limit is flattened, not a stack overflow', () => {
    const depth = 20_000;
    const html = '<div>'.repeat(depth) + 'deep' + '</div>'.repeat(depth);
    const result = sanitizeContentHtml(html);
    assert.match(result.html, /deep/);
    assert.ok((result.html.match(/<div>/g) ?? []).length <= MAX_RAW_HTML_DEPTH);
    assert.match(result.changes.map((c) => c.message).join('\n'), /flattened/);
  });
});

describe('what the Content-Security-Policy would block is left out, and reported', () => {
  const cases: [string, string, RegExp][] = [
    ['<script>alert(1)</script><p>kept</p>', '<p>kept</p>', /`<script>` was left out/],
    ['<svg><script>alert(1)</script></svg>', '<svg></svg>', /`<script>`/],
    ['<style>p{}</style>', '', /`<style>`/],
    ['<iframe src="https://example.org/"></iframe>', '', /`<iframe>`/],
    ['<object data="x.swf"></object><embed src="x">', '', /`<object>`/],
    ['<base href="https://evil.example/">', '', /`<base>`/],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example/">', '', /`<meta>`/],
    ['<p style="color:red" onclick="x()" ONMOUSEOVER="y()">p</p>', '<p>p</p>', /`style` attribute/],
    ['<a href="javascript:alert(1)">a</a>', '<a>a</a>', /`javascript:` URL/],
    ['<a href=" JaVa\tScRiPt:alert(1)">a</a>', '<a>a</a>', /`javascript:` URL/],
    ['<a href="java&#x09;script:alert(1)">a</a>', '<a>a</a>', /`javascript:` URL/],
    ['<a href="vbscript:msgbox(1)">a</a>', '<a>a</a>', /`vbscript:` URL/],
    ['<a href="data:text/html,<script>alert(1)</script>">a</a>', '<a>a</a>', /`data:` URL/],
    ['<form action="javascript:x()"><button formaction="javascript:y()">b</button></form>', '<form><button>b</button></form>', /`javascript:` URL/],
    ['<svg><a href="javascript:alert(1)"><text>t</text></a></svg>', '<svg><a><text>t</text></a></svg>', /`javascript:` URL/],
    ['<main>m</main>', '<div>m</div>', /`<main>` became a `<div>`/],
    ['<div role="main">m</div>', '<div>m</div>', /role="main"/],
    ['<input autofocus><a href="#x" tabindex="3">x</a>', '<input><a href="#x">x</a>', /autofocus/],
  ];
  for (const [input, output, message] of cases) {
    test(JSON.stringify(input), () => {
      const result = sanitizeContentHtml(input);
      assert.equal(result.html, output);
      assert.match(result.changes.map((c) => c.message).join('\n'), message);
    });
  }

  test('safe HTML passes unchanged and unreported', () => {
    const html = '<details><summary>More</summary><p>Hidden <abbr title="Cross-site scripting">XSS</abbr></p></details><img src="data:image/png;base64,AAAA" alt="dot"><a href="#x" tabindex="0">x</a>';
    assert.deepEqual(sanitizeContentHtml(html), { html, changes: [] });
  });
});

describe('SVG animations, off-site <use>, script URLs however written', () => {
  const cases: [string, string, RegExp][] = [
    ['<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>t</text></a></svg>', '<svg><a><text>t</text></a></svg>', /`<animate>` that changes `href`/],
    ['<svg><a><animate attributeName="href" values="https://example.org/;javascript:alert(1)"/></a></svg>', '<svg><a></a></svg>', /`<animate>` that changes `href`/],
    ['<svg><a><set attributeName="href" to="javascript:alert(1)"/></a></svg>', '<svg><a></a></svg>', /`<set>` that changes `href`/],
    ['<svg><a><set attributeName="xlink:href" to="javascript:alert(1)"/></a></svg>', '<svg><a></a></svg>', /`<set>` that changes `xlink:href`/],
    ['<svg><a><animate attributeName=" HREF " from="#a" to="javascript:alert(1)"/></a></svg>', '<svg><a></a></svg>', /changes `href`/],
    ['<svg><a><animate attributeName="href" by="javascript:alert(1)"/></a></svg>', '<svg><a></a></svg>', /changes `href`/],
    ['<svg><rect><set attributeName="onclick" to="alert(1)"/></rect></svg>', '<svg><rect></rect></svg>', /changes `onclick`/],
    ['<svg><rect><set attributeName="style" to="display:none"/></rect></svg>', '<svg><rect></rect></svg>', /changes `style`/],
    ['<svg><a><animateTransform attributeName="href" values="javascript:alert(1)"/><animateMotion attributeName="xlink:href" values="javascript:alert(1)"/></a></svg>', '<svg><a></a></svg>', /`<animateTransform>` that changes `href`/],
    ['<svg><use href="https://evil.example/sprite.svg#x"/><use xlink:href="//evil.example/s.svg#y"/></svg>', '<svg><use></use><use></use></svg>', /`<use>` of another site/],
    ['<svg><use href="data:image/svg+xml,&lt;svg onload=alert(1)&gt;"/></svg>', '<svg><use></use></svg>', /`data:` URL in `<use href>`/],
    ['<a href="&#x01;&#x20;jav&#x09;as&#10;cript&colon;alert(1)">a</a>', '<a>a</a>', /`javascript:` URL/],
    ['<a href="JAVASCRIPT:alert(1)">a</a><a href="&#106;avascript:alert(1)">b</a>', '<a>a</a><a>b</a>', /`javascript:` URL/],
    ['<input type="image" formaction="javascript:alert(1)" alt="go">', '<input type="image" alt="go">', /`<input formaction>`/],
    ['<svg xml:base="javascript:alert(1)//"><a href="x"><text>t</text></a></svg>', '<svg><a href="x"><text>t</text></a></svg>', /`javascript:` URL/],
    ['<math href="javascript:alert(1)"><mi>x</mi></math>', '<math><mi>x</mi></math>', /`<math href>`/],
  ];
  for (const [input, output, message] of cases) {
    test(JSON.stringify(input), () => {
      const result = sanitizeContentHtml(input);
      assert.equal(result.html, output);
      assert.match(result.changes.map((c) => c.message).join('\n'), message);
    });
  }

  test('animations of other attributes, and <use> of this site, stay', () => {
    const html = '<svg><rect width="1" height="1"><animate attributeName="width" values="1;2" dur="1s"></animate><animateTransform attributeName="transform" type="rotate" from="0" to="90" dur="1s"></animateTransform></rect><use href="#icon"></use><use href="/assets/icons.svg#x"></use></svg>';
    assert.deepEqual(sanitizeContentHtml(html), { html, changes: [] });
  });
});

describe('names and ids that would clobber document, or take the layout\'s ids, are left out', () => {
  const cases: [string, string, RegExp][] = [
    ['<form name="getElementById"></form>', '<form></form>', /`name="getElementById"` on `<form>` was left out: it would take the place of `document\.getElementById`/],
    ['<img name="cookie" src="a.png" alt="">', '<img src="a.png" alt="">', /`name="cookie"` on `<img>`/],
    ['<img name="icon" id="currentScript" src="a.png" alt="">', '<img name="icon" src="a.png" alt="">', /`id="currentScript"` on `<img>`/],
    ['<form name="onclick"></form>', '<form></form>', /`name="onclick"`/],
    ['<form name="__proto__"></form><form name="toString"></form>', '<form></form><form></form>', /`name="__proto__"`/],
    ['<p id="siteNavFold">x</p>', '<p>x</p>', /`id="siteNavFold"` on `<p>` was left out: the layout already has an element with this id/],
    ['<h2 id="mainContent">x</h2><p id="siteSearchInputResults-2">y</p>', '<h2>x</h2><p>y</p>', /`id="mainContent"`/],
  ];
  for (const [input, output, message] of cases) {
    test(JSON.stringify(input), () => {
      const result = sanitizeContentHtml(input);
      assert.equal(result.html, output);
      assert.match(result.changes.map((c) => c.message).join('\n'), message);
    });
  }

  test('names and ids that reach no document property stay: other elements, other names, other case', () => {
    const html = '<a name="getElementById">a</a><input name="querySelector"><h2 id="cookie">h</h2><a id="defaultView">d</a><form name="contact"></form><img name="getelementbyid" src="a.png" alt=""><p id="sitenavfold">p</p>';
    assert.deepEqual(sanitizeContentHtml(html), { html, changes: [] });
  });
});

describe('links that open a new window get rel="noopener"', () => {
  test('withNoopener', () => {
    assert.equal(withNoopener('_blank', undefined), 'noopener');
    assert.equal(withNoopener('_blank', 'external'), 'external noopener');
    assert.equal(withNoopener('_BLANK', 'noreferrer'), 'noreferrer');
    assert.equal(withNoopener('help', 'noopener'), 'noopener');
    assert.equal(withNoopener('_self', undefined), undefined);
    assert.equal(withNoopener(undefined, 'next'), 'next');
  });

  test('raw HTML links', () => {
    assert.equal(clean('<a href="https://example.org/" target="_blank">x</a>'), '<a href="https://example.org/" target="_blank" rel="noopener">x</a>');
    assert.equal(clean('<a href="/" target="_blank" rel="external">x</a>'), '<a href="/" target="_blank" rel="external noopener">x</a>');
  });

  test('Markdown links given a target by a plugin (kramdown attribute lists in Jekyll mode)', () => {
    const setTarget = (md: MarkdownIt) =>
      md.core.ruler.push('test_target', (state) => {
        for (const token of state.tokens) for (const child of token.children ?? []) if (child.type === 'link_open') child.attrSet('target', '_blank');
      });
    const html = createMarkdown({ plugins: [setTarget] }).render('[x](https://example.org/)');
    assert.equal(html, '<p><a href="https://example.org/" target="_blank" rel="noopener">x</a></p>\n');
  });
});

describe('markdown-it keeps refusing script and data links', () => {
  const md = createMarkdown();
  const refused = [
    '[x](javascript:alert(1))',
    '[x](JAVASCRIPT:alert(1))',
    '[x](  javascript:alert(1) )',
    '[x](java&#115;cript:alert(1))',
    '[x](&#106;avascript:alert(1))',
    '[x](<javascript:alert(1)>)',
    '<javascript:alert(1)>',
    '[x][r]\n\n[r]: javascript:alert(1)',
    '[x](vbscript:msgbox(1))',
    '[x](VBScript:msgbox(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](data:text/html,<script>alert(1)</script>)',
    '![x](data:image/svg+xml,<svg onload=alert(1)>)',
    '![x](javascript:alert(1))',
  ];
  for (const markdown of refused) {
    test(JSON.stringify(markdown), () => {
      const html = md.render(markdown);
      for (const element of elementsOf(html)) {
        for (const name of ['href', 'src']) {
          const value = attrOf(element, name);
          if (value !== undefined) assert.doesNotMatch(value.replace(/\s/g, ''), /^(javascript|vbscript|data):/i, html);
        }
      }
    });
  }

  test('data: images of the usual raster types stay allowed (the CSP allows img-src data:)', () => {
    assert.match(md.render('![dot](data:image/png;base64,iVBORw0KGgo=)'), /<img src="data:image\/png;base64,iVBORw0KGgo=" alt="dot">/);
  });
});

describe('warnings name the line of the raw HTML', () => {
  test('lines are lines of the file, after the front matter', () => {
    const warnings: { line?: number; message: string }[] = [];
    const md = createMarkdown({ lineOffset: () => 5, onWarning: (_env, w) => warnings.push(w) });
    md.render('Intro.\n\n<div style="x">\n<p onclick="y()">p</p>\n</div>\n\nText <script>z()</script> inline.\n');
    assert.deepEqual(
      warnings.map((w) => [w.line, /`[^`]+`/.exec(w.message)?.[0]]),
      [
        [7, '`style`'],
        [8, '`onclick`'],
        [11, '`<script>`'],
      ],
    );
  });

  test('a URL written with character references is found on its own line', () => {
    const warnings: { line?: number; message: string }[] = [];
    const md = createMarkdown({ onWarning: (_env, w) => warnings.push(w) });
    md.render('<a href="https://example.org/">fine</a>\n\n<a href="jav&#x09;ascript:alert(1)">x</a>\n');
    assert.deepEqual(warnings.map((w) => w.line), [3]);
  });

  test('pages without raw HTML are not parsed again, and the heading anchors are not raw HTML', () => {
    const warnings: unknown[] = [];
    const md = createMarkdown({ onWarning: (_env, w) => warnings.push(w) });
    const html = md.render('# Title\n\n## Section\n\nText & <escaped> `code`');
    assert.match(html, /heading-anchor/);
    assert.deepEqual(warnings, []);
  });
});
