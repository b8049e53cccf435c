import path from 'node:path';
import type { PageFacts } from '../../src/markdown/pageFacts.ts';
import { openJekyllInput, type JekyllFormat } from '../../src/jekyll/jekyllFormat.ts';
import type { SiteModel } from '../../src/site/siteModel.ts';
import { runCli } from '../helpers/run.ts';

/** A Jekyll guide loaded and its pages' Markdown rendered in-process, with the facts each page records. */
export interface RenderedGuide {
  format: JekyllFormat;
  model: SiteModel;
  /** By inputPath. */
  facts: Map<string, PageFacts>;
  html: Map<string, string>;
}

export function renderGuide(rootDir: string, pathPrefix?: string): RenderedGuide {
  const format = openJekyllInput(rootDir, pathPrefix);
  if (!format) throw new Error(`${rootDir} is not a Jekyll site`);
  const { inputDir } = format;
  const model = format.loadSite({ gitDates: false });
  const facts = new Map<string, PageFacts>();
  const relative = (env: unknown) => path.relative(inputDir, (env as { page: { inputPath: string } }).page.inputPath).split(path.sep).join('/');
  const md = format.markdownLibrary({ pathPrefix: format.pathPrefix, onPageFacts: (env, f) => facts.set(relative(env), f) });
  const html = new Map<string, string>();
  for (const page of model.pages) html.set(page.inputPath, md.render('', { page: { inputPath: path.join(inputDir, page.inputPath) } }));
  return { format, model, facts, html };
}

export interface BrokenLink {
  /** `file:line` as the editor sees it. */
  at: string;
  href: string;
}

/** The guide's broken links and anchors as `npm run check-links` reports them for a built guide. */
export async function brokenLinks(guideDir: string, outputDir: string): Promise<BrokenLink[]> {
  const result = await runCli('check-links', [`--input=${guideDir}`, `--output=${outputDir}`, '--format=json']);
  const report = JSON.parse(result.stdout) as { breaks: { file: string; line?: number; href: string }[] };
  return report.breaks.map((b) => ({ at: `${b.file}:${b.line}`, href: b.href })).sort((a, b) => a.at.localeCompare(b.at, 'en', { numeric: true }));
}
