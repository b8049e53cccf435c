/**
 * What rendering one page's Markdown tells the rest of the build (src/markdown/pageFactsPlugin.ts):
 * the link check, the table of contents and the dev server read it.
 */
export interface HeadingFact {
  level: number;
  id: string;
  /** Plain text of the heading. */
  text: string;
  /** 1-based line in the Markdown file. */
  line: number;
}

export interface LinkFact {
  /** The destination as the editor wrote it. */
  href: string;
  kind: 'link' | 'image';
  /** 1-based line in the Markdown file. */
  line: number;
}

/**
 * A stretch of a page under one heading (or the intro before the first), as plain text. Only
 * the search index reads it: it is handed over on its own (`onPageSections`), not kept in the
 * facts the build holds for every page until the end.
 */
export interface SectionFact {
  /** The heading's id; undefined for the intro. */
  id?: string;
  heading?: string;
  level: number;
  text: string;
}

export interface PageFacts {
  headings: HeadingFact[];
  links: LinkFact[];
  /** Every id on the page that a `#fragment` can target: headings, `{#id}`, `<a name>`, raw HTML ids. */
  ids: Set<string>;
  /**
   * Whether the page holds raw HTML. Its links are then not among `links`, and the sanitizer may
   * change what it rendered; without any, `links` and `ids` are all the content holds.
   */
  rawHtml: boolean;
}
