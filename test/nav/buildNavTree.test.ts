import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from '../../src/content/page.ts';
import { buildNavTree, compareSiblings, navKey, type NavNode } from '../../src/nav/buildNavTree.ts';
import { makePage } from '../helpers/pages.ts';

const labels = (nodes: NavNode[]) => nodes.map((n) => n.page.label);
const errorsOf = (pages: Page[]) => buildNavTree(pages).problems.filter((p) => p.severity === 'error');

/** A small guide shaped like the real one. */
const guide = () => [
  makePage('index.md', { title: 'Before You Ship', navtitle: 'Home' }),
  makePage('security/index.md', { title: 'General Security Standards', navtitle: 'Security' }),
  makePage('security/frameworks.md', { title: 'Framework-Specific Security Guidelines', navtitle: 'Frameworks', parent: 'Security' }),
  makePage('security/static-analysis.md', { title: 'Static Analysis', parent: 'general security standards' }),
  makePage('infrastructure/index.md', { title: 'Infrastructure' }),
  makePage('infrastructure/logging.md', { title: 'Logging', parent: 'infrastructure' }),
];

describe('buildNavTree', () => {
  it('places pages under the parent named by navtitle or title, in any case', () => {
    const { tree, problems } = buildNavTree(guide());
    assert.deepEqual(problems, []);
    assert.equal(tree.home!.page.inputPath, 'index.md');
    assert.deepEqual(labels(tree.roots), ['Infrastructure', 'Security']);
    const security = tree.byInputPath.get('security/index.md')!;
    assert.deepEqual(labels(security.children), ['Frameworks', 'Static Analysis']);
    assert.equal(tree.byInputPath.get('security/static-analysis.md')!.parent, security);
    assert.deepEqual(labels(tree.byInputPath.get('infrastructure/index.md')!.children), ['Logging']);
  });

  it('folds case, runs of spaces and Unicode composition when matching names', () => {
    assert.equal(navKey('  General   Security\tStandards '), 'general security standards');
    assert.equal(navKey('Cafe\u0301'), navKey('CAFÉ'));
    const pages = [makePage('a.md', { title: 'Testing  Guide' }), makePage('b.md', { title: 'Unit', parent: 'TESTING guide' })];
    assert.deepEqual(errorsOf(pages), []);
  });

  it('keeps reading order: home first, then depth first, with depths and indexes', () => {
    const { tree } = buildNavTree(guide());
    assert.deepEqual(labels(tree.order), ['Home', 'Infrastructure', 'Logging', 'Security', 'Frameworks', 'Static Analysis']);
    assert.deepEqual(tree.order.map((n) => n.index), [0, 1, 2, 3, 4, 5]);
    assert.deepEqual(tree.order.map((n) => n.depth), [0, 0, 1, 0, 1, 1]);
  });

  it('makes a page whose parent is the home page a top-level page', () => {
    const pages = [makePage('index.md', { title: 'Before You Ship', navtitle: 'Home' }), makePage('a.md', { title: 'A', parent: 'home' })];
    const { tree, problems } = buildNavTree(pages);
    assert.deepEqual(problems, []);
    assert.deepEqual(labels(tree.roots), ['A']);
    assert.equal(tree.roots[0]!.parent, undefined);
  });

  it('orders siblings by nav_order, then label case-insensitively, numbers by value', () => {
    const pages = [
      makePage('p.md', { title: 'Parent' }),
      ...['zebra', 'Apple', 'banana', 'Step 10', 'Step 9', 'Ändern', 'cherry'].map((title, i) => makePage(`c${i}.md`, { title, parent: 'Parent' })),
      makePage('o2.md', { title: 'Ordered second', parent: 'Parent', navOrder: 2 }),
      makePage('o1.md', { title: 'Ordered first', parent: 'Parent', navOrder: 1 }),
      makePage('o0.md', { title: 'Ordered negative', parent: 'Parent', navOrder: -1 }),
    ];
    const { tree, problems } = buildNavTree(pages);
    assert.deepEqual(problems, []);
    assert.deepEqual(labels(tree.roots[0]!.children), [
      'Ordered negative',
      'Ordered first',
      'Ordered second',
      'Ändern',
      'Apple',
      'banana',
      'cherry',
      'Step 9',
      'Step 10',
      'zebra',
    ]);
  });

  it('sorts by the label shown (navtitle), not the title', () => {
    const a = makePage('a.md', { title: 'Zzz long title', navtitle: 'Alpha' });
    const b = makePage('b.md', { title: 'Aaa long title', navtitle: 'Beta' });
    assert.ok(compareSiblings(a, b) < 0);
    assert.ok(compareSiblings(b, a) > 0);
  });

  it('handles titles with commas, colons, ampersands, angle brackets and non-ASCII letters', () => {
    const titles = ['Testing, linting', 'Rails: a guide', 'Level 4 & <Friends>', 'Über Café', '日本語'];
    const pages = titles.flatMap((title, i) => [
      makePage(`p${i}/index.md`, { title }),
      makePage(`p${i}/child.md`, { title: `Child ${i}`, parent: title.toUpperCase() }),
    ]);
    const { tree, problems } = buildNavTree(pages);
    assert.deepEqual(problems, []);
    for (const [i, title] of titles.entries()) {
      const node = tree.byInputPath.get(`p${i}/index.md`)!;
      assert.equal(node.page.title, title);
      assert.deepEqual(labels(node.children), [`Child ${i}`], title);
    }
  });

  it('builds a chain hundreds of pages deep without running out of stack', () => {
    const depth = 3000;
    const pages = Array.from({ length: depth }, (_, i) => makePage(`d${i}.md`, { title: `Level ${i}`, parent: i === 0 ? undefined : `Level ${i - 1}` }));
    const { tree, problems } = buildNavTree(pages);
    assert.deepEqual(problems, []);
    assert.equal(tree.order.length, depth);
    assert.equal(tree.byInputPath.get(`d${depth - 1}.md`)!.depth, depth - 1);
  });

  describe('errors, each naming the file and the line of `parent`', () => {
    it('a parent naming no page, with a did-you-mean of the closest title or navtitle', () => {
      const [error, ...rest] = errorsOf([...guide(), makePage('x.md', { title: 'X', parent: 'Securty' })]);
      assert.equal(rest.length, 0);
      assert.equal(error!.file, 'content/x.md');
      assert.equal(error!.line, 3);
      assert.match(error!.message, /parent "Securty" names no page/);
      assert.match(error!.hint!, /Did you mean "Security"\?/);
      const [far] = errorsOf([...guide(), makePage('y.md', { title: 'Y', parent: 'Deployment' })]);
      assert.doesNotMatch(far!.hint!, /Did you mean/);
    });

    it('a parent matching two pages, naming both files', () => {
      const pages = [
        makePage('a.md', { title: 'Testing Guide', navtitle: 'Testing' }),
        makePage('b.md', { title: 'Testing Handbook', navtitle: 'Testing' }),
        makePage('c.md', { title: 'Unit tests', parent: 'testing' }),
      ];
      const [error, ...rest] = errorsOf(pages);
      assert.equal(rest.length, 0);
      assert.equal(error!.file, 'content/c.md');
      assert.match(error!.message, /matches 2 pages: content\/a\.md and content\/b\.md/);
    });

    it('a full title wins over another page\'s navtitle of the same name', () => {
      const pages = [
        makePage('a.md', { title: 'Testing Guide', navtitle: 'Testing' }),
        makePage('b.md', { title: 'Testing' }),
        makePage('c.md', { title: 'Unit tests', parent: 'testing' }),
      ];
      const { tree, problems } = buildNavTree(pages);
      assert.deepEqual(problems, []);
      assert.equal(tree.byInputPath.get('c.md')!.parent!.page.inputPath, 'b.md');
    });

    it('a page that is its own parent', () => {
      const [error] = errorsOf([makePage('a.md', { title: 'Logging', navtitle: 'Logs', parent: 'logging' })]);
      assert.equal(error!.file, 'content/a.md');
      assert.match(error!.message, /own parent/);
    });

    it('a parent loop, printing the loop, on every page of it', () => {
      const pages = [
        makePage('a.md', { title: 'A', parent: 'C' }),
        makePage('b.md', { title: 'B', parent: 'A' }),
        makePage('c.md', { title: 'C', parent: 'B' }),
        makePage('d.md', { title: 'D', parent: 'A' }),
      ];
      const errors = errorsOf(pages);
      assert.deepEqual(errors.map((e) => e.file).sort(), ['content/a.md', 'content/b.md', 'content/c.md']);
      for (const error of errors) {
        assert.match(error.message, /parent loop: "A" \(content\/a\.md\) -> "C" \(content\/c\.md\) -> "B" \(content\/b\.md\) -> "A" \(content\/a\.md\)/);
      }
    });

    it('two pages that name each other', () => {
      const errors = errorsOf([makePage('a.md', { title: 'A', parent: 'B' }), makePage('b.md', { title: 'B', parent: 'A' })]);
      assert.equal(errors.length, 2);
      assert.match(errors[0]!.message, /parent loop/);
    });

    it('two children of one parent with one title, naming both files', () => {
      const pages = [
        makePage('p.md', { title: 'Parent' }),
        makePage('a.md', { title: 'Checklist', parent: 'Parent' }),
        makePage('b.md', { title: 'checklist', navtitle: 'Other label', parent: 'Parent' }),
      ];
      const [error, ...rest] = errorsOf(pages);
      assert.equal(rest.length, 0);
      assert.match(error!.message, /content\/a\.md and content\/b\.md/);
      assert.equal(error!.line, 2, 'the line of `title`');
    });

    it('two top-level pages with one title', () => {
      const [error] = errorsOf([makePage('a.md', { title: 'Same' }), makePage('b.md', { title: 'Same' })]);
      assert.match(error!.message, /content\/a\.md and content\/b\.md/);
    });

    it('one title under two different parents is fine', () => {
      const pages = [
        makePage('p.md', { title: 'Python' }),
        makePage('r.md', { title: 'Ruby' }),
        makePage('p/setup.md', { title: 'Setup', parent: 'Python' }),
        makePage('r/setup.md', { title: 'Setup', parent: 'Ruby' }),
      ];
      assert.deepEqual(errorsOf(pages), []);
    });

    it('every page is placed or reported: none silently dropped', () => {
      const pages = [
        ...guide(),
        makePage('lost.md', { title: 'Lost', parent: 'Nowhere' }),
        makePage('loop1.md', { title: 'Loop 1', parent: 'Loop 2' }),
        makePage('loop2.md', { title: 'Loop 2', parent: 'Loop 1' }),
      ];
      const { tree, problems } = buildNavTree(pages);
      const reported = new Set(problems.map((p) => p.file));
      for (const page of pages) {
        const placed = tree.order.some((n) => n.page === page);
        assert.ok(placed || reported.has(page.file), `${page.file} is neither placed nor reported`);
      }
    });
  });
});
