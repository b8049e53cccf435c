// Jekyll's tags (`link`, `highlight`, `include_relative`, `include_cached`), and the tags of
// plugins and unknown tags: those render nothing (a block its content) and leave a note.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Tag, TypeGuards, type Context, type Emitter, type Liquid, type Parser, type Template, type TagToken, type TopLevelToken } from 'liquidjs';
import { OutsideIncludeError, unquote } from './includeFiles.ts';
import { realPathInside, unreadFolderOnWay } from '../../security/symlinks.ts';

/** What the tags need of the page being rendered and of the site. */
export interface TagHost {
  rootDir: string;
  /** `site.baseurl` as pages see it ('' at the root). */
  baseurl: string;
  /** The URL of a file of the site (a page or a static file), for `{% link %}`. */
  urlOfFile: (relativePath: string) => string | undefined;
  /** The absolute path of the page being rendered, if one is. */
  pagePath: () => string | undefined;
  /** Leaves a note for the editor on the tag's line. */
  note: (token: TagToken, message: string) => void;
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

export function registerJekyllTags(liquid: Liquid, host: TagHost): void {
  // `{% link _pages/x.md %}`: the URL of a file of the site.
  liquid.registerTag(
    'link',
    class extends Tag {
      render(): string {
        const target = unquote(this.token.args).replace(/^\/+/, '');
        const url = host.urlOfFile(target);
        if (url === undefined) throw new Error(`{% link ${target} %} names no file of the site`);
        return host.baseurl + url;
      }
    },
  );

  // `{% highlight ruby %}…{% endhighlight %}`: a fenced code block, highlighted like any other.
  liquid.registerTag(
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
  liquid.registerTag(
    'include_relative',
    class extends Tag {
      *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
        const pagePath = host.pagePath();
        const name = unquote(this.token.args.trim().split(/\s+/)[0] ?? '');
        const file = pagePath ? path.resolve(path.dirname(pagePath), name) : name;
        if (!existsSync(file)) throw new Error(`{% include_relative ${name} %}: there is no file ${name} beside the page`);
        if (realPathInside(host.rootDir, file) === undefined) {
          throw new OutsideIncludeError(
            `${name} is outside the site folder; the build never reads files outside it`,
            'Copy the file into the site, beside the page, and include it from there.',
          );
        }
        const real = realPathInside(host.rootDir, file) ?? file;
        const unread = unreadFolderOnWay(realPathInside(host.rootDir, host.rootDir) ?? host.rootDir, real) ?? unreadFolderOnWay(path.resolve(host.rootDir), path.resolve(file));
        if (unread !== undefined) {
          throw new OutsideIncludeError(
            `${name} is in ${unread}/, a folder the build never reads`,
            'Copy the file into the site, beside the page, and include it from there.',
          );
        }
        const templates = liquid.parse(readFileSync(file, 'utf8'), file);
        yield liquid.renderer.renderTemplates(templates, ctx, emitter);
      }
    },
  );

  // jekyll-include-cache's tag includes like `include`.
  liquid.registerTag('include_cached', liquid.tags.include!);

  for (const [name, plugin] of Object.entries(PLUGIN_TAGS)) {
    liquid.registerTag(
      name,
      class extends Tag {
        render(): string {
          host.note(this.token, `\`{% ${name} %}\` belongs to ${plugin}; it was left out.`);
          return '';
        }
      },
    );
  }
}

/** Tags the sources use that neither Liquid nor Jekyll know: they render nothing (blocks: their content). */
export function registerUnknownTags(liquid: Liquid, sources: Iterable<string>, note: TagHost['note']): void {
  const names = new Set<string>();
  const all: string[] = [];
  for (const source of sources) {
    all.push(source);
    for (const match of source.matchAll(TAG_NAME)) names.add(match[1]!);
  }
  const text = all.join('\n');
  for (const name of names) {
    if (name.startsWith('end') || liquid.tags[name]) continue;
    const isBlock = new RegExp(`\\{%-?\\s*end${name}\\b`).test(text);
    liquid.registerTag(
      name,
      class extends Tag {
        private readonly children: Template[] = [];
        constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: Parser) {
          super(token, remain, liquid);
          if (!isBlock) return;
          while (remain.length > 0) {
            const next = remain.shift()!;
            if (TypeGuards.isTagToken(next) && next.name === `end${name}`) return;
            this.children.push(parser.parseToken(next, remain));
          }
        }
        *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
          note(
            this.token,
            isBlock
              ? `unknown Liquid tag \`{% ${name} %}\`: its content was kept, the tag left out.`
              : `unknown Liquid tag \`{% ${name} %}\` was left out.`,
          );
          if (this.children.length > 0) yield liquid.renderer.renderTemplates(this.children, ctx, emitter);
        }
      },
    );
  }
}
