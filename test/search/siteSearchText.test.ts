// A page's text reaches the search apart from its facts (src/markdown/pageFactsPlugin.ts): the
// search keeps its own, changes no page's facts, and in the dev server still has the text of
// pages an incremental rebuild did not render again.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { SiteBuild } from '../../src/build/siteBuild.ts';
import { ContentFormat } from '../../src/content/contentFormat.ts';
import { createMarkdown } from '../../src/markdown/createMarkdown.ts';
import type { PageFacts, SectionFact } from '../../src/markdown/pageFacts.ts';
import { search } from '../../src/search/browser/engine.ts';
import { readStoredIndex } from '../../src/search/readStoredIndex.ts';
import { fixturesDir, tempDir } from '../helpers/run.ts';
import { scratchFolders } from '../helpers/scratch.ts';

const scratch = scratchFolders();
after(() => scratch.removeAll());

const inputDir = path.join(fixturesDir, 'good-site');
const WORD = 'zanzibarquux';

function siteBuild(mode: 'build' | 'serve') {
  const outputDir = scratch.keep(tempDir());
  const input = new ContentFormat(inputDir, '/');
  const build = new SiteBuild({ input, mode, siteDir: outputDir, outputDir, model: input.loadSite({ gitDates: false }) });
  const recorded: { facts?: PageFacts; sections?: SectionFact[] } = {};
  // Wired as src/eleventy/markdownPlugin.ts wires the build.
  const md = createMarkdown({
    onPageSections: (env, sections) => build.pageSections(env, (recorded.sections = sections)),
    onPageFacts: (env, facts) => build.pageRendered(env, (recorded.facts = facts)),
  });
  const renderHome = () => md.render(`Intro.\n\n## Travel\n\nAbout ${WORD} and more.\n`, { page: { inputPath: path.join(inputDir, 'index.md') } });
  const hits = async () => (await search(readStoredIndex(outputDir), WORD, { limit: 10 })).total;
  return { build, recorded, renderHome, hits };
}

describe('the search’s own copy of a page’s text', () => {
  it('indexes the text of a page as it renders, and changes neither its facts nor its sections', async () => {
    const { build, recorded, renderHome, hits } = siteBuild('build');
    build.beforeBuild();
    renderHome();
    const facts = structuredClone(recorded.facts);
    const sections = structuredClone(recorded.sections);
    await build.search.writeIndex();
    assert.equal(await hits(), 1, 'the Travel section');
    assert.deepEqual(recorded.facts, facts);
    assert.deepEqual(recorded.sections, sections);
    assert.equal(build.facts.get('index.md'), recorded.facts, 'the build keeps the facts as they were handed over');
  });

  it('dev server: a rebuild that does not render the page again still indexes its text, until a full rebuild', async () => {
    const { build, renderHome, hits } = siteBuild('serve');
    build.search.prepare();
    renderHome();
    await build.search.writeIndex();
    assert.equal(await hits(), 1);

    // An incremental rebuild of other pages: a fresh indexer, this page's facts kept.
    build.search.prepare();
    await build.search.writeIndex();
    assert.equal(await hits(), 1, 'the text was kept for the next rebuild');

    // A full rebuild starts with no recorded pages (src/devserver/rebuilds.ts); this page has not rendered yet.
    build.facts.clear();
    build.search.prepare();
    await build.search.writeIndex();
    assert.equal(await hits(), 0, 'no text of a page that has not rendered since');
  });
});
