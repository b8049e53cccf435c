import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { outputPathOf } from '../content/pageUrl.ts';
import { createMarkdown, type MarkdownOptions } from '../markdown/createMarkdown.ts';
import type { PageFacts } from '../markdown/pageFacts.ts';
import type { InputFormat, MarkdownLibrary, PassthroughCopies } from '../input/inputFormat.ts';
import { displayPath, type LoadSiteOptions, type SiteModel } from '../site/siteModel.ts';
import { findJekyllRoot } from './findJekyllRoot.ts';
import { CONFIG_FILE, readJekyllConfig } from './jekyllConfig.ts';
import { loadJekyllSite, type JekyllSite } from './loadJekyllSite.ts';
import { type RenderedBody } from './liquidBodies.ts';
import { jekyllMarkdownPlugins, openMarkdownInHtml, stripKramdownExtensions } from './markdown/jekyllMarkdown.ts';
import { NOTES, type MarkdownNote } from './markdown/notes.ts';
import { MigrationReport } from './migrationReport.ts';
import { renderRedirectStub } from './redirects.ts';
import { MARKDOWN_EXTENSIONS } from './siteFiles.ts';
import { normalizePathPrefix, pathPrefixer } from '../urls/sitePaths.ts';

/** Glob characters in a real file name are matched literally. */
function literalGlob(file: string): string {
  return file.replace(/[*?[\]{}()!+@]/g, '\\$&');
}

/** A Jekyll guide as an input of the build (see `InputFormat`). */
export class JekyllFormat implements InputFormat {
  readonly name = 'Jekyll';
  readonly markdownExtensions = MARKDOWN_EXTENSIONS.filter((e) => e !== '.md').map((e) => e.slice(1));
  readonly inputDir: string;
  readonly pathPrefix: string;
  // Includes and layouts add links no page's Markdown holds.
  readonly sourceHoldsAllLinks = false;
  private site?: JekyllSite;
  private migration = new MigrationReport();

  constructor(rootDir: string, pathPrefix: string) {
    this.inputDir = path.resolve(rootDir);
    this.pathPrefix = normalizePathPrefix(pathPrefix);
  }

  /** The Markdown renderer for `markdownify` (no page facts: its output lands inside a page). */
  private snippetMarkdown?: MarkdownLibrary;

  private plugins(baseurl: string) {
    return jekyllMarkdownPlugins({ baseurls: [this.pathPrefix, baseurl] });
  }

  loadSite(options: Omit<LoadSiteOptions, 'inputDir'>): SiteModel {
    this.migration = new MigrationReport();
    const configBaseurl = readJekyllConfig(this.inputDir, CONFIG_FILE).config.baseurl;
    const snippet = createMarkdown({ pathPrefix: this.pathPrefix, plugins: this.plugins(configBaseurl) });
    this.snippetMarkdown = snippet;
    this.site = loadJekyllSite({
      rootDir: this.inputDir,
      pathPrefix: this.pathPrefix,
      skipDirs: options.skipDirs,
      gitDates: options.gitDates,
      report: this.migration,
      markdownify: (text) => snippet.render(text),
    });
    return this.site.model;
  }

  /** The loaded guide (after `loadSite`): its pages, static files, redirects and Liquid output. */
  loaded(): JekyllSite {
    if (!this.site) throw new Error('The Jekyll site is not loaded yet.');
    return this.site;
  }

  eleventyIgnores(): string[] {
    const { notPages } = this.loaded();
    const relative = (p: string) => literalGlob(path.relative(process.cwd(), path.join(this.inputDir, p)).split(path.sep).join('/'));
    return [...notPages.folders.map((f) => `${relative(f)}/**`), ...notPages.files.map(relative)];
  }

  watchTargets(): string[] {
    const inRoot = (p: string) => literalGlob(path.join(this.inputDir, p).split(path.sep).join('/'));
    return [inRoot(CONFIG_FILE), `${inRoot('_data')}/**`, `${inRoot('_includes')}/**`];
  }

  eleventyFrontMatter(): object {
    // Jekyll's keys (`layout: page`, `date: May 2016`…) mean other things to Eleventy; the model holds what pages need.
    return {};
  }

  /** The page's Liquid output, from Eleventy's `env` (its `page.inputPath`). */
  private bodyOf(env: unknown): RenderedBody | undefined {
    const inputPath = (env as { page?: { inputPath?: string } } | undefined)?.page?.inputPath;
    if (!inputPath) return undefined;
    return this.site?.bodies.get(path.relative(this.inputDir, path.resolve(inputPath)).split(path.sep).join('/'));
  }

  markdownLibrary(common: MarkdownOptions): MarkdownLibrary {
    // Rendered Markdown line -> line of the Liquid output (blank lines added around markdown="1" blocks) -> file line.
    const outputLine = new WeakMap<object, (line: number) => number>();
    const fileLine = (env: unknown, line: number) => {
      const lines = this.bodyOf(env)?.fileLines;
      const map = typeof env === 'object' && env !== null ? outputLine.get(env) : undefined;
      const before = map ? map(line) : line;
      return lines?.[Math.min(lines.length, Math.max(1, before)) - 1] ?? line;
    };
    const remap = (env: unknown, facts: PageFacts): PageFacts => ({
      ...facts,
      headings: facts.headings.map((h) => ({ ...h, line: fileLine(env, h.line) })),
      links: facts.links.map((l) => ({ ...l, line: fileLine(env, l.line) })),
    });
    const configBaseurl = this.site?.config.baseurl ?? '';
    const md = createMarkdown({
      ...common,
      plugins: [...(common.plugins ?? []), ...this.plugins(configBaseurl)],
      // Lines are counted in the Liquid output, then mapped to the file's lines.
      lineOffset: () => 1,
      onPageFacts: (env, facts) => common.onPageFacts?.(env, remap(env, facts)),
      // The raw HTML guard's warnings (src/markdown/rawHtmlGuard.ts) name the file's line too.
      onWarning: (env, warning) => common.onWarning?.(env, warning.line === undefined ? warning : { ...warning, line: fileLine(env, warning.line) }),
    });
    return {
      render: (source: string, env?: unknown) => {
        const body = this.bodyOf(env);
        const { text: stripped, removed } = stripKramdownExtensions(body ? body.text : source);
        const { text, lineOf } = openMarkdownInHtml(stripped);
        const notes: MarkdownNote[] = [];
        const pageEnv = Object.create(env ?? {}) as Record<symbol, unknown>;
        pageEnv[NOTES] = notes;
        outputLine.set(pageEnv, lineOf);
        if (typeof env === 'object' && env !== null) outputLine.set(env, lineOf);
        const html = md.render(text, pageEnv);
        if (body) {
          for (const what of removed) this.migration.converted(body.file, `kramdown extension ${what} (removed)`);
          for (const note of notes) {
            const line = note.line > 0 ? fileLine(env, note.line) : undefined;
            if (note.kind === 'converted') this.migration.converted(body.file, note.text);
            else this.migration.notConverted(body.file, note.text, line);
          }
        }
        return html;
      },
    };
  }

  passthroughCopies(): PassthroughCopies {
    // The guide's static files are copied after the build, to the URLs Jekyll gives them (afterBuild).
    return { globs: [] };
  }

  afterBuild(outputDir: string): void {
    const site = this.loaded();
    const written = (url: string) => {
      const target = path.join(outputDir, outputPathOf(url));
      mkdirSync(path.dirname(target), { recursive: true });
      return target;
    };
    for (const file of site.staticFiles) copyFileSync(file.from, written(file.url));
    const p = pathPrefixer(this.pathPrefix);
    const { settings } = site.model;
    for (const redirect of site.redirects) {
      const href = p(redirect.target);
      const canonical = href.startsWith('/') ? settings.url + href : href;
      writeFileSync(
        written(redirect.url),
        renderRedirectStub({ href, canonical, siteName: settings.name, language: settings.language, stylesheet: p('/assets/site.css') }),
      );
    }
  }

  report(): string {
    const site = this.loaded();
    return this.migration.format(`${site.config.title} (${displayPath(this.inputDir) || '.'})`);
  }
}

/**
 * For the CLI: when `input` is a Jekyll site, the guide as an input format, built from its root
 * under its `baseurl` unless `--pathprefix` was given.
 */
export function openJekyllInput(input: string, explicitPathPrefix?: string): JekyllFormat | undefined {
  const root = findJekyllRoot(input);
  if (!root) return undefined;
  const pathPrefix = normalizePathPrefix(explicitPathPrefix ?? (readJekyllConfig(root, CONFIG_FILE).config.baseurl || '/'));
  return new JekyllFormat(root, pathPrefix);
}
