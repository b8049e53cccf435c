import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildNavTree, type NavTree } from '../../src/nav/buildNavTree.ts';
import { fullTree } from '../../src/nav/fullTree.ts';
import { buildPageNav, buildSidebar, SIDEBAR_LIST_LIMIT, type SidebarItem } from '../../src/nav/pageNav.ts';
import { makePage } from '../helpers/pages.ts';

const none = (url: string) => url;

/**
 * Home; A (A1 (A1a, A1b), A2); B (B1); C.
 */
function sampleTree(): NavTree {
  const { tree, problems } = buildNavTree([
    makePage('index.md', { title: 'Welcome', navtitle: 'Home' }),
    makePage('a/index.md', { title: 'Section A', navtitle: 'A', navOrder: 1 }),
    makePage('a/a1.md', { title: 'A1', parent: 'A' }),
    makePage('a/a1a.md', { title: 'A1a', parent: 'A1' }),
    makePage('a/a1b.md', { title: 'A1b', parent: 'A1' }),
    makePage('a/a2.md', { title: 'A2', parent: 'section a' }),
    makePage('b/index.md', { title: 'B', navOrder: 2 }),
    makePage('b/b1.md', { title: 'B1', parent: 'B' }),
    makePage('c.md', { title: 'C', navOrder: 3 }),
  ]);
  assert.deepEqual(problems, []);
  return tree;
}

/** The sidebar as an outline: `>` marks the current page, `+` an open item, indentation the level. */
function outline(items: SidebarItem[], depth = 0): string[] {
  return items.flatMap((i) => [
    `${'  '.repeat(depth)}${i.current ? '>' : ''}${i.open ? '+' : ''}${i.label}${i.hasChildren ? '/' : ''}${i.more ? ` [${i.more.count} more]` : ''}`,
    ...outline(i.children ?? [], depth + 1),
  ]);
}

const navOf = (tree: NavTree, inputPath: string, prefix = none) => buildPageNav(tree, tree.byInputPath.get(inputPath)!, prefix);

describe('buildPageNav', () => {
  it('shows home, the top-level pages and the open path: children of each ancestor and of the current page', () => {
    const tree = sampleTree();
    assert.deepEqual(outline(navOf(tree, 'a/a1.md').sidebar), ['Home', '+A/', '  >+A1/', '    A1a', '    A1b', '  A2', 'B/', 'C']);
    assert.deepEqual(outline(navOf(tree, 'a/a1b.md').sidebar), ['Home', '+A/', '  +A1/', '    A1a', '    >+A1b', '  A2', 'B/', 'C']);
    assert.deepEqual(outline(navOf(tree, 'b/b1.md').sidebar), ['Home', 'A/', '+B/', '  >+B1', 'C']);
  });

  it('shows only the top level on the home page, the home page current', () => {
    assert.deepEqual(outline(navOf(sampleTree(), 'index.md').sidebar), ['>+Home', 'A/', 'B/', 'C']);
  });

  it('shows the top level with nothing current on a page outside the tree (404, search)', () => {
    assert.deepEqual(outline(buildSidebar(sampleTree(), undefined, none)), ['Home', 'A/', 'B/', 'C']);
  });

  it('marks exactly one item current, labelled by navtitle or title', () => {
    const nav = navOf(sampleTree(), 'a/index.md');
    const current = outline(nav.sidebar).filter((line) => line.includes('>'));
    assert.deepEqual(current, ['>+A/']);
    assert.equal(nav.sidebar[1]!.label, 'A', 'navtitle, not the title "Section A"');
  });

  it('gives breadcrumbs from home down to the parent, the current page excluded', () => {
    const tree = sampleTree();
    assert.deepEqual(navOf(tree, 'a/a1a.md').breadcrumbs, [
      { label: 'Home', url: '/' },
      { label: 'A', url: '/a/' },
      { label: 'A1', url: '/a/a1/' },
    ]);
    assert.deepEqual(navOf(tree, 'c.md').breadcrumbs, [{ label: 'Home', url: '/' }]);
    assert.deepEqual(navOf(tree, 'index.md').breadcrumbs, []);
  });

  it('links previous and next in sidebar (reading) order, across sections', () => {
    const tree = sampleTree();
    const pairs = tree.order.map((n) => {
      const nav = buildPageNav(tree, n, none);
      return [nav.previous?.label, n.page.label, nav.next?.label];
    });
    assert.deepEqual(pairs, [
      [undefined, 'Home', 'A'],
      ['Home', 'A', 'A1'],
      ['A', 'A1', 'A1a'],
      ['A1', 'A1a', 'A1b'],
      ['A1a', 'A1b', 'A2'],
      ['A1b', 'A2', 'B'],
      ['A2', 'B', 'B1'],
      ['B', 'B1', 'C'],
      ['B1', 'C', undefined],
    ]);
  });

  it('lists a page\'s children, and the top-level pages on the home page', () => {
    const tree = sampleTree();
    assert.deepEqual(navOf(tree, 'a/index.md').children.map((c) => c.label), ['A1', 'A2']);
    assert.deepEqual(navOf(tree, 'c.md').children, []);
    assert.deepEqual(navOf(tree, 'index.md').children.map((c) => c.label), ['A', 'B', 'C']);
  });

  it('puts the path prefix on every URL', () => {
    const prefix = (url: string) => `/preview/x${url}`;
    const nav = navOf(sampleTree(), 'a/a1.md', prefix);
    const urls = [
      ...nav.breadcrumbs.map((l) => l.url),
      nav.previous!.url,
      nav.next!.url,
      ...nav.children.map((l) => l.url),
      ...Array.from(JSON.stringify(nav.sidebar).matchAll(/"url":"([^"]+)"/g), (m) => m[1]!),
    ];
    assert.ok(urls.length > 10);
    for (const url of urls) assert.ok(url.startsWith('/preview/x/'), url);
  });

  describe('a long sibling list', () => {
    const count = SIDEBAR_LIST_LIMIT * 4;
    const tree = buildNavTree([
      makePage('index.md', { title: 'Home' }),
      makePage('big/index.md', { title: 'Big' }),
      ...Array.from({ length: count }, (_, i) => makePage(`big/p${i}.md`, { title: `Page ${i}`, parent: 'Big' })),
      ...Array.from({ length: count }, (_, i) => makePage(`top${i}.md`, { title: `Top ${i}` })),
    ]).tree;

    it('is cut to a window around the open page, with a link to the full list', () => {
      const nav = navOf(tree, 'big/p50.md');
      const big = nav.sidebar.find((i) => i.label === 'Big')!;
      const shown = big.children!.map((c) => c.label);
      assert.ok(shown.length <= 11, `${shown.length} shown`);
      assert.ok(shown.includes('Page 50'));
      assert.ok(shown.includes('Page 45') && shown.includes('Page 55'));
      const last = big.children![big.children!.length - 1]!;
      assert.deepEqual(last.more, { count: count - shown.length, url: '/big/#childPages', label: 'Big' });
      // The sidebar stays small however many pages the site has.
      assert.ok(outline(nav.sidebar).length < 2 * SIDEBAR_LIST_LIMIT);
    });

    it('still lists every child on the parent page itself', () => {
      assert.equal(navOf(tree, 'big/index.md').children.length, count);
    });

    it('cuts a long top level too, pointing at the home page\'s list', () => {
      const nav = navOf(tree, 'top70.md');
      const labels = nav.sidebar.slice(1).map((i) => i.label);
      assert.equal(nav.sidebar[0]!.label, 'Home');
      assert.ok(labels.includes('Top 70'));
      assert.ok(labels.length <= 11);
      const more = nav.sidebar.find((i) => i.more)!.more!;
      assert.equal(more.url, '/#childPages');
      assert.equal(more.count, count + 1 - labels.length);
    });

    it('points a cut top level at "All pages" when the site has no home page', () => {
      const homeless = buildNavTree(Array.from({ length: count }, (_, i) => makePage(`top${i}.md`, { title: `Top ${i}` }))).tree;
      const sidebar = buildSidebar(homeless, undefined, none);
      assert.ok(sidebar.length <= 11);
      assert.deepEqual(sidebar.find((i) => i.more)!.more, { count: count - sidebar.length, url: '/all-pages/', label: 'All pages' });
    });
  });
});

describe('fullTree', () => {
  it('lists every page, home first', () => {
    const entries = fullTree(sampleTree(), none);
    assert.deepEqual(
      entries.map((e) => e.label),
      ['Home', 'A', 'B', 'C'],
    );
    assert.deepEqual(entries[1]!.children.map((e) => [e.label, e.children.map((c) => c.label)]), [
      ['A1', ['A1a', 'A1b']],
      ['A2', []],
    ]);
  });
});
