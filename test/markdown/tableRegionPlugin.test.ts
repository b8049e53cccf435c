import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import markdownIt from 'markdown-it';
import { tableRegionPlugin } from '../../src/markdown/tableRegionPlugin.ts';

const TABLE = '| A |\n| --- |\n| 1 |\n';

describe('tableRegionPlugin', () => {
  it('wraps each table in a labelled, focusable region', () => {
    assert.equal(
      markdownIt().use(tableRegionPlugin).render(TABLE),
      '<section class="table-scroll" tabindex="0" aria-label="Table 1">\n<table>\n<thead>\n<tr>\n<th>A</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>\n</section>\n',
    );
  });

  it('numbers the tables of a page from 1, on every page', () => {
    const md = markdownIt().use(tableRegionPlugin);
    const labels = (html: string) => [...html.matchAll(/aria-label="([^"]+)"/g)].map((m) => m[1]);
    const page = `${TABLE}\ntext\n\n${TABLE}\n> ${TABLE.trim().split('\n').join('\n> ')}\n`;
    assert.deepEqual(labels(md.render(page)), ['Table 1', 'Table 2', 'Table 3']);
    assert.deepEqual(labels(md.render(page)), ['Table 1', 'Table 2', 'Table 3']);
  });
});
