import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import markdownIt, { type MarkdownIt } from 'markdown-it';
import { headingIdsPlugin } from '../../src/markdown/headingIdsPlugin.ts';

const idsOf = (md: MarkdownIt, markdown: string) => md.parse(markdown, {}).filter((t) => t.type === 'heading_open').map((t) => t.attrGet('id'));

describe('headingIdsPlugin', () => {
  it('gives every heading an id as GitHub makes them, a repeated one numbered', () => {
    const md = markdownIt().use(headingIdsPlugin);
    assert.deepEqual(idsOf(md, '## Python\n\n## Rails\n\n# Python\n\n### Sinatra/Padrino\n\n## Über Café\n\n## `eval()` *now*\n\n## !!!\n'), [
      'python',
      'rails',
      'python-1',
      'sinatrapadrino',
      'über-café',
      'eval-now',
      'section',
    ]);
  });

  it('claims the ids an earlier rule set before making any, and keeps them', () => {
    // As Jekyll mode's `{#python}` does: the id is on the second heading, and the first must not take it.
    const md = markdownIt()
      .use((m) =>
        m.core.ruler.push('explicit', (state) => {
          const headings = state.tokens.filter((t) => t.type === 'heading_open');
          headings[1]!.attrSet('id', 'python');
        }),
      )
      .use(headingIdsPlugin);
    assert.deepEqual(idsOf(md, '## Python\n\n## Setup\n\n## Python\n'), ['python-1', 'python', 'python-2']);
  });

  it('starts afresh on each page', () => {
    const md = markdownIt().use(headingIdsPlugin);
    assert.deepEqual(idsOf(md, '## Intro\n'), ['intro']);
    assert.deepEqual(idsOf(md, '## Intro\n'), ['intro']);
  });
});
