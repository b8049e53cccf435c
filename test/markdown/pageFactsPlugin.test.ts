import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import markdownIt from 'markdown-it';
import { headingAnchorPlugin } from '../../src/markdown/headingAnchorPlugin.ts';
import { headingIdsPlugin } from '../../src/markdown/headingIdsPlugin.ts';
import type { PageFacts, SectionFact } from '../../src/markdown/pageFacts.ts';
import { pageFactsPlugin } from '../../src/markdown/pageFactsPlugin.ts';
import { pathPrefixPlugin } from '../../src/markdown/pathPrefixPlugin.ts';

const PAGE = 'Intro [site](/a/) and ![img](/i.png).\n\n## One\n\nText <a name="inline"></a>\nsecond [rel](b/) line.\n\n#### Deep\n\nMore.\n\n<div id="block">x</div>\n';

function setup(options: { prefix?: string; sections?: boolean; bodyLine?: number } = {}) {
  const seen: { facts?: PageFacts; sections?: SectionFact[]; order: string[] } = { order: [] };
  const md = markdownIt({ html: true })
    .use(headingIdsPlugin)
    .use(headingAnchorPlugin)
    .use(pathPrefixPlugin(options.prefix ?? '/'))
    .use(
      pageFactsPlugin({
        lineOffset: () => options.bodyLine ?? 1,
        onPageFacts: (_env, facts) => {
          seen.facts = facts;
          seen.order.push('facts');
        },
        onPageSections: options.sections
          ? (_env, sections) => {
              seen.sections = sections;
              seen.order.push('sections');
            }
          : undefined,
      }),
    );
  return { md, seen };
}

describe('pageFactsPlugin', () => {
  it('records headings, links as written and ids, with their lines in the file', () => {
    const { md, seen } = setup({ prefix: '/preview/x/', bodyLine: 5 });
    md.parse(PAGE, {});
    assert.deepEqual(seen.facts, {
      headings: [
        { level: 2, id: 'one', text: 'One', line: 7 },
        { level: 4, id: 'deep', text: 'Deep', line: 12 },
      ],
      links: [
        { href: '/a/', kind: 'link', line: 5 },
        { href: '/i.png', kind: 'image', line: 5 },
        { href: 'b/', kind: 'link', line: 10 },
      ],
      ids: new Set(['one', 'inline', 'deep', 'block']),
      rawHtml: true,
    });
  });

  it('changes no token', () => {
    const withFacts = setup({ prefix: '/preview/x/', sections: true }).md;
    const without = markdownIt({ html: true }).use(headingIdsPlugin).use(headingAnchorPlugin).use(pathPrefixPlugin('/preview/x/'));
    assert.equal(JSON.stringify(withFacts.parse(PAGE, {})), JSON.stringify(without.parse(PAGE, {})));
  });

  it('hands over the text by section only when asked, just before the facts', () => {
    const asked = setup({ sections: true });
    asked.md.parse(PAGE, {});
    assert.deepEqual(asked.seen.sections, [
      { level: 1, text: 'Intro site and img.' },
      { id: 'one', heading: 'One', level: 2, text: 'Text second rel line. Deep More.' },
    ]);
    assert.deepEqual(asked.seen.order, ['sections', 'facts']);
    assert.equal('sections' in asked.seen.facts!, false, 'the facts the build keeps hold no text');

    const notAsked = setup();
    notAsked.md.parse(PAGE, {});
    assert.deepEqual(notAsked.seen.order, ['facts']);
  });

  it('adds no rule when nobody listens', () => {
    const md = markdownIt().use(pageFactsPlugin({}));
    assert.equal(md.core.ruler.getRules('').length, markdownIt().core.ruler.getRules('').length);
  });

  it('does not count the build’s own anchor links as raw HTML', () => {
    const { md, seen } = setup();
    md.parse('## Heading\n\nText.\n', {});
    assert.equal(seen.facts!.rawHtml, false);
    assert.deepEqual([...seen.facts!.ids], ['heading']);
  });
});
