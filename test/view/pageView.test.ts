import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PageFacts } from '../../src/markdown/pageFacts.ts';
import { buildNavTree } from '../../src/nav/buildNavTree.ts';
import { buildPageView, buildSystemPageView, tocOf } from '../../src/view/pageView.ts';
import { DEFAULT_SETTINGS, editUrlOf, issueUrlOf, settingsFrom } from '../../src/site/settings.ts';
import { makePage } from '../helpers/pages.ts';

const facts = (levels: number[]): PageFacts => ({
  headings: levels.map((level, i) => ({ level, id: `h${i}`, text: `Heading ${i}`, line: i + 1 })),
  links: [],
  ids: new Set(),
  rawHtml: false,
});

describe('tocOf', () => {
  it('lists h2 and h3 when a page has two or more', () => {
    assert.deepEqual(tocOf(facts([2, 3, 4, 2])).map((t) => [t.level, t.id]), [
      [2, 'h0'],
      [3, 'h1'],
      [2, 'h3'],
    ]);
    assert.equal(tocOf(facts([3, 3])).length, 2);
  });

  it('is empty with fewer than two h2/h3', () => {
    assert.deepEqual(tocOf(facts([2])), []);
    assert.deepEqual(tocOf(facts([1, 2, 4, 5, 6])), []);
    assert.deepEqual(tocOf(undefined), []);
  });
});

describe('settings', () => {
  it('reads site.yml keys, trimming slashes, and falls back to defaults', () => {
    const { settings, problems } = settingsFrom(
      { name: 'Before You Ship', url: 'https://guides.example.org/', repository: 'https://github.com/o/r/', branch: 'trunk', content_path: '/docs/' },
      'content/site.yml',
    );
    assert.deepEqual(problems, []);
    assert.equal(settings.url, 'https://guides.example.org');
    assert.equal(settings.repository, 'https://github.com/o/r');
    assert.equal(settings.contentPath, 'docs');
    assert.equal(settings.language, DEFAULT_SETTINGS.language);
    assert.equal(editUrlOf(settings, 'security/über café.md'), 'https://github.com/o/r/edit/trunk/docs/security/%C3%BCber%20caf%C3%A9.md');
    assert.equal(issueUrlOf(settings, 'A & B'), 'https://github.com/o/r/issues/new?title=Feedback%20on%20%22A%20%26%20B%22');
  });

  it('names the settings file for a value of the wrong type', () => {
    const { problems } = settingsFrom({ name: ['a'] }, 'content/site.yml');
    assert.equal(problems[0]!.file, 'content/site.yml');
    assert.match(problems[0]!.message, /`name` must be text/);
  });

  it('has no edit or issue link without a repository', () => {
    assert.equal(editUrlOf(DEFAULT_SETTINGS, 'a.md'), undefined);
    assert.equal(issueUrlOf(DEFAULT_SETTINGS, 'A'), undefined);
  });
});

describe('buildPageView', () => {
  const { tree } = buildNavTree([
    makePage('index.md', { title: 'Before You Ship', navtitle: 'Home' }),
    makePage('security/index.md', { title: 'General Security Standards', navtitle: 'Security' }),
    makePage('security/frameworks.md', { title: 'Framework-Specific Security Guidelines', navtitle: 'Frameworks', parent: 'Security' }),
  ]);
  const settings = { ...DEFAULT_SETTINGS, name: 'Guide', url: 'https://g.example.org', repository: 'https://github.com/o/r' };

  it('gathers what the layout renders, every link with the prefix', () => {
    const view = buildPageView({
      page: tree.byInputPath.get('security/frameworks.md')!.page,
      tree,
      settings,
      pathPrefix: '/preview/b/',
      assetVersion: 'abc',
      facts: facts([3, 3, 3]),
      lastUpdated: new Date('2024-03-05T09:00:00Z'),
    });
    assert.equal(view.title, 'Framework-Specific Security Guidelines');
    assert.equal(view.canonical, 'https://g.example.org/preview/b/security/frameworks/');
    assert.deepEqual(view.nav.breadcrumbs.map((b) => b.url), ['/preview/b/', '/preview/b/security/']);
    assert.equal(view.links.stylesheet, '/preview/b/assets/site.css?v=abc');
    assert.equal(view.toc.length, 3);
    assert.equal(view.editUrl, 'https://github.com/o/r/edit/main/content/security/frameworks.md');
    assert.deepEqual(view.lastUpdated, { iso: '2024-03-05T09:00:00.000Z', text: 'March 5, 2024' });
  });

  it('gives system pages the top-level navigation and a breadcrumb home', () => {
    const view = buildSystemPageView({ title: 'Page not found', url: '/404.html', tree, settings, pathPrefix: '/', assetVersion: 'abc' });
    assert.deepEqual(view.nav.sidebar.map((i) => [i.label, i.current]), [
      ['Home', false],
      ['Security', false],
    ]);
    assert.deepEqual(view.nav.breadcrumbs, [{ label: 'Home', url: '/' }]);
  });
});
