/** One content page as the rest of the build sees it: validated front matter plus its URL. */
export interface Page {
  /** Path shown to editors in messages, e.g. `content/security/frameworks.md`. */
  file: string;
  /** Path relative to the content folder, with `/` separators, e.g. `security/frameworks.md`. */
  inputPath: string;
  /** The full title (`title`). */
  title: string;
  /** The short navigation label (`navtitle`), when the page has one. */
  navtitle?: string;
  /** What navigation shows: `navtitle`, else `title`. */
  label: string;
  /** The parent page's navtitle or title, as written. */
  parent?: string;
  /** Sibling order (`nav_order`); pages without one come after those with one. */
  navOrder?: number;
  /** Site-relative URL without the path prefix, always starting with `/`. */
  url: string;
  /** Whether the page goes in the search index (`search: false` leaves it out). */
  search: boolean;
  /** 1-based line of the file on which the Markdown body starts (after front matter). */
  bodyLine: number;
  /** 1-based line of each front matter key, for messages. */
  keyLines: ReadonlyMap<string, number>;
  /** The whole front matter, for Eleventy keys we pass through (`templateEngineOverride` …). */
  data: Readonly<Record<string, unknown>>;
}
