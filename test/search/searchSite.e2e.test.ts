// Search over real builds: relevance on our own guide (content/), and what the index of a
// fixture site holds and leaves out.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { parseFrontMatter } from '../../src/content/frontMatter.ts';
import { createMarkdown } from '../../src/markdown/createMarkdown.ts';
import type { SectionFact } from '../../src/markdown/pageFacts.ts';
import { search } from '../../src/search/browser/engine.ts';
import type { IndexReader } from '../../src/search/browser/indexReader.ts';
import { presentResults, type ResultItem } from '../../src/search/browser/results.ts';
import { measureSearch } from '../../src/search/measureSearch.ts';
import { readStoredIndex } from '../../src/search/readStoredIndex.ts';
import { searchEntries } from '../../src/search/searchDocuments.ts';
import { loadContentSite } from '../../src/content/loadContent.ts';
import { buildSite, fixturesDir, projectRoot } from '../helpers/run.ts';
import { assertSameRanking, lunrIndexOf, lunrSearch } from './lunrReference.ts';

async function results(reader: IndexReader, query: string, limit = 10): Promise<ResultItem[]> {
  return presentResults(reader, await search(reader, query, { limit, useDigests: true }));
}

const text = (segments: ResultItem['title'] | undefined) => (segments ?? []).map(([t]) => t).join('');

describe('relevance on the guide in content/', () => {
  const contentDir = path.join(projectRoot, 'content');
  let reader: IndexReader;
  before(async () => {
    const build = await buildSite(contentDir);
    assert.equal(build.code, 0, build.stderr);
    reader = readStoredIndex(build.outputDir);
  });

  it('ranks as one whole lunr index over the same documents would (the build streams pages to a worker)', async () => {
    const model = loadContentSite({ inputDir: contentDir, gitDates: false });
    const sections = new Map<string, SectionFact[]>();
    let current = '';
    const md = createMarkdown({ onPageSections: (_env, pageSections) => sections.set(current, pageSections) });
    for (const page of model.pages) {
      current = page.inputPath;
      md.render(parseFrontMatter(readFileSync(path.join(contentDir, page.inputPath), 'utf8'), page.file).parsed!.body, {});
    }
    const lunrIndex = lunrIndexOf(searchEntries({ tree: model.tree, sections, pathPrefix: '/' }).flatMap((entry) => entry.documents));
    for (const query of ['padrino', 'flask secur', 'static analysis python', 'djnago', 'se', 'ra', 'security', 'rails secure', 'owasp top']) {
      const expected = lunrSearch(lunrIndex, query);
      const result = await search(reader, query, { limit: 1000 });
      assert.equal(result.total, expected.length, query);
      assertSameRanking(result.hits, expected, query);
    }
  });

  const firstUrl = async (query: string) => (await results(reader, query))[0]?.url ?? '(no result)';

  it('padrino: the Sinatra/Padrino section of the frameworks page first', async () => {
    assert.equal(await firstUrl('padrino'), '/security/frameworks/#sinatrapadrino');
  });

  it('flask secur (still typing): the Flask section first', async () => {
    assert.equal(await firstUrl('flask secur'), '/security/frameworks/#flask');
  });

  it('static analysis python: the Python section of the static analysis page first', async () => {
    assert.equal(await firstUrl('static analysis python'), '/security/static-analysis/#python');
  });

  it('static analysis rails / ruby: the static analysis page’s Rails and Ruby sections first', async () => {
    assert.equal(await firstUrl('static analysis rails'), '/security/static-analysis/#rails');
    assert.equal(await firstUrl('static analysis other ruby'), '/security/static-analysis/#other-ruby-frameworks');
  });

  it('djnago (a typo): Django', async () => {
    const [first] = await results(reader, 'djnago');
    assert.equal(first?.url, '/security/frameworks/#django');
    assert.equal(text(first?.heading), 'Django');
  });

  it('two letters already find something, and more words narrow', async () => {
    assert.ok((await search(reader, 'pa', { limit: 10, useDigests: true })).total > 0);
    assert.equal(await firstUrl('padr'), '/security/frameworks/#sinatrapadrino');
    const one = (await search(reader, 'static', { limit: 10 })).total;
    const two = (await search(reader, 'static python', { limit: 10 })).total;
    assert.ok(two > 0 && two < one, `static: ${one}, static python: ${two}`);
  });
});

describe('the index of a site', () => {
  let siteDir: string;
  let reader: IndexReader;
  before(async () => {
    const build = await buildSite(path.join(fixturesDir, 'search-site'), ['--pathprefix=/docs/']);
    assert.equal(build.code, 0, build.stderr);
    siteDir = build.outputDir;
    reader = readStoredIndex(siteDir);
  });

  it('has one result per page and per h2/h3 section (h4 text in its section), with URLs under the path prefix', async () => {
    const found = await results(reader, 'lighthouse', 20);
    assert.deepEqual(found.map((r) => r.url).sort(), [
      '/docs/guides/lighthouse/',
      '/docs/guides/lighthouse/#fog-horn',
      '/docs/guides/lighthouse/#fog-signals',
      '/docs/guides/lighthouse/#lamp-maintenance',
      '/docs/guides/lighthouse/#spare-lenses',
    ]);
  });

  it('finds a page by its title before its sections', async () => {
    const [first] = await results(reader, 'lighthouse keeping');
    assert.equal(first?.url, '/docs/guides/lighthouse/');
  });

  it('stores the display data apart: page title, heading, breadcrumb, excerpt with matches marked', async () => {
    const [horn] = await results(reader, 'compressor');
    assert.equal(horn?.url, '/docs/guides/lighthouse/#fog-horn');
    assert.equal(text(horn?.title), 'Lighthouse keeping');
    assert.equal(text(horn?.heading), 'Fog horn');
    assert.deepEqual(horn?.crumbs, ['Guides']);
    assert.ok(horn?.excerpt.some(([t, marked]) => marked && t === 'compressor'));
  });

  it('leaves out pages with search: false, the 404 page and the generated pages', async () => {
    assert.equal((await search(reader, 'zanzibarian', { limit: 10 })).total, 0);
    assert.equal((await search(reader, 'mistyped', { limit: 10 })).total, 0, 'the 404 page says "mistyped"');
    assert.equal((await search(reader, 'javascript', { limit: 10 })).total, 0, 'the search page says "JavaScript"');
    assert.ok(existsSync(path.join(siteDir, 'guides', 'hidden', 'index.html')), 'the hidden page itself is published');
  });

  it('keeps a hostile title as text in the stored data', async () => {
    const [page] = await results(reader, 'friends');
    assert.equal(text(page?.title), 'Level 4 & <Friends>');
  });

  it('reports figures for the benchmark', async () => {
    const figures = await measureSearch(siteDir, { queries: ['lighthouse', 'zanzibarian'], timedRounds: 1 });
    assert.ok(figures.index.gzipBytes > 0 && figures.index.rawBytes >= figures.index.gzipBytes);
    assert.equal(figures.queries[0]!.firstResultAt, 'li');
    assert.ok(figures.queries[0]!.bytesBeforeFirstResult > figures.scripts.worker.gzip);
    assert.equal(figures.queries[1]!.total, 0);
    assert.ok(figures.queryMs.runs > 0);
  });
});
