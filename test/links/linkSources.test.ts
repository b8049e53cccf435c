import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseFrontMatter } from '../../src/content/frontMatter.ts';
import { markdownSources } from '../../src/links/linkSources.ts';
import { createMarkdown } from '../../src/markdown/createMarkdown.ts';
import type { PageFacts } from '../../src/markdown/pageFacts.ts';
import { loadContentSite } from '../../src/content/loadContent.ts';
import { fixturesDir } from '../helpers/run.ts';

/** The links-broken fixture as a build sees it: its model and the facts its pages rendered to. */
function renderedFixture(pathPrefix: string) {
  const model = loadContentSite({ inputDir: path.join(fixturesDir, 'links-broken'), gitDates: false });
  const facts = new Map<string, PageFacts>();
  for (const page of model.pages) {
    const text = readFileSync(path.join(model.inputDir, page.inputPath), 'utf8');
    const body = parseFrontMatter(text, page.file).parsed!.body;
    createMarkdown({ pathPrefix, onPageFacts: (_env, recorded) => facts.set(page.inputPath, recorded) }).render(body, {});
  }
  return { model, facts };
}

describe('markdownSources: pages checked from the record', () => {
  it('gives a page’s ids and links as the built file holds them, with the path prefix on site-absolute links', () => {
    const { model, facts } = renderedFixture('/preview/x/');
    const sources = markdownSources({ model, pathPrefix: '/preview/x/', facts, factsAreComplete: true });
    const deployment = sources.recordedPage?.('/guide/deployment/index.html');
    assert.deepEqual([...(deployment?.refs ?? [])], [
      ['checklist/', 'link'],
      ['../images/flow.png', 'image'],
      ['https://img.shields.io/badge/build-passing-green', 'image'],
    ]);
    assert.deepEqual([...(deployment?.ids ?? [])], ['roll-back-a-release']);
    assert.deepEqual(deployment?.headingIds, ['roll-back-a-release']);
    assert.deepEqual([...(sources.recordedPage?.('/guide/index.html')?.refs.keys() ?? [])], ['checklist/', 'deployment', 'deployment.md', '/preview/x/']);
  });

  it('reads back pages with raw HTML, pages run through a template engine, and pages it has no facts for', () => {
    const { model, facts } = renderedFixture('/');
    const sources = markdownSources({ model, pathPrefix: '/', facts, factsAreComplete: true });
    // checklist.md holds `<a href="../deployments/">`, which the record does not list.
    assert.equal(sources.recordedPage?.('/guide/checklist/index.html'), undefined);
    assert.ok(sources.recordedPage?.('/guide/index.html'));
    const guide = model.pages.find((p) => p.inputPath === 'guide/index.md')!;
    guide.data = { ...guide.data, templateEngineOverride: 'njk,md' };
    assert.equal(sources.recordedPage?.('/guide/index.html'), undefined);
    facts.delete('index.md');
    assert.equal(sources.recordedPage?.('/index.html'), undefined);
  });

  it('records nothing for another input format, whose pages pull links in through templates', () => {
    const { model, facts } = renderedFixture('/');
    assert.equal(markdownSources({ model, pathPrefix: '/', facts }).recordedPage, undefined);
  });
});
