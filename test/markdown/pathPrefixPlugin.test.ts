import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import markdownIt from 'markdown-it';
import { pathPrefixPlugin, writtenUrl } from '../../src/markdown/pathPrefixPlugin.ts';

const LINKS = '[a](/security/) [b](../static-analysis/#python) [c](https://example.org/) [d](//cdn.example.org/x) [e](#here) ![f](/images/f.png)\n';

describe('pathPrefixPlugin', () => {
  it('puts the prefix on site-absolute links and images only', () => {
    const html = markdownIt().use(pathPrefixPlugin('/preview/branch/')).render(LINKS);
    assert.equal(
      html,
      '<p><a href="/preview/branch/security/">a</a> <a href="../static-analysis/#python">b</a> <a href="https://example.org/">c</a> <a href="//cdn.example.org/x">d</a> <a href="#here">e</a> <img src="/preview/branch/images/f.png" alt="f"></p>\n',
    );
  });

  it('keeps the URL the editor wrote beside one it changed', () => {
    const children = markdownIt().use(pathPrefixPlugin('preview/branch')).parse(LINKS, {})[1]!.children!;
    const urls = children.filter((t) => t.type === 'link_open' || t.type === 'image').map((t) => [t.attrGet(t.type === 'image' ? 'src' : 'href'), writtenUrl(t)]);
    assert.deepEqual(urls, [
      ['/preview/branch/security/', '/security/'],
      ['../static-analysis/#python', '../static-analysis/#python'],
      ['https://example.org/', 'https://example.org/'],
      ['//cdn.example.org/x', '//cdn.example.org/x'],
      ['#here', '#here'],
      ['/preview/branch/images/f.png', '/images/f.png'],
    ]);
    assert.equal(writtenUrl(children.find((t) => t.type === 'text')!), undefined, 'text has no URL');
  });

  it('prefixes site-absolute URLs in raw HTML as it renders, the token left as written', () => {
    const md = markdownIt({ html: true }).use(pathPrefixPlugin('/preview/branch/'));
    const source = '<div><a href="/security/">a</a> <img src=\'/i.png\' alt=""> <a href="//cdn.example.org/">b</a> <a href="rel/">c</a></div>\n\nInline <a href="/x/">x</a>.\n';
    const tokens = md.parse(source, {});
    assert.equal(
      md.renderer.render(tokens, md.options, {}),
      '<div><a href="/preview/branch/security/">a</a> <img src=\'/preview/branch/i.png\' alt=""> <a href="//cdn.example.org/">b</a> <a href="rel/">c</a></div>\n<p>Inline <a href="/preview/branch/x/">x</a>.</p>\n',
    );
    assert.equal(tokens[0]!.content, '<div><a href="/security/">a</a> <img src=\'/i.png\' alt=""> <a href="//cdn.example.org/">b</a> <a href="rel/">c</a></div>\n');
  });

  it('changes nothing under /', () => {
    const plain = markdownIt({ html: true });
    const md = markdownIt({ html: true }).use(pathPrefixPlugin('/'));
    const source = `${LINKS}\n<a href="/raw/">r</a>\n`;
    assert.equal(md.render(source), plain.render(source));
    assert.equal(md.renderer.rules.html_block, plain.renderer.rules.html_block, 'no renderer rule added');
  });
});
