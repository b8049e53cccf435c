import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { ALD, applyAttributes, IAL, insideOf, isEmpty, parseAttributeList, TRAILING_IAL } from './attributeList.ts';
import { noteOn, tokenLine } from './notes.ts';

/**
 * Markdown as kramdown (GFM input) rendered it for Jekyll, on top of our markdown-it: attribute
 * lists applied or dropped (never shown as text), heading ids as kramdown made them, GitHub task
 * lists, kramdown's `{:toc}` marker, and links written with the site's `baseurl`.
 */

/** The token that opens the block ending at `index` (a `*_close` token), or the token itself. */
function openingOf(tokens: Token[], index: number): Token | undefined {
  const token = tokens[index];
  if (!token) return undefined;
  if (token.nesting !== -1) return token;
  let depth = 0;
  for (let i = index; i >= 0; i--) {
    depth += tokens[i]!.nesting;
    if (depth === 0) return tokens[i];
  }
  return undefined;
}

/** `* TOC` + `{:toc}`: kramdown put its table of contents there; ours is in the layout. */
function removeTocMarkers(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== 'inline' || !/\{:\s*toc\s*\}/.test(token.content)) continue;
    // Find the list around it and remove it whole.
    let start = i;
    while (start > 0 && !['bullet_list_open', 'ordered_list_open'].includes(tokens[start]!.type)) start--;
    let end: number;
    let depth = 0;
    for (end = start; end < tokens.length; end++) {
      depth += tokens[end]!.nesting;
      if (depth === 0) break;
    }
    noteOn(state.env, { line: tokenLine(token), kind: 'converted', text: "kramdown's {:toc} (the generator's table of contents is used)" });
    tokens.splice(start, end - start + 1);
    i = start - 1;
  }
}

/** GFM reads a line under a table as one more row: `{: .usa-table}` there is the table's attribute list. */
function tableRowAttributeLists(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.type !== 'tr_open') continue;
    let close = i;
    while (close < tokens.length && tokens[close]!.type !== 'tr_close') close++;
    const cells = tokens.slice(i, close).filter((t) => t.type === 'inline');
    const first = cells[0]?.content.trim() ?? '';
    if (!IAL.test(first) || cells.slice(1).some((c) => c.content.trim() !== '')) continue;
    let table = i;
    while (table >= 0 && tokens[table]!.type !== 'table_open') table--;
    if (table >= 0) applyAttributes(tokens[table]!, parseAttributeList(insideOf(first)), first, tokens[i]!.map?.[0]);
    noteOn(state.env, { line: tokenLine(tokens[i]!), kind: 'converted', text: 'kramdown attribute list' });
    tokens.splice(i, close - i + 1);
    i--;
  }
}

function applyAttributeLists(state: StateCore): void {
  tableRowAttributeLists(state);
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== 'inline') continue;
    const children = token.children ?? [];

    // A paragraph that is only an attribute list applies to the block before it.
    const content = token.content.trim();
    if (tokens[i - 1]?.type === 'paragraph_open' && (IAL.test(content) || ALD.test(content))) {
      const target = ALD.test(content) ? undefined : openingOf(tokens, i - 2);
      const list = parseAttributeList(insideOf(content));
      if (target && !isEmpty(list)) {
        // `{: .language-yaml}` after a fence without a language names its language (markdown-it adds the class).
        const language = list.classes.find((c) => c.startsWith('language-'));
        if (target.type === 'fence' && language && !target.info.trim()) {
          target.info = language.slice('language-'.length);
          list.classes = list.classes.filter((c) => c !== language);
        }
        applyAttributes(target, list, content, token.map?.[0]);
        noteOn(state.env, { line: tokenLine(token), kind: 'converted', text: 'kramdown attribute list' });
      } else {
        noteOn(state.env, { line: tokenLine(token), kind: 'dropped', text: `kramdown attribute list \`${content}\` (nothing to apply it to)` });
      }
      tokens.splice(i - 1, 3);
      i -= 2;
      continue;
    }

    // Span attribute lists right after a link, image, emphasis or code: `[x](y){:target="_blank"}`.
    for (let c = 1; c < children.length; c++) {
      const child = children[c]!;
      if (child.type !== 'text' || !child.content.startsWith('{:')) continue;
      const end = child.content.indexOf('}');
      if (end < 0) continue;
      const previous = children[c - 1]!;
      let target: Token | undefined;
      if (previous.type === 'image' || previous.type === 'code_inline') target = previous;
      else if (previous.nesting === -1) target = openingOf(children, c - 1);
      if (!target) continue;
      const list = parseAttributeList(child.content.slice(2, end));
      applyAttributes(target, list, child.content.slice(0, end + 1));
      child.content = child.content.slice(end + 1);
      noteOn(state.env, { line: tokenLine(token), kind: 'converted', text: 'kramdown attribute list' });
    }

    // An attribute list on the last line of a paragraph (or at the end of a heading) applies to it.
    const last = children[children.length - 1];
    const opener = tokens[i - 1];
    if (last?.type === 'text' && opener && (opener.type === 'paragraph_open' || opener.type === 'heading_open')) {
      const match = TRAILING_IAL.exec(last.content);
      const onOwnLine = opener.type === 'heading_open' || children[children.length - 2]?.type === 'softbreak' || children.length === 1;
      if (match && onOwnLine) {
        // The list is on the heading's line, or the paragraph's last.
        const listLine = opener.map ? (opener.type === 'heading_open' ? opener.map[0] : opener.map[1] - 1) : undefined;
        applyAttributes(opener, parseAttributeList(insideOf(match[1]!)), match[1]!, listLine);
        last.content = last.content.slice(0, match.index);
        if (last.content === '' && children[children.length - 2]?.type === 'softbreak') children.splice(children.length - 2, 2);
        token.content = token.content.replace(TRAILING_IAL, '');
        noteOn(state.env, { line: tokenLine(token), kind: 'converted', text: 'kramdown attribute list' });
      }
    }

    // Anything left that looks like an attribute list is dropped, never shown as text.
    for (const child of children) {
      if (child.type === 'text' && /\{:[^}]*\}/.test(child.content)) {
        child.content = child.content.replace(/\{:[^}]*\}/g, '');
        noteOn(state.env, { line: tokenLine(token), kind: 'dropped', text: 'kramdown attribute list (not attached to anything)' });
      }
    }
  }
}

/**
 * kramdown's GFM heading id: the heading's text (typographic dashes and quotes are characters
 * kramdown made, not hyphens), lowercased, every character that is not a letter, mark, number,
 * connector, hyphen, space or tab dropped, each space and tab a hyphen; repeats get `-1`, `-2`…
 */
export function kramdownGfmId(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- \t]/gu, '')
    .replace(/[ \t]/g, '-');
}

function headingText(inline: Token): string {
  let text = '';
  for (const child of inline.children ?? []) {
    if (child.type === 'text') text += child.content.replace(/---?/g, '\u2013');
    else if (child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += ' ';
    else if (child.type === 'image') text += child.content;
  }
  return text.trim();
}

function assignHeadingIds(state: StateCore): void {
  const counter = new Map<string, number>();
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== 'heading_open' || token.attrGet('id')) continue;
    const base = kramdownGfmId(headingText(tokens[i + 1]!));
    const seen = counter.get(base) ?? -1;
    counter.set(base, seen + 1);
    const id = seen + 1 > 0 ? `${base}-${seen + 1}` : base;
    // kramdown gives a heading without letters no id; ours gets one from the common rule.
    if (id !== '') token.attrSet('id', id);
  }
}

/** `- [ ] task` and `- [x] done`: a disabled checkbox labelled by the item's text. */
function taskLists(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 2; i < tokens.length; i++) {
    const inline = tokens[i]!;
    if (inline.type !== 'inline' || tokens[i - 1]!.type !== 'paragraph_open' || tokens[i - 2]!.type !== 'list_item_open') continue;
    const first = inline.children?.[0];
    const match = first?.type === 'text' ? /^\[([ xX])\][ \t]+/.exec(first.content) : null;
    if (!first || !match) continue;
    first.content = first.content.slice(match[0].length);
    const checked = match[1] !== ' ';
    const open = new state.Token('html_inline', '', 0);
    open.content = `<label class="task-list-item-label"><input class="task-list-item-checkbox" type="checkbox" disabled${checked ? ' checked' : ''}> `;
    const close = new state.Token('html_inline', '', 0);
    close.content = '</label>';
    inline.children = [open, ...inline.children!, close];
    const item = tokens[i - 2]!;
    item.attrJoin('class', 'task-list-item');
    noteOn(state.env, { line: tokenLine(inline), kind: 'converted', text: 'task list item' });
  }
}

/** Links written with the site's `baseurl` (`{{ site.baseurl }}/x/`) become site paths, which the renderer prefixes. */
function stripBaseurl(baseurls: readonly string[]) {
  const bases = baseurls.filter((b) => b !== '' && b !== '/').map((b) => b.replace(/\/+$/, ''));
  const strip = (href: string) => {
    for (const base of bases) {
      if (href === base) return '/';
      if (href.startsWith(`${base}/`) || href.startsWith(`${base}#`) || href.startsWith(`${base}?`)) return href.slice(base.length) || '/';
    }
    return href;
  };
  return (state: StateCore) => {
    if (bases.length === 0) return;
    for (const token of state.tokens) {
      for (const child of token.children ?? []) {
        const name = child.type === 'link_open' ? 'href' : child.type === 'image' ? 'src' : undefined;
        const value = name ? child.attrGet(name) : null;
        if (name && typeof value === 'string') child.attrSet(name, strip(value));
      }
    }
  };
}

export interface KramdownSyntaxOptions {
  /** Prefixes links may carry that are the site root: the rendered `site.baseurl` and the one in `_config.yml`. */
  baseurls: readonly string[];
}

export function kramdownSyntax(options: KramdownSyntaxOptions) {
  return (md: MarkdownIt): void => {
    md.core.ruler.push('jekyll_toc_marker', removeTocMarkers);
    md.core.ruler.push('jekyll_attribute_lists', applyAttributeLists);
    md.core.ruler.push('jekyll_heading_ids', assignHeadingIds);
    md.core.ruler.push('jekyll_task_lists', taskLists);
    md.core.ruler.push('jekyll_baseurl_links', stripBaseurl(options.baseurls));
  };
}
