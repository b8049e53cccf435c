import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attributeBreaks, lineOfHref } from '../../src/links/attributeBreaks.ts';
import { findBreaks } from '../../src/links/findBreaks.ts';
import type { LinkSources } from '../../src/links/linkSources.ts';
import { relativeHref, resolveRef } from '../../src/links/resolveRef.ts';
import { scanHtml } from '../../src/links/scanHtml.ts';
import type { SiteScan } from '../../src/links/scanSite.ts';
import { addTarget, findTarget, type SiteTargets } from '../../src/links/siteTargets.ts';
import { buildSuggestionIndex, closestId, suggestFix } from '../../src/links/suggestFix.ts';

const root = { pathPrefix: '/' };

describe('resolveRef', () => {
  it('skips mailto:, tel:, javascript: and data: links and passes other sites through', () => {
    for (const href of ['mailto:a@example.org', 'tel:+15555550100', 'javascript:void(0)', 'data:image/png;base64,AAAA', 'ftp://example.org/x']) {
      assert.deepEqual(resolveRef(href, '/a/', root), { kind: 'skip' }, href);
    }
    assert.deepEqual(resolveRef('https://example.com/x#y', '/a/', root), { kind: 'external', url: 'https://example.com/x#y' });
    assert.deepEqual(resolveRef('//example.com/x', '/a/', root), { kind: 'external', url: 'http://example.com/x' });
  });

  it('resolves relative links from index and leaf page URLs as a browser does', () => {
    assert.deepEqual(resolveRef('checklist/', '/guide/', root), { kind: 'internal', path: '/guide/checklist/' });
    assert.deepEqual(resolveRef('../deployment/#roll-back', '/guide/checklist/', root), { kind: 'internal', path: '/guide/deployment/', fragment: 'roll-back' });
    assert.deepEqual(resolveRef('#top', '/guide/', root), { kind: 'internal', path: '/guide/', fragment: 'top' });
    assert.deepEqual(resolveRef('?q=1', '/search/', root), { kind: 'internal', path: '/search/' });
  });

  it('undoes percent-encoding, so encoded and plain non-ASCII anchors and spaces are one target', () => {
    assert.deepEqual(resolveRef('#%C3%BCber-caf%C3%A9', '/a/', root), { kind: 'internal', path: '/a/', fragment: 'über-café' });
    assert.deepEqual(resolveRef('#über-café', '/a/', root), { kind: 'internal', path: '/a/', fragment: 'über-café' });
    assert.deepEqual(resolveRef('../My%20Policy.pdf', '/a/b/', root), { kind: 'internal', path: '/a/My Policy.pdf' });
  });

  it('strips the path prefix, and reports paths outside it', () => {
    const site = { pathPrefix: '/preview/x/' };
    assert.deepEqual(resolveRef('/preview/x/guide/', '/preview/x/', site), { kind: 'internal', path: '/guide/' });
    assert.deepEqual(resolveRef('../../', '/preview/x/guide/', site), { kind: 'outside', path: '/preview/' });
    assert.deepEqual(resolveRef('/guide/', '/preview/x/', site), { kind: 'outside', path: '/guide/' });
    assert.deepEqual(resolveRef('/preview/x', '/preview/x/a/', site), { kind: 'internal', path: '/' });
  });

  it('checks links to the site’s own published address as internal', () => {
    const site = { pathPrefix: '/docs/', siteUrl: 'https://guides.example.org' };
    assert.deepEqual(resolveRef('https://guides.example.org/docs/a/', '/docs/', site), { kind: 'internal', path: '/a/' });
    assert.equal(resolveRef('https://guides.example.org.evil.test/', '/docs/', site).kind, 'external');
  });

  it('writes the shortest relative href between two URLs', () => {
    assert.equal(relativeHref('/guide/checklist/', '/guide/deployment/'), '../deployment/');
    assert.equal(relativeHref('/guide/', '/guide/images/flow.png'), 'images/flow.png');
    assert.equal(relativeHref('/a/b/', '/a/b/'), './');
    assert.equal(relativeHref('/a/b/c/', '/x/'), '../../../x/');
  });
});

describe('findTarget', () => {
  const targets: SiteTargets = new Map();
  for (const path of ['/a/index.html', '/old.html', '/img/x.png']) addTarget(targets, { path });

  it('finds pages with and without a trailing slash, clean .html URLs and files', () => {
    assert.equal(findTarget(targets, '/a/')?.path, '/a/index.html');
    assert.equal(findTarget(targets, '/a')?.path, '/a/index.html');
    assert.equal(findTarget(targets, '/a/index.html')?.path, '/a/index.html');
    assert.equal(findTarget(targets, '/old')?.path, '/old.html');
    assert.equal(findTarget(targets, '/img/x.png')?.path, '/img/x.png');
    assert.equal(findTarget(targets, '/b/'), undefined);
    assert.equal(findTarget(targets, '/A/'), undefined);
  });
});

/** A built site made of HTML strings, as `scanSite` would read it. */
function siteOf(pages: Record<string, string>, files: string[] = []): SiteScan {
  const scan: SiteScan = { targets: new Map(), pages: [], recorded: new Set() };
  for (const file of files) addTarget(scan.targets, { path: file });
  for (const [path, html] of Object.entries(pages)) {
    const page = scanHtml(html);
    addTarget(scan.targets, { path, ids: page.ids, headingIds: page.headingIds, redirectTo: page.redirectTo });
    scan.pages.push({ path, refs: page.refs });
  }
  return scan;
}

describe('findBreaks', () => {
  it('reports nothing when every link, anchor and image works', () => {
    const scan = siteOf(
      {
        '/index.html': '<a href="guide/">g</a><a href="/guide/#über-café">c</a><a href="guide">no slash</a><a href="#top">top</a><a href="#">empty</a><a href="mailto:x@example.org">m</a><a href="https://example.com/">e</a>',
        '/guide/index.html': '<h2 id="über-café">Ü</h2><img src="img/x.png"><a href="../">home</a><a href="#%C3%BCber-caf%C3%A9">enc</a><a href="/files/My%20Policy.pdf#page=2">pdf</a>',
      },
      ['/guide/img/x.png', '/files/My Policy.pdf'],
    );
    const result = findBreaks(scan, root, { collectExternal: true });
    assert.deepEqual(result.breaks, []);
    assert.deepEqual([...result.externals.keys()], ['https://example.com/']);
  });

  it('finds missing pages, files, images and anchors, each once per page', () => {
    const scan = siteOf({
      '/index.html': '<a href="nope/">a</a><a href="nope/">again</a><img src="x.png"><a href="x.pdf">f</a><a href="#missing">m</a><a href="/a/#gone">g</a>',
      '/a/index.html': '<h2 id="here">H</h2><a href="../nope/">same target</a>',
    });
    const found = findBreaks(scan, root).breaks.map((b) => [b.pagePath, b.href, b.problem.problem]);
    assert.deepEqual(found, [
      ['/index.html', 'nope/', 'no-page'],
      ['/index.html', 'x.png', 'no-file'],
      ['/index.html', 'x.pdf', 'no-file'],
      ['/index.html', '#missing', 'no-anchor'],
      ['/index.html', '/a/#gone', 'no-anchor'],
      ['/a/index.html', '../nope/', 'no-page'],
    ]);
  });

  it('follows redirect stubs and checks the fragment where they lead (extra targets count too)', () => {
    const scan = siteOf({
      '/old/index.html': '<meta http-equiv="refresh" content="0; url=/new/">',
      '/new/index.html': '<h2 id="part">P</h2>',
      '/loop/index.html': '<meta http-equiv="refresh" content="0; url=/nowhere/">',
      '/index.html': '<a href="/old/#part">ok</a><a href="/old/#nope">bad anchor</a><a href="/elsewhere/#x">extra</a>',
    });
    addTarget(scan.targets, { path: '/elsewhere/index.html', ids: new Set(['x']) });
    const found = findBreaks(scan, root).breaks.map((b) => [b.pagePath, b.href, b.problem.problem, b.problem.path]);
    assert.deepEqual(found, [
      ['/loop/index.html', '/nowhere/', 'no-page', '/nowhere/'],
      ['/index.html', '/old/#nope', 'no-anchor', '/new/index.html'],
    ]);
  });

  it('under a path prefix, checks prefixed links and reports links that leave the prefix', () => {
    const scan = siteOf({ '/index.html': '<a href="/p/a/">ok</a><a href="/a/">outside</a><a href="a/">relative ok</a>', '/a/index.html': '' });
    const found = findBreaks(scan, { pathPrefix: '/p/' }).breaks.map((b) => [b.href, b.problem.problem]);
    assert.deepEqual(found, [['/a/', 'outside-prefix']]);
  });
});

describe('suggestions', () => {
  it('picks a near-typo of a heading id, or the heading sharing words with a renamed one', () => {
    assert.equal(closestId('sumary', ['before-you-start', 'summary']), 'summary');
    assert.equal(closestId('uber-cafe', ['summary', 'über-café']), 'über-café');
    assert.equal(closestId('rolling-back', ['overview', 'roll-back-a-release']), 'roll-back-a-release');
    assert.equal(closestId('zzz', ['overview']), undefined);
  });

  it('suggests the page meant, written the way the editor wrote the link', () => {
    const scan = siteOf({ '/guide/index.html': '', '/guide/checklist/index.html': '<h2 id="summary">S</h2> <a href="#summary">#</a>', '/guide/deployment/index.html': '' }, ['/guide/images/flow.png']);
    const index = buildSuggestionIndex(scan.targets);
    const fix = (href: string, pageUrl: string) => {
      const b = findBreaks({ targets: scan.targets, pages: [{ path: `${pageUrl}index.html`, refs: new Map([[href, 'link']]) }] }, root).breaks[0]!;
      return suggestFix({ href, pageUrl, problem: b.problem }, index, root);
    };
    assert.equal(fix('../deploymnet/', '/guide/checklist/').href, '../deployment/');
    assert.equal(fix('checklist/', '/guide/deployment/').href, '../checklist/');
    assert.equal(fix('images/flow.png', '/guide/checklist/').href, '../images/flow.png');
    assert.equal(fix('/guide/deploymnet/', '/guide/checklist/').href, '/guide/deployment/');
    assert.equal(fix('../checklist/#sumary', '/guide/deployment/').href, '../checklist/#summary');
    assert.equal(fix('../checklist.md#summary', '/guide/deployment/').href, '../checklist/#summary');
    assert.equal(fix('#nothing-like-it', '/guide/checklist/').note, 'Its headings: #summary.');
  });
});

describe('lineOfHref', () => {
  it('finds an href only where it stands as a whole link destination', () => {
    const text = 'title\n\nSee /guide/ in prose and [x](/guide/x/).\n<a href="/guide/">raw</a>\n[ref]: /guide/\n';
    assert.equal(lineOfHref(text, ['/guide/']), 4);
    assert.equal(lineOfHref(text, ['/guide/x/']), 3);
    assert.equal(lineOfHref('[a](/)\n', ['/']), 1);
    assert.equal(lineOfHref('a/b/c\n', ['/']), undefined);
    assert.equal(lineOfHref('x\n[ref]:  /guide/\n', ['/guide/']), 2);
  });
});

describe('attributeBreaks', () => {
  const scan = siteOf({
    '/guide/index.html': '<a href="/gone/">nav</a><a href="x/">one</a><a href="./x/">two</a><a href="/raw-gone/">raw</a>',
    '/404.html': '<a href="/gone/">nav</a>',
    '/other/index.html': '<a href="/gone/">nav</a>',
    '/included/index.html': '<a href="/gone/">nav</a><a href="/from-include/">inc</a>',
  });
  const markdown = '# Guide\n\n[one](x/) and\n[two](./x/)\n\n<a href="/raw-gone/">raw</a>\n';
  const sources: LinkSources = {
    sourceOf: (sitePath) =>
      sitePath === '/guide/index.html'
        ? { file: 'content/guide/index.md', layout: 'layouts/page.11ty.ts', recorded: false, textHoldsEveryLink: true, text: () => markdown, links: () => [{ href: 'x/', line: 3 }, { href: './x/', line: 4 }] }
        : sitePath === '/other/index.html'
          ? { file: 'content/other.md', layout: 'layouts/page.11ty.ts', recorded: false, textHoldsEveryLink: true, text: () => 'no links here', links: () => assert.fail('a page whose text lacks the href is not parsed') }
          : sitePath === '/included/index.html'
            ? // A page whose links come partly from an include: its own text does not show them.
              { file: 'pages/included.md', layout: 'layouts/page.11ty.ts', recorded: false, textHoldsEveryLink: false, text: () => '{% include x.md %}', links: () => [{ href: '/from-include/', line: 1 }] }
            : undefined,
    layoutOf: () => 'layouts/system-pages.ts',
  };

  it('names each source line once, finds raw HTML by its text, parses pages with includes, and groups layout breaks by layout', () => {
    const breaks = attributeBreaks(findBreaks(scan, root).breaks, sources, root, scan.targets);
    assert.deepEqual(
      breaks.map((b) => [b.file, b.line, b.href, b.pages]),
      [
        ['content/guide/index.md', 3, 'x/', ['/guide/']],
        ['content/guide/index.md', 4, './x/', ['/guide/']],
        ['content/guide/index.md', 6, '/raw-gone/', ['/guide/']],
        ['pages/included.md', 1, '/from-include/', ['/included/']],
        ['layouts/page.11ty.ts', undefined, '/gone/', ['/guide/', '/other/', '/included/']],
        ['layouts/system-pages.ts', undefined, '/gone/', ['/404.html']],
      ],
    );
  });
});
