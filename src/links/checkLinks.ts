import type { PageFacts } from '../markdown/pageFacts.ts';
import { type SiteModel } from '../site/siteModel.ts';
import { attributeBreaks, type LinkBreak } from './attributeBreaks.ts';
import type { ExternalCheckOptions } from './externalCheckOptions.ts';
import { findBreaks, type FoundBreak } from './findBreaks.ts';
import type { LinkReport } from './formatReport.ts';
import { markdownSources, type LinkSources, type MarkdownSourcesOptions } from './linkSources.ts';
import { builtTarget, scanSite, type SiteScan } from './scanSite.ts';
import { addTarget, type LinkTarget } from './siteTargets.ts';
import { normalizePathPrefix } from '../urls/sitePaths.ts';

export interface CheckLinksOptions {
  /** The built site (`_site`). */
  siteDir: string;
  /** The path prefix the site was built with (`/` or `/preview/x/`). */
  pathPrefix?: string;
  /** Where the site is published (`site.yml` `url`): absolute links to it are checked as internal. */
  siteUrl?: string;
  /** Traces built pages back to their source files and layouts. */
  sources: LinkSources;
  /** Targets that exist though no file in `siteDir` shows them (added after the scan). */
  extraTargets?: readonly LinkTarget[];
  /** Check external links too (network; off by default). */
  external?: ExternalCheckOptions;
}

/**
 * The link check: one pass over the built HTML (every file a target, every page's ids and
 * links), each distinct target resolved once, then only the breaks traced back to their
 * Markdown line or layout. External links, when asked for, go to linkinator.
 */
export async function checkLinks(options: CheckLinksOptions): Promise<LinkReport> {
  const started = performance.now();
  const site = { pathPrefix: normalizePathPrefix(options.pathPrefix ?? '/'), siteUrl: options.siteUrl };
  const scan = await scanSite(options.siteDir, options.sources.recordedPage);
  for (const target of options.extraTargets ?? []) addTarget(scan.targets, target);
  const found = findBreaks(scan, site, { collectExternal: options.external !== undefined });
  const breaks: LinkBreak[] = attributeBreaks(confirmedBreaks(found.breaks, scan, options.siteDir), options.sources, site, scan.targets);
  if (options.external) {
    // linkinator and undici load only for an external check: a sixth of a second of every build.
    const { checkExternalLinks } = await import('./checkExternal.ts');
    breaks.push(...(await checkExternalLinks(found.externals, options.sources, site, options.external)));
  }
  return {
    breaks,
    stats: {
      pages: scan.pages.length,
      links: found.links,
      targets: found.targets,
      externals: options.external ? found.externals.size : 0,
      ms: performance.now() - started,
    },
  };
}

/**
 * A page taken from the renderer's record lacks the ids its layout adds (`#mainContent`): a
 * missing anchor on such a page is looked up in its built file before it counts as broken.
 */
function confirmedBreaks(breaks: readonly FoundBreak[], scan: SiteScan, siteDir: string): FoundBreak[] {
  return breaks.filter(({ problem }) => {
    if (problem.problem !== 'no-anchor' || !problem.target) return true;
    // Breaks share problems, and pages share targets: each is brought up to date as it comes.
    problem.target = builtTarget(scan, siteDir, problem.target.path) ?? problem.target;
    return !problem.target.ids?.has(problem.fragment ?? '');
  });
}

export interface CheckBuiltSiteOptions {
  /** The content folder the site was built from (`content`). */
  inputDir: string;
  /** The built site (`_site`). */
  siteDir: string;
  pathPrefix?: string;
  /** The validated model of the content (its pages and files say which Markdown line wrote each link). */
  model: SiteModel;
  /** Facts the renderer recorded during a build, so no page is parsed again. */
  facts?: ReadonlyMap<string, PageFacts>;
  /** How to read a page's links when no facts were recorded (another input format's renderer). */
  parseLinks?: MarkdownSourcesOptions['parseLinks'];
  /** Check pages from `facts` instead of reading them back (see `MarkdownSourcesOptions.factsAreComplete`). */
  factsAreComplete?: boolean;
  /** Targets no file of the output shows (see `CheckLinksOptions.extraTargets`). */
  extraTargets?: readonly LinkTarget[];
  external?: ExternalCheckOptions;
}

/**
 * Checks a site built from a content folder: what `npm run check-links`, `npm run build` and
 * the benchmark call.
 */
export async function checkBuiltSite(options: CheckBuiltSiteOptions): Promise<LinkReport> {
  const started = performance.now();
  const pathPrefix = normalizePathPrefix(options.pathPrefix ?? '/');
  const { model } = options;
  const report = await checkLinks({
    siteDir: options.siteDir,
    pathPrefix,
    siteUrl: model.settings.url,
    sources: markdownSources({ model, pathPrefix, facts: options.facts, parseLinks: options.parseLinks, factsAreComplete: options.factsAreComplete }),
    extraTargets: options.extraTargets,
    external: options.external && {
      ...options.external,
      skip: [...(options.external.skip ?? []), ...model.settings.linkCheckSkip, ...repositoryLinkPatterns(model.settings.repository)],
    },
  });
  report.stats.ms = performance.now() - started;
  return report;
}

/**
 * "Edit this page" and "Open an issue" links: the layout makes one per page from settings
 * that the build already checks, and fetching thousands of them would only hammer GitHub.
 */
function repositoryLinkPatterns(repository: string): string[] {
  if (!repository) return [];
  const escaped = repository.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [`^${escaped}/edit/`, `^${escaped}/issues/new`];
}
