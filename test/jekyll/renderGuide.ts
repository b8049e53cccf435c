import path from 'node:path';
import type { PageFacts } from '../../src/markdown/pageFacts.ts';
import { openJekyllInput, type JekyllFormat } from '../../src/jekyll/jekyllFormat.ts';
import { resolveSitePath, UrlIndex } from '../../src/jekyll/jekyllUrls.ts';
import type { SiteModel } from '../../src/site/loadSite.ts';

/** A Jekyll guide loaded and its pages' Markdown rendered in-process, with the facts each page records. */
export interface RenderedGuide {
  format: JekyllFormat;
  model: SiteModel;
  /** By inputPath. */
  facts: Map<string, PageFacts>;
  html: Map<string, string>;
}

export function renderGuide(rootDir: string, pathPrefix?: string): RenderedGuide {
  const opened = openJekyllInput(rootDir, pathPrefix);
  if (!opened) throw new Error(`${rootDir} is not a Jekyll site`);
  const { format, inputDir } = opened;
  const model = format.loadSite({ inputDir, gitDates: false });
  const facts = new Map<string, PageFacts>();
  const relative = (env: unknown) => path.relative(inputDir, (env as { page: { inputPath: string } }).page.inputPath).split(path.sep).join('/');
  const md = format.markdownLibrary({ pathPrefix: opened.pathPrefix, onPageFacts: (env, f) => facts.set(relative(env), f) });
  const html = new Map<string, string>();
  for (const page of model.pages) html.set(page.inputPath, md.render('', { page: { inputPath: path.join(inputDir, page.inputPath) } }));
  return { format, model, facts, html };
}

export interface BrokenLink {
  /** `file:line` as the editor sees it. */
  at: string;
  href: string;
}

/**
 * The guide's broken internal links and anchors, resolved the way the Jekyll host did (`/ato` is
 * `/ato/`, redirects are followed). Interim: the link checker of issue 4 (src/links/) replaces
 * this once it lands; these tests then assert on its report instead.
 */
export function brokenLinks(guide: RenderedGuide): BrokenLink[] {
  const site = guide.format.loaded();
  const targets = new UrlIndex<{ inputPath?: string; redirect?: string }>();
  for (const page of guide.model.pages) targets.add(page.url, { inputPath: page.inputPath });
  for (const file of site.staticFiles) targets.add(file.url, {});
  for (const redirect of site.redirects) targets.add(redirect.url, { redirect: redirect.target });
  const broken: BrokenLink[] = [];
  for (const page of guide.model.pages) {
    for (const link of guide.facts.get(page.inputPath)?.links ?? []) {
      const [pathPart, fragment] = link.href.split('#', 2) as [string, string | undefined];
      const resolved = resolveSitePath(pathPart || page.url, page.url, '');
      if (resolved === undefined) continue;
      let target = targets.get(resolved);
      for (let hops = 0; target?.redirect !== undefined && hops < 5; hops++) {
        const next = target.redirect;
        target = /^[a-z]+:/i.test(next) ? {} : targets.get(next);
      }
      const ids = target?.inputPath ? guide.facts.get(target.inputPath)?.ids : undefined;
      if (!target || (fragment && ids && !ids.has(decodeURIComponent(fragment)))) broken.push({ at: `${page.file}:${link.line}`, href: link.href });
    }
  }
  return broken.sort((a, b) => a.at.localeCompare(b.at, 'en', { numeric: true }));
}
