import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeEntities, scanHtml, srcsetUrls } from '../../src/links/scanHtml.ts';

describe('scanHtml', () => {
  it('collects ids of every element and names of anchors, headings in order', () => {
    const scan = scanHtml(`<h1 id="pageTitle">T</h1><h2 id="über-café">Ü <a class="heading-anchor" href="#über-café">#</a></h2>
<p id='intro'>x</p><a name="legacy"></a><meta name="viewport" content="x"><input name="q"><h3 id=plain>P</h3>`);
    assert.deepEqual([...scan.ids].sort(), ['intro', 'legacy', 'pageTitle', 'plain', 'über-café']);
    // Headings the page links to itself come first as suggestions; the title does not.
    assert.deepEqual(scan.headingIds, ['über-café']);
  });

  it('collects the URLs of links, images, srcsets, stylesheets, scripts and forms once each', () => {
    const scan = scanHtml(`<link rel="stylesheet" href="/assets/site.css?v=1"><script src="/assets/site.js" defer></script>
<a href="a/">A</a><a href="a/">again</a><A HREF="B/">upper</A><img src="x.png" srcset="x.png 1x, x@2.png 2x" alt="">
<form action="/search/"></form><a>no href</a>`);
    assert.deepEqual([...scan.refs], [
      ['/assets/site.css?v=1', 'link'],
      ['/assets/site.js', 'link'],
      ['a/', 'link'],
      ['B/', 'link'],
      ['x.png', 'image'],
      ['x@2.png', 'image'],
      ['/search/', 'link'],
    ]);
  });

  it('ignores comments, script and style bodies, and escaped text', () => {
    const scan = scanHtml(`<!-- <a href="commented/">x</a> --><script>const s = '<a href="in-script/">';</script>
<style>a[href="in-style/"] {}</style><pre><code>&lt;a href="in-code/"&gt;</code></pre><a href="real/">r</a>`);
    assert.deepEqual([...scan.refs.keys()], ['real/']);
  });

  it('decodes character references in attribute values and reads quoted ">"', () => {
    const scan = scanHtml(`<a title="a > b" href="/q?a=1&amp;b=2">x</a><a href="caf&#xE9;/">y</a>`);
    assert.deepEqual([...scan.refs.keys()], ['/q?a=1&b=2', 'café/']);
  });

  it('reads a redirect stub and counts its destination as a link', () => {
    const scan = scanHtml(`<meta http-equiv="refresh" content="0; url=/new/place/"><link rel="canonical" href="/new/place/">`);
    assert.equal(scan.redirectTo, '/new/place/');
    assert.ok(scan.refs.has('/new/place/'));
  });
});

describe('srcsetUrls and decodeEntities', () => {
  it('splits srcset candidates, widths and densities dropped', () => {
    assert.deepEqual(srcsetUrls('a.png 480w,b.png 800w, c.png'), ['a.png', 'b.png', 'c.png']);
    assert.deepEqual(srcsetUrls(' img/a,b.png 1x '), ['img/a,b.png']);
  });

  it('decodes named and numeric references and leaves unknown ones', () => {
    assert.equal(decodeEntities('&lt;&amp;&#39;&#x41;&unknown;'), "<&'A&unknown;");
  });
});
