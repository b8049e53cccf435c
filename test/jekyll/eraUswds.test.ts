import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { fixturesDir } from '../helpers/run.ts';
import { renderGuide, type RenderedGuide } from './renderGuide.ts';

// The uswds-jekyll guide of eraUswds.e2e.test.ts, loaded and rendered in-process (no build).
const guide = path.join(fixturesDir, 'jekyll-uswds');

describe('a uswds-jekyll guide, rendered in-process', () => {
  let rendered: RenderedGuide;
  before(() => {
    rendered = renderGuide(guide);
  });

  it('keeps the line numbers of Markdown inside HTML blocks marked markdown="1"', () => {
    const link = rendered.facts.get('research/surveys.md')!.links.find((l) => l.href === '../interviews/' && l.line > 6);
    assert.equal(link?.line, 8);
  });
});
