import type { MarkdownIt, PluginSimple } from 'markdown-it';
import deflist from 'markdown-it-deflist';
import footnote from 'markdown-it-footnote';
import { kramdownSyntax, type KramdownSyntaxOptions } from './kramdownSyntax.ts';
import { linkDestinationsWithSpaces } from './linkDestinationsWithSpaces.ts';

/**
 * The markdown-it plugins that make our renderer read kramdown's syntax in Jekyll mode.
 * Footnotes (`[^1]`) and definition lists come from markdown-it's own well-kept plugins
 * (the markdown-it organisation's); the rest is ours.
 */
export function jekyllMarkdownPlugins(options: KramdownSyntaxOptions): ((md: MarkdownIt) => void)[] {
  // The plugins' own type packages name markdown-it's types by another path: the same API.
  return [(md) => md.use(footnote as unknown as PluginSimple), (md) => md.use(deflist), linkDestinationsWithSpaces, kramdownSyntax(options)];
}

/**
 * kramdown's extensions, removed before Markdown: `{::comment}…{:/comment}` (with its text),
 * `{::options …/}`, and the `{::nomarkdown}` markers (their content stays). Line breaks are
 * kept so that every other line keeps its number.
 */
export function stripKramdownExtensions(text: string): { text: string; removed: string[] } {
  const removed: string[] = [];
  const blank = (match: string) => match.replace(/[^\n]/g, '');
  const out = text
    .replace(/\{::comment\}[\s\S]*?\{:\/comment\}/g, (m) => {
      removed.push('{::comment}');
      return blank(m);
    })
    .replace(/\{::options\b[^}]*\/\}/g, (m) => {
      removed.push('{::options}');
      return blank(m);
    })
    .replace(/\{::nomarkdown\}|\{:\/nomarkdown\}|\{:\/\}/g, (m) => {
      removed.push('{::nomarkdown}');
      return blank(m);
    });
  return { text: out, removed };
}

/**
 * kramdown parses Markdown inside an HTML block marked `markdown="1"`; CommonMark ends an HTML
 * block only at a blank line. Such blocks get a blank line after their opening tag and before
 * their closing tag (and lose the attribute). `lineOf` maps the new text's lines to the old.
 */
export function openMarkdownInHtml(text: string): { text: string; lineOf: (line: number) => number } {
  const lines = text.split('\n');
  const out: string[] = [];
  const origin: number[] = [];
  const open: string[] = [];
  lines.forEach((line, index) => {
    const opening = /^(\s*)<([a-zA-Z][\w-]*)([^>]*?)\smarkdown=(["']?)(?:1|block|span)\4([^>]*)>\s*$/.exec(line);
    const closing = open.length > 0 ? new RegExp(`^\\s*</${open[open.length - 1]}>\\s*$`).exec(line) : null;
    if (closing) {
      out.push('');
      origin.push(index + 1);
      open.pop();
    }
    out.push(opening ? `${opening[1]}<${opening[2]}${opening[3]}${opening[5]}>` : line);
    origin.push(index + 1);
    if (opening) {
      open.push(opening[2]!);
      out.push('');
      origin.push(index + 1);
    }
  });
  if (out.length === lines.length) return { text, lineOf: (line) => line };
  return { text: out.join('\n'), lineOf: (line) => origin[Math.min(origin.length, Math.max(1, line)) - 1] ?? line };
}
