import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { fixturesDir } from '../helpers/run.ts';
import { renderGuide, type RenderedGuide } from './renderGuide.ts';

// The 2018-style guide of era2018.e2e.test.ts, loaded and rendered in-process (no build).
const guide = path.join(fixturesDir, 'jekyll-2018');

describe('a 2018-style Jekyll guide, rendered in-process', () => {
  let rendered: RenderedGuide;
  before(() => {
    rendered = renderGuide(guide);
  });

  it('builds the tree from parent, matched in any case', () => {
    const tree = rendered.model.tree;
    const shape = tree.roots.map((n) => `${n.page.label}: ${n.children.map((c) => c.page.label).join(', ')}`);
    assert.deepEqual(shape, ['ATO: ATO checklist, Impact levels', 'Infrastructure: Cloud accounts, Logging']);
  });

  it('does not count a redirect_to page as a page', () => {
    assert.ok(!rendered.model.pages.some((p) => p.url === '/ato/old-checklist/'), 'a redirect_to page is not a page');
  });
});
