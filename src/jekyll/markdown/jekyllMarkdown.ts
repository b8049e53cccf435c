import type { MarkdownIt } from 'markdown-it';
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
  return [(md) => md.use(footnote), (md) => md.use(deflist), linkDestinationsWithSpaces, kramdownSyntax(options)];
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
