import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeBaseurl, repositoryUrl } from '../../src/jekyll/jekyllConfig.ts';
import { documentUrlOf, frontMatterUrl, pageUrlOf, resolveSitePath, staticFileUrlOf, UrlIndex } from '../../src/jekyll/jekyllUrls.ts';
import { joinWithLineMap, producedBy } from '../../src/jekyll/liquid/lineMap.ts';
import { kramdownGfmId } from '../../src/jekyll/markdown/kramdownSyntax.ts';
import { parseAttributeList } from '../../src/jekyll/markdown/attributeList.ts';
import { loadTolerantYaml } from '../../src/jekyll/tolerantYaml.ts';
import { withDefaults } from '../../src/jekyll/frontMatterDefaults.ts';
import { matchesEntry } from '../../src/jekyll/siteFiles.ts';
import { parseDelimited } from '../../src/jekyll/dataFolder.ts';

const pages = { label: 'pages', output: true, permalink: '/:path/', dir: '_pages' };

describe('Jekyll mode, piece by piece', () => {
  it('reads _config.yml as Ruby wrote it', () => {
    assert.deepEqual(loadTolerantYaml('sass:\n  style: :compressed\nx: !ruby/regexp /a+/\ny: !ruby/object:Foo\n  z: 1\n'), {
      sass: { style: ':compressed' },
      x: '/a+/',
      y: { z: 1 },
    });
    assert.equal(normalizeBaseurl('before-you-ship/'), '/before-you-ship');
    assert.equal(normalizeBaseurl('/'), '');
    assert.equal(repositoryUrl('18F/before-you-ship'), 'https://github.com/18F/before-you-ship');
    assert.equal(repositoryUrl('git@github.com:18F/x.git'), 'https://github.com/18F/x');
  });

  it('gives pages the URLs Jekyll gave them', () => {
    assert.equal(documentUrlOf('ato', pages, { permalink: 'pretty' }), '/ato/');
    assert.equal(documentUrlOf('ato/checklist', pages, { permalink: 'pretty' }), '/ato/checklist/');
    assert.equal(documentUrlOf('ato/checklist', { ...pages, permalink: undefined }, { permalink: 'pretty' }), '/pages/ato/checklist/');
    assert.equal(pageUrlOf('about.md', { permalink: 'date' }), '/about.html');
    assert.equal(pageUrlOf('about.md', { permalink: 'pretty' }), '/about/');
    assert.equal(pageUrlOf('docs/index.md', { permalink: 'date' }), '/docs/');
    const values = { collection: 'pages', path: 'x', name: 'x', title: 'X', outputExt: '.html' };
    assert.equal(frontMatterUrl('/updating/', values), '/updating/');
    assert.equal(frontMatterUrl('/updating', values), '/updating/');
    assert.equal(frontMatterUrl('/', values), '/');
    assert.equal(frontMatterUrl('/404.html', values), '/404.html');
    assert.equal(staticFileUrlOf('_pages/ato/flow chart.png', pages, { permalink: 'pretty' }), '/ato/flow chart.png');
    assert.equal(staticFileUrlOf('assets/My Policy.pdf', undefined, { permalink: 'pretty' }), '/assets/My Policy.pdf');
  });

  it('finds what a link without a trailing slash names, as the host did', () => {
    const index = new UrlIndex<string>();
    index.add('/ato/', 'ato');
    index.add('/about.html', 'about');
    index.add('/assets/My Policy.pdf', 'pdf');
    assert.equal(index.get('/ato'), 'ato');
    assert.equal(index.get('/ato/index.html'), 'ato');
    assert.equal(index.get('/about'), 'about');
    assert.equal(index.get('/assets/My%20Policy.pdf'), 'pdf');
    assert.equal(resolveSitePath('..', '/ato/checklist/', ''), '/ato/');
    assert.equal(resolveSitePath('../sandbox', '/ato/checklist/', ''), '/ato/sandbox');
    assert.equal(resolveSitePath('/guide/tests', '/x/', '/guide'), '/tests');
    assert.equal(resolveSitePath('https://example.gov/', '/x/', ''), undefined);
  });

  it('makes heading ids exactly as kramdown GFM does', () => {
    assert.equal(kramdownGfmId('Step 3 — Document'), 'step-3--document');
    assert.equal(kramdownGfmId('Sinatra/Padrino'), 'sinatrapadrino');
    assert.equal(kramdownGfmId('Über Café'), 'über-café');
    assert.equal(kramdownGfmId('Errors & performance problems'), 'errors--performance-problems');
    assert.equal(kramdownGfmId('snake_case stays'), 'snake_case-stays');
  });

  it('reads kramdown attribute lists', () => {
    assert.deepEqual(parseAttributeList(' .usa-table #main target="_blank" data-x=1 toc'), {
      classes: ['usa-table'],
      id: 'main',
      attributes: [['target', '_blank'], ['data-x', '1']],
      references: ['toc'],
    });
  });

  it('applies front matter defaults as Jekyll merges them', () => {
    const defaults = [
      { path: '', values: { layout: 'page', sidenav: 'all' } },
      { path: 'research', values: { sidenav: 'research' } },
      { path: '', type: 'posts', values: { layout: 'post' } },
    ];
    assert.deepEqual(withDefaults({ title: 'T' }, 'research/x.md', 'pages', defaults).data, { layout: 'page', sidenav: 'research', title: 'T' });
    assert.deepEqual(withDefaults({ sidenav: 'own' }, 'research/x.md', 'pages', defaults).data.sidenav, 'own');
    assert.ok(matchesEntry('vendor/bundle/x.md', 'vendor'));
    assert.ok(matchesEntry('notes.sh', '*.sh'));
    assert.ok(!matchesEntry('vendors/x.md', 'vendor'));
  });

  it('maps each output line of Liquid to the line it came from', () => {
    const source = 'one\n{% if a %}\nSee [x]({{ u }}).\n{% endif %}\nfour';
    const ifAt = source.indexOf('{% if');
    const endAt = source.indexOf('\nfour');
    const mapped = joinWithLineMap(source, [
      { text: 'one\n', begin: 0, end: ifAt, verbatim: true },
      { text: '\nSee [x](/g/u).\n', begin: ifAt, end: endAt, verbatim: false },
      { text: '\nfour', begin: endAt, end: source.length, verbatim: true },
    ]);
    assert.equal(mapped.text, 'one\n\nSee [x](/g/u).\n\nfour');
    assert.equal(mapped.lines[2], 3, 'the link line comes from line 3');
    assert.equal(mapped.lines[4], 5);
    assert.ok(producedBy('- [{{ item.text }}]({{ item.href }})', '- [Research](/g/research/)'));
    assert.ok(!producedBy('{% endif %}', 'anything'));
  });

  it('reads CSV data files', () => {
    assert.deepEqual(parseDelimited('name,role\n"Lee, A.",lead\nKim,"says ""hi"""\n', ','), [
      { name: 'Lee, A.', role: 'lead' },
      { name: 'Kim', role: 'says "hi"' },
    ]);
  });
});
