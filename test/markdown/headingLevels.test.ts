import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import markdownIt from 'markdown-it';
import { outlineHeadingLevelsPlugin } from '../../src/markdown/headingLevels.ts';

// The levels themselves are tested against screen-reader rules in test/trust/headingLevels.test.ts.
describe('outlineHeadingLevelsPlugin', () => {
  it('renders the headings of a page as an outline under the title, opening and closing tags alike', () => {
    const md = markdownIt().use(outlineHeadingLevelsPlugin);
    assert.equal(md.render('### Django\n\n##### Deep\n\n# Top\n'), '<h2>Django</h2>\n<h3>Deep</h3>\n<h2>Top</h2>\n');
  });
});
