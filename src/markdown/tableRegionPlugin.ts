import type { MarkdownIt, Token } from 'markdown-it';

/**
 * Wide tables scroll inside a labelled, focusable region instead of widening the page;
 * numbered ("Table 1", "Table 2"), so a screen reader's list of regions tells them apart.
 */
export function tableRegionPlugin(md: MarkdownIt): void {
  md.renderer.rules.table_open = (tokens, idx) => `<section class="table-scroll" tabindex="0" aria-label="Table ${tableNumber(tokens, idx)}">\n<table>\n`;
  md.renderer.rules.table_close = () => '</table>\n</section>\n';
}

const tableNumbers = new WeakMap<Token[], Map<number, number>>();

/** 1 for the page's first table, 2 for the next…; counted once per page. */
function tableNumber(tokens: Token[], idx: number): number {
  let numbers = tableNumbers.get(tokens);
  if (!numbers) {
    numbers = new Map();
    for (let i = 0, n = 0; i < tokens.length; i++) if (tokens[i]!.type === 'table_open') numbers.set(i, ++n);
    tableNumbers.set(tokens, numbers);
  }
  return numbers.get(idx) ?? 1;
}
