// Liquid the way Jekyll runs it. The parts: Jekyll's tags (./jekyllTags.ts), filters
// (./jekyllFilters.ts), the files it may read (./includeFiles.ts), its errors as problems for the
// editor (./liquidProblems.ts), and where each output line came from (./lineMap.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Context, Liquid, toValueSync, TypeGuards, type Template, type TagToken } from 'liquidjs';
import type { ContentProblem } from '../../content/errors.ts';
import { filesUnder, includeFileSystem } from './includeFiles.ts';
import { registerJekyllFilters } from './jekyllFilters.ts';
import { registerJekyllTags, registerUnknownTags } from './jekyllTags.ts';
import { joinWithLineMap, lineAt, lineStarts, type MappedText, type RenderedPart } from './lineMap.ts';
import { liquidProblem, type IncludeSite } from './liquidProblems.ts';

/** Something about a page's Liquid the editor should check by eye (it goes in the report). */
export interface LiquidNote {
  /** 1-based line in the page's body. */
  line: number;
  message: string;
}

export interface JekyllLiquidOptions {
  rootDir: string;
  /** `_includes` of the site. */
  includesDir: string;
  /** How messages name files: the site root as the editor sees it. */
  shownRoot: string;
  /** `site.baseurl` as pages see it: the path prefix without its trailing slash ('' at the root). */
  baseurl: string;
  /** `site.url`, for `absolute_url`. */
  siteUrl: string;
  /** Markdown to HTML, for the `markdownify` filter. */
  markdownify: (text: string) => string;
  /** The URL of a file of the site (a page or a static file), for `{% link %}`. */
  urlOfFile: (relativePath: string) => string | undefined;
  /** The site names a theme (whose includes are not in the site's `_includes`). */
  theme?: string;
}

export interface RenderedPage extends MappedText {
  notes: LiquidNote[];
  problems: ContentProblem[];
}

/**
 * Liquid the way Jekyll runs it on a page, before Markdown: Jekyll's include syntax (unquoted
 * file names, `key=value` parameters read as `include.key`), Jekyll's filters (`relative_url`,
 * `markdownify`…) and tags (`link`, `highlight`, `include_relative`). Tags of plugins and
 * unknown tags render nothing and are reported.
 */
export class JekyllLiquid {
  readonly liquid: Liquid;
  readonly includeFiles: string[];
  private readonly includeSite: IncludeSite;
  /** The page being rendered (rendering is synchronous, one page at a time). */
  private current?: { notes: LiquidNote[]; absolutePath: string; lineOf: (token: TagToken) => number };

  constructor(options: JekyllLiquidOptions) {
    this.includeFiles = filesUnder(options.includesDir, options.rootDir);
    const { rootDir, includesDir, shownRoot, theme } = options;
    this.includeSite = { rootDir, includesDir, shownRoot, theme, includeFiles: this.includeFiles };
    this.liquid = new Liquid({
      root: [options.includesDir],
      partials: [options.includesDir],
      jekyllInclude: true,
      jekyllWhere: true,
      dynamicPartials: false,
      relativeReference: false,
      extname: '',
      fs: includeFileSystem(options.rootDir),
      strictFilters: false,
      strictVariables: false,
      cache: true,
    });
    registerJekyllFilters(this.liquid, options);
    registerJekyllTags(this.liquid, {
      rootDir: options.rootDir,
      baseurl: options.baseurl,
      urlOfFile: options.urlOfFile,
      pagePath: () => this.current?.absolutePath,
      note: (token, message) => this.note(token, message),
    });
    // Includes are parsed when rendered: their unknown tags must be known before.
    this.registerUnknownTags(this.includeFiles.map((f) => readFileSync(path.join(options.includesDir, f), 'utf8')));
  }

  private note(token: TagToken, message: string): void {
    this.current?.notes.push({ line: this.current.lineOf(token), message });
  }

  /** Tags the site uses that neither Liquid nor Jekyll know: they render nothing (blocks: their content). */
  registerUnknownTags(sources: Iterable<string>): void {
    registerUnknownTags(this.liquid, sources, (token, message) => this.note(token, message));
  }

  /**
   * Renders one page's body. `file` is how messages name the page, `bodyLine` the line of the
   * file on which the body starts. Errors become problems naming the file, line and tag.
   */
  renderPage(body: string, file: string, absolutePath: string, bodyLine: number, scope: object): RenderedPage {
    const notes: LiquidNote[] = [];
    const problems: ContentProblem[] = [];
    const starts = lineStarts(body);
    this.current = { notes, absolutePath, lineOf: (token) => (token.file && token.file !== absolutePath ? 1 : lineAt(starts, token.begin)) };
    try {
      let templates: Template[];
      try {
        templates = this.liquid.parse(body, absolutePath);
      } catch (error) {
        problems.push(liquidProblem(error, { file, body, bodyLine }, this.includeSite));
        return { text: body, lines: body.split('\n').map((_, i) => i + 1), notes, problems };
      }
      const context = new Context(scope, this.liquid.options, { sync: true });
      const parts: RenderedPart[] = [];
      templates.forEach((template, index) => {
        const begin = template.token.begin;
        const end = templates[index + 1]?.token.begin ?? body.length;
        let text = '';
        try {
          text = String(toValueSync(this.liquid.renderer.renderTemplates([template], context)) ?? '');
        } catch (error) {
          problems.push(liquidProblem(error, { file, body, bodyLine }, this.includeSite));
        }
        parts.push({ text, begin, end, verbatim: TypeGuards.isHTMLToken(template.token) });
      });
      return { ...joinWithLineMap(body, parts), notes, problems };
    } finally {
      this.current = undefined;
    }
  }
}
