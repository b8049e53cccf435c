import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  Context,
  Liquid,
  Tag,
  toValueSync,
  TypeGuards,
  type Emitter,
  type FS,
  type Template,
  type TagToken,
  type TopLevelToken,
} from 'liquidjs';
import type { ContentProblem } from '../../content/errors.ts';
import { closestMatch } from '../../content/closestMatch.ts';
import { isInsideFolder, realPathInside, walkInside } from '../../security/symlinks.ts';
import { joinWithLineMap, lineAt, lineStarts, type MappedText, type RenderedPart } from './lineMap.ts';

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

/** Tags of Jekyll plugins guides used: we do not run them, and say so. */
const PLUGIN_TAGS: Record<string, string> = {
  seo: 'jekyll-seo-tag',
  feed_meta: 'jekyll-feed',
  github_edit_link: 'jekyll-github-edit-link',
  octicon: 'jekyll-octicons',
  gist: 'jekyll-gist',
  jekyll_pages_api_search_interface: 'jekyll_pages_api_search',
  jekyll_pages_api_search_load: 'jekyll_pages_api_search',
  google_analytics: 'an analytics plugin',
  asset: 'jekyll-assets',
  asset_path: 'jekyll-assets',
  post_url: 'Jekyll posts (not brought over)',
};

const TAG_NAME = /\{%-?\s*([A-Za-z_][\w-]*)/g;

/** Quotes around an include's file name (`{% include "x.html" %}`) are not part of the name. */
const unquote = (file: string) => file.trim().replace(/^(['"])(.*)\1$/, '$2');

/**
 * Files as Liquid reads them. `contains` (Liquid asks only when an fs has it) keeps includes
 * in `_includes`: `{% include ../../etc/passwd %}` is not found, nor a link in `_includes` to a
 * file outside the site (a link to another file of the site is followed).
 */
function nodeFs(rootDir: string): FS {
  const contains = (includesDir: string, file: string) =>
    isInsideFolder(path.resolve(includesDir), path.resolve(file)) && path.resolve(includesDir) !== path.resolve(file) && realPathInside(rootDir, file) !== undefined;
  return {
    exists: async (file) => existsSync(file),
    existsSync: (file) => existsSync(file) && statSync(file).isFile(),
    readFile: async (file) => readFileSync(file, 'utf8'),
    readFileSync: (file) => readFileSync(file, 'utf8'),
    resolve: (dir, file, ext) => path.resolve(dir, unquote(file) + (path.extname(unquote(file)) ? '' : ext)),
    contains: async (root, file) => contains(root, file),
    containsSync: contains,
    sep: path.sep,
    dirname: path.dirname,
  };
}

/** An include that would read a file outside the site (or outside `_includes`): never read. */
class OutsideIncludeError extends Error {
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.hint = hint;
  }
}

/** Every file under a folder, relative to it with `/` (links followed only inside `rootDir`). */
function filesUnder(dir: string, rootDir: string): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  walkInside(dir, { rootDir, state: true, file: (file) => found.push(file.relative) });
  return found;
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
  private readonly options: JekyllLiquidOptions;
  /** The page being rendered (rendering is synchronous, one page at a time). */
  private current?: { notes: LiquidNote[]; absolutePath: string; lineOf: (token: TagToken) => number };

  constructor(options: JekyllLiquidOptions) {
    this.options = options;
    this.includeFiles = filesUnder(options.includesDir, options.rootDir);
    this.liquid = new Liquid({
      root: [options.includesDir],
      partials: [options.includesDir],
      jekyllInclude: true,
      jekyllWhere: true,
      dynamicPartials: false,
      relativeReference: false,
      extname: '',
      fs: nodeFs(options.rootDir),
      strictFilters: false,
      strictVariables: false,
      cache: true,
    });
    this.registerFilters();
    this.registerTags();
    // Includes are parsed when rendered: their unknown tags must be known before.
    this.registerUnknownTags(this.includeFiles.map((f) => readFileSync(path.join(options.includesDir, f), 'utf8')));
  }

  private registerFilters(): void {
    const { baseurl, siteUrl, markdownify } = this.options;
    const relativeUrl = (input: unknown): string => {
      const value = input === undefined || input === null ? '' : String(input);
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(value)) return value;
      return `${baseurl}${value.startsWith('/') ? '' : '/'}${value}`;
    };
    this.liquid.registerFilter('relative_url', relativeUrl);
    this.liquid.registerFilter('absolute_url', (input: unknown) => {
      const relative = relativeUrl(input);
      return relative.startsWith('/') && !relative.startsWith('//') ? siteUrl + relative : relative;
    });
    this.liquid.registerFilter('markdownify', (input: unknown) => markdownify(input === undefined || input === null ? '' : String(input)));
    for (const identity of ['smartify', 'sassify', 'scssify']) this.liquid.registerFilter(identity, (input: unknown) => input);
  }

  private note(token: TagToken, message: string): void {
    this.current?.notes.push({ line: this.current.lineOf(token), message });
  }

  private registerTags(): void {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const engine = this;

    // `{% link _pages/x.md %}`: the URL of a file of the site.
    this.liquid.registerTag(
      'link',
      class extends Tag {
        render(): string {
          const target = unquote(this.token.args).replace(/^\/+/, '');
          const url = engine.options.urlOfFile(target);
          if (url === undefined) throw new Error(`{% link ${target} %} names no file of the site`);
          return engine.options.baseurl + url;
        }
      },
    );

    // `{% highlight ruby %}…{% endhighlight %}`: a fenced code block, highlighted like any other.
    this.liquid.registerTag(
      'highlight',
      class extends Tag {
        private readonly body: string;
        private readonly language: string;
        constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
          super(token, remain, liquid);
          this.language = token.args.trim().split(/\s+/)[0] ?? '';
          let body = '';
          let closed = false;
          while (remain.length > 0) {
            const next = remain.shift()!;
            if (TypeGuards.isTagToken(next) && next.name === 'endhighlight') {
              closed = true;
              break;
            }
            body += next.getText();
          }
          if (!closed) throw new Error(`{% highlight %} has no {% endhighlight %}`);
          this.body = body.replace(/^\r?\n/, '').replace(/\s+$/, '');
        }
        render(): string {
          return `\n\`\`\`${this.language}\n${this.body}\n\`\`\`\n`;
        }
      },
    );

    // `{% include_relative file.md %}`: a file beside the page.
    this.liquid.registerTag(
      'include_relative',
      class extends Tag {
        *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
          const page = engine.current;
          const name = unquote(this.token.args.trim().split(/\s+/)[0] ?? '');
          const file = page ? path.resolve(path.dirname(page.absolutePath), name) : name;
          if (!existsSync(file)) throw new Error(`{% include_relative ${name} %}: there is no file ${name} beside the page`);
          if (realPathInside(engine.options.rootDir, file) === undefined) {
            throw new OutsideIncludeError(
              `${name} is outside the site folder; the build never reads files outside it`,
              'Copy the file into the site, beside the page, and include it from there.',
            );
          }
          const templates = engine.liquid.parse(readFileSync(file, 'utf8'), file);
          yield engine.liquid.renderer.renderTemplates(templates, ctx, emitter);
        }
      },
    );

    // jekyll-include-cache's tag includes like `include`.
    this.liquid.registerTag('include_cached', this.liquid.tags.include!);

    for (const [name, plugin] of Object.entries(PLUGIN_TAGS)) {
      this.liquid.registerTag(
        name,
        class extends Tag {
          render(): string {
            engine.note(this.token, `\`{% ${name} %}\` belongs to ${plugin}; it was left out.`);
            return '';
          }
        },
      );
    }
  }

  /** Tags the site uses that neither Liquid nor Jekyll know: they render nothing (blocks: their content). */
  registerUnknownTags(sources: Iterable<string>): void {
    const names = new Set<string>();
    const all: string[] = [];
    for (const source of sources) {
      all.push(source);
      for (const match of source.matchAll(TAG_NAME)) names.add(match[1]!);
    }
    const text = all.join('\n');
    for (const name of names) {
      if (name.startsWith('end') || this.liquid.tags[name]) continue;
      const isBlock = new RegExp(`\\{%-?\\s*end${name}\\b`).test(text);
      // eslint-disable-next-line @typescript-eslint/no-this-alias
      const engine = this;
      this.liquid.registerTag(
        name,
        class extends Tag {
          private readonly children: Template[] = [];
          constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: import('liquidjs').Parser) {
            super(token, remain, liquid);
            if (!isBlock) return;
            while (remain.length > 0) {
              const next = remain.shift()!;
              if (TypeGuards.isTagToken(next) && next.name === `end${name}`) return;
              this.children.push(parser.parseToken(next, remain));
            }
          }
          *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
            engine.note(
              this.token,
              isBlock
                ? `unknown Liquid tag \`{% ${name} %}\`: its content was kept, the tag left out.`
                : `unknown Liquid tag \`{% ${name} %}\` was left out.`,
            );
            if (this.children.length > 0) yield engine.liquid.renderer.renderTemplates(this.children, ctx, emitter);
          }
        },
      );
    }
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
        problems.push(this.problemOf(error, file, body, bodyLine));
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
          problems.push(this.problemOf(error, file, body, bodyLine));
        }
        parts.push({ text, begin, end, verbatim: TypeGuards.isHTMLToken(template.token) });
      });
      return { ...joinWithLineMap(body, parts), notes, problems };
    } finally {
      this.current = undefined;
    }
  }

  private problemOf(error: unknown, file: string, body: string, bodyLine: number): ContentProblem {
    const liquidError = error as { message?: string; token?: { begin: number; end: number; input: string; file?: string; getPosition?: () => number[] }; originalError?: Error };
    const token = liquidError.token;
    const inPage = token && (!token.file || token.input === body);
    const [line] = token?.getPosition?.() ?? [];
    const tagText = token ? token.input.slice(token.begin, token.end).trim() : '';
    const shownFile = inPage || !token?.file ? file : this.shown(token.file);
    const fileLine = line === undefined ? undefined : inPage ? bodyLine + line - 1 : line;
    const reason = (liquidError.originalError?.message ?? liquidError.message ?? String(error)).replace(/, line:\d+, col:\d+$/, '');

    const outside = liquidError.originalError instanceof OutsideIncludeError ? liquidError.originalError : error instanceof OutsideIncludeError ? error : undefined;
    if (outside) return { severity: 'error', file: shownFile, line: fileLine, message: `\`${tagText}\`: ${outside.message}.`, hint: outside.hint };
    const missing = /Failed to lookup "([^"]+)"/.exec(reason);
    if (missing) {
      const name = unquote(missing[1]!);
      const { includesDir } = this.options;
      const resolved = path.resolve(includesDir, name);
      if (!isInsideFolder(path.resolve(includesDir), resolved) || (existsSync(resolved) && realPathInside(this.options.rootDir, resolved) === undefined)) {
        return {
          severity: 'error',
          file: shownFile,
          line: fileLine,
          message: `\`${tagText}\`: ${name} is outside _includes/; includes are read from _includes/ only, never from outside the site.`,
          hint: 'Move the file into _includes/ (as a file, not a link) and include it by its name there.',
        };
      }
      const suggestion = closestMatch(name, this.includeFiles);
      const themeHint = this.options.theme ? ` If it comes from the theme ${this.options.theme}, copy it into _includes/.` : '';
      return {
        severity: 'error',
        file: shownFile,
        line: fileLine,
        message: `\`${tagText}\`: there is no file ${name} in _includes/.`,
        hint: (suggestion ? `Did you mean ${suggestion}?` : `Files in _includes/: ${this.includeFiles.slice(0, 8).join(', ') || 'none'}.`) + themeHint,
      };
    }
    return {
      severity: 'error',
      file: shownFile,
      line: fileLine,
      message: `Liquid ${tagText ? `in \`${tagText}\`` : ''}: ${reason}.`.replace('Liquid :', 'Liquid:'),
      hint: 'Jekyll would stop on this too; check the tag\'s spelling and that every block tag has its end tag.',
    };
  }

  private shown(absolute: string): string {
    const relative = path.relative(this.options.rootDir, absolute).split(path.sep).join('/');
    return this.options.shownRoot ? `${this.options.shownRoot}/${relative}` : relative;
  }
}
