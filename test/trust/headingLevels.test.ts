import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMarkdown } from '../../src/markdown/createMarkdown.ts';
import type { PageFacts } from '../../src/markdown/pageFacts.ts';

function levels(markdown: string): { html: string[]; facts: number[] } {
  let facts: PageFacts | undefined;
  const html = createMarkdown({ onPageFacts: (_env, f) => (facts = f) }).render(markdown);
  return { html: [...html.matchAll(/<(h\d) id="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`), facts: facts!.headings.map((h) => h.level) };
}

test('top headings become h2 under the page title, as the seed page writes them (### Django)', () => {
  assert.deepEqual(levels('### Django\n\ntext\n\n### Flask\n\n#### Extensions\n').html, ['h2 django', 'h2 flask', 'h3 extensions']);
});

test('a skipped level is closed, the hierarchy kept; a # heading sits under the title', () => {
  assert.deepEqual(levels('## A\n\n#### B\n\n###### C\n\n## D\n\n### E').html, ['h2 a', 'h3 b', 'h4 c', 'h2 d', 'h3 e']);
  assert.deepEqual(levels('# One\n\n## Two\n\n# Three').html, ['h2 one', 'h3 two', 'h2 three']);
});

test('well-ordered headings are unchanged, and the recorded levels (contents, search) agree', () => {
  const result = levels('## A\n\n### B\n\n#### C\n\n## D');
  assert.deepEqual(result.html, ['h2 a', 'h3 b', 'h4 c', 'h2 d']);
  assert.deepEqual(result.facts, [2, 3, 4, 2]);
  assert.match(createMarkdown().render('### X'), /<h2 id="x">X <a class="heading-anchor"[^>]*>#<\/a><\/h2>/);
});
