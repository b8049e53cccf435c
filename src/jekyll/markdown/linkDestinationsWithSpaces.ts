import type { MarkdownIt, StateInline } from 'markdown-it';
import { noteOn } from './notes.ts';

const TITLE = /^(.*?)\s+(?:"([^"]*)"|'([^']*)')$/s;

/**
 * kramdown makes a link of `[policy](../assets/My Policy 2015.pdf)`; CommonMark does not (a
 * destination ends at a space). In Jekyll mode such links and images are links again. Only
 * destinations that hold a space are taken here; every other link is markdown-it's.
 */
function spacedDestination(image: boolean) {
  return (state: StateInline, silent: boolean): boolean => {
    const src = state.src;
    let start = state.pos;
    if (image) {
      if (src.charCodeAt(start) !== 0x21 /* ! */) return false;
      start++;
    }
    if (src.charCodeAt(start) !== 0x5b /* [ */) return false;
    const labelEnd = state.md.helpers.parseLinkLabel(state, start, false);
    if (labelEnd < 0 || src.charCodeAt(labelEnd + 1) !== 0x28 /* ( */) return false;
    let depth = 0;
    let close = -1;
    for (let i = labelEnd + 2; i < state.posMax; i++) {
      const char = src.charCodeAt(i);
      if (char === 0x0a) break;
      if (char === 0x28) depth++;
      else if (char === 0x29) {
        if (depth === 0) {
          close = i;
          break;
        }
        depth--;
      }
    }
    if (close < 0) return false;
    const inside = src.slice(labelEnd + 2, close).trim();
    if (inside.startsWith('<')) return false;
    const titled = TITLE.exec(inside);
    const destination = (titled ? titled[1]! : inside).trim();
    const title = titled ? (titled[2] ?? titled[3]) : undefined;
    if (!/\s/.test(destination)) return false;
    const href = state.md.normalizeLink(destination);
    if (!state.md.validateLink(href)) return false;
    if (!silent) {
      const label = src.slice(start + 1, labelEnd);
      if (image) {
        const token = state.push('image', 'img', 0);
        const children: import('markdown-it').Token[] = [];
        state.md.inline.parse(label, state.md, state.env, children);
        token.attrs = [['src', href], ['alt', '']];
        if (title) token.attrs.push(['title', title]);
        token.children = children;
        token.content = label;
      } else {
        const open = state.push('link_open', 'a', 1);
        open.attrs = [['href', href]];
        if (title) open.attrs.push(['title', title]);
        const oldPos = state.pos;
        const oldMax = state.posMax;
        state.pos = start + 1;
        state.posMax = labelEnd;
        // markdown-it 14 counts link nesting (so links are not linkified inside links); its types lack it.
        const nesting = state as StateInline & { linkLevel: number };
        nesting.linkLevel++;
        state.md.inline.tokenize(state);
        nesting.linkLevel--;
        state.pos = oldPos;
        state.posMax = oldMax;
        state.push('link_close', 'a', -1);
      }
      noteOn(state.env, { line: 0, kind: 'converted', text: 'link destination with spaces' });
    }
    state.pos = close + 1;
    return true;
  };
}

export function linkDestinationsWithSpaces(md: MarkdownIt): void {
  md.inline.ruler.before('link', 'jekyll_spaced_link', spacedDestination(false));
  md.inline.ruler.before('image', 'jekyll_spaced_image', spacedDestination(true));
}
