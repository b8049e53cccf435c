import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { fixturesDir } from '../helpers/run.ts';
import { renderGuide, type RenderedGuide } from './renderGuide.ts';

// The 2016-style guide of era2016.e2e.test.ts, loaded and rendered in-process (no build).
const guide = path.join(fixturesDir, 'jekyll-2016');

describe('a 2016-style Jekyll guide, rendered in-process', () => {
  let rendered: RenderedGuide;
  before(() => {
    rendered = renderGuide(guide);
  });

  it('records an <a name> as a link target', () => {
    assert.ok(rendered.facts.get('_pages/security/static-analysis.md')!.ids.has('languages'), '<a name> is a target');
  });
});
