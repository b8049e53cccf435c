// Which words of a result to mark, and which part of its text to show.
import { TOKEN_SEPARATOR, termOf, trimmedLengths } from './analysis.ts';
import type { Matcher } from './engine.ts';

/** Text in pieces; `true` pieces are matched words, shown in <mark>. Never HTML. */
export type Segments = [text: string, marked: boolean][];

/** Characters of context shown around the first matched word. */
export const EXCERPT_LENGTH = 160;
const LEAD = 50;

const separatorGlobal = new RegExp(TOKEN_SEPARATOR.source, 'g');

interface WordSpan {
  start: number;
  end: number;
}

/** The spans of the words in `text` that match the query, found the way the index found them. */
function matchedWords(text: string, matchers: Matcher[]): WordSpan[] {
  const spans: WordSpan[] = [];
  let start = 0;
  const visit = (end: number) => {
    if (end > start) {
      const word = text.slice(start, end);
      const token = word.toLowerCase();
      const term = termOf(token);
      if (term && matchers.some((m) => ('term' in m ? m.term === term : term.startsWith(m.prefix)))) {
        // Mark the word without the punctuation the trimmer takes off its ends.
        const [lead, tail] = trimmedLengths(word);
        spans.push({ start: start + lead, end: end - tail });
      }
    }
  };
  for (const separator of text.matchAll(separatorGlobal)) {
    visit(separator.index);
    start = separator.index + separator[0].length;
  }
  visit(text.length);
  return spans;
}

function segmentsOf(text: string, spans: WordSpan[]): Segments {
  const out: Segments = [];
  let at = 0;
  for (const { start, end } of spans) {
    if (start > at) out.push([text.slice(at, start), false]);
    if (end > start) out.push([text.slice(start, end), true]);
    at = Math.max(at, end);
  }
  if (at < text.length) out.push([text.slice(at), false]);
  return out;
}

/** A short text (title, heading) with its matched words marked. */
export function highlight(text: string, matchers: Matcher[]): Segments {
  return segmentsOf(text, matchedWords(text, matchers));
}

/**
 * An excerpt of about EXCERPT_LENGTH characters that starts shortly before the first matched
 * word (or at the start), cut at word boundaries, with "…" where text was left out.
 */
export function excerpt(text: string, matchers: Matcher[]): Segments {
  const spans = matchedWords(text, matchers);
  let from = 0;
  if (spans.length > 0 && spans[0]!.end > EXCERPT_LENGTH - 10) {
    from = Math.max(0, spans[0]!.start - LEAD);
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < spans[0]!.start) from = space + 1;
  }
  let to = Math.min(text.length, from + EXCERPT_LENGTH);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > from) to = space;
  }
  const window = spans
    .filter((s) => s.start >= from && s.end <= to)
    .map((s) => ({ start: s.start - from, end: s.end - from }));
  const out = segmentsOf(text.slice(from, to), window);
  if (from > 0) out.unshift(['… ', false]);
  if (to < text.length) out.push([' …', false]);
  return out;
}
