// What createMarkdown renders and records for a rich page, byte for byte, kept as fixture files:
// the markdown-it plugins may be arranged differently, but readers and the link check must get
// exactly this. After a change meant to alter the output, write the files again with
// `UPDATE_MARKDOWN_FIXTURES=1 node --import tsx --test test/markdown/renderCharacterisation.test.ts`
// and review their diff.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { MarkdownIt } from 'markdown-it';
import { createMarkdown } from '../../src/markdown/createMarkdown.ts';
import type { PageFacts, SectionFact } from '../../src/markdown/pageFacts.ts';
import { fixturesDir } from '../helpers/run.ts';

const dir = path.join(fixturesDir, 'markdown-render');
const sample = readFileSync(path.join(dir, 'sample.md'), 'utf8');

/** A plugin that sets an id as an author would (`{#python-1}` in Jekyll mode) on the Rails heading. */
function explicitRailsId(md: MarkdownIt): void {
  md.core.ruler.push('test_explicit_id', (state) => {
    for (let i = 0; i < state.tokens.length; i++) {
      if (state.tokens[i]!.type === 'heading_open' && state.tokens[i + 1]!.content === 'Rails') state.tokens[i]!.attrSet('id', 'python-1');
    }
  });
}

const cases = [
  { name: 'root', pathPrefix: '/', bodyLine: 1, plugins: [] },
  { name: 'preview', pathPrefix: '/preview/x/', bodyLine: 5, plugins: [] },
  { name: 'explicit-id', pathPrefix: '/', bodyLine: 1, plugins: [explicitRailsId] },
];

/**
 * The page's facts, with its sections beside them (handed over on their own), and the warnings
 * as JSON; the id set in the order ids were added.
 */
function recordOf(facts: PageFacts[], sections: SectionFact[][], warnings: unknown[]): string {
  const pages = facts.map((f, i) => ({ headings: f.headings, links: f.links, ids: [...f.ids], sections: sections[i], rawHtml: f.rawHtml }));
  return `${JSON.stringify({ facts: pages, warnings }, null, 2)}\n`;
}

function renderCase(c: (typeof cases)[number]) {
  const facts: PageFacts[] = [];
  const sections: SectionFact[][] = [];
  const warnings: unknown[] = [];
  const md = createMarkdown({
    pathPrefix: c.pathPrefix,
    lineOffset: () => c.bodyLine,
    plugins: c.plugins,
    onPageFacts: (_env, f) => facts.push(f),
    onPageSections: (_env, s) => sections.push(s),
    onWarning: (_env, w) => warnings.push(w),
  });
  // Twice with one renderer: nothing of one page (ids taken, table numbers) leaks into the next.
  const html = md.render(sample, {});
  const again = md.render(sample, {});
  return { html, again, record: recordOf(facts, sections, warnings) };
}

describe('createMarkdown output, characterised', () => {
  for (const c of cases) {
    it(`renders the sample under ${c.pathPrefix}${c.plugins.length ? ' with an explicit id' : ''} as recorded`, () => {
      const { html, again, record } = renderCase(c);
      const htmlFile = path.join(dir, `${c.name}.html`);
      const factsFile = path.join(dir, `${c.name}.facts.json`);
      if (process.env.UPDATE_MARKDOWN_FIXTURES === '1' || !existsSync(htmlFile)) {
        assert.equal(process.env.UPDATE_MARKDOWN_FIXTURES, '1', `${htmlFile} is missing: write it with UPDATE_MARKDOWN_FIXTURES=1`);
        writeFileSync(htmlFile, html);
        writeFileSync(factsFile, record);
      }
      assert.equal(html, readFileSync(htmlFile, 'utf8'));
      assert.equal(again, html, 'a second page renders the same');
      assert.equal(record, readFileSync(factsFile, 'utf8'));
    });
  }
});
