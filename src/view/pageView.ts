import type { Page } from '../content/page.ts';
import type { PageFacts } from '../markdown/pageFacts.ts';
import { ASSETS_URL, SYSTEM_URLS } from '../content/systemUrls.ts';
import { buildPageNav, buildSidebar, type NavLink, type PageNav } from '../nav/pageNav.ts';
import type { NavTree } from '../nav/buildNavTree.ts';
import { editUrlOf, issueUrlOf, type SiteSettings } from '../site/settings.ts';
import { pathPrefixer } from '../urls/sitePaths.ts';

export interface TocEntry {
  id: string;
  text: string;
  level: 2 | 3;
}

/** Links every page carries, all with the path prefix. */
export interface SiteLinks {
  /** The search box's script (src/search/browser/ui.ts, bundled at build time). */
  searchScript: string;
  home: string;
  search: string;
  allPages: string;
  stylesheet: string;
  script: string;
  /** The site icon; linked so browsers do not ask for a missing `/favicon.ico`. */
  icon: string;
}

/** Everything the page layout renders; the layout computes nothing itself. */
export interface PageView {
  siteName: string;
  language: string;
  title: string;
  description: string;
  /** Absolute URL of the published page, for `<link rel="canonical">`. */
  canonical: string;
  links: SiteLinks;
  nav: PageNav;
  toc: TocEntry[];
  editUrl?: string;
  issueUrl?: string;
  lastUpdated?: { iso: string; text: string };
}

/** The table of contents: h2 and h3, shown only when a page has two or more. */
export function tocOf(facts: PageFacts | undefined): TocEntry[] {
  const entries = (facts?.headings ?? [])
    .filter((h) => h.level === 2 || h.level === 3)
    .map((h) => ({ id: h.id, text: h.text, level: h.level as 2 | 3 }));
  return entries.length >= 2 ? entries : [];
}

export function siteLinksOf(pathPrefix: string, assetVersion: string): SiteLinks {
  const p = pathPrefixer(pathPrefix);
  return {
    searchScript: p(`/assets/search.js?v=${assetVersion}`),
    home: p('/'),
    search: p(SYSTEM_URLS.search),
    allPages: p(SYSTEM_URLS.allPages),
    stylesheet: p(`${ASSETS_URL}site.css?v=${assetVersion}`),
    script: p(`${ASSETS_URL}site.js?v=${assetVersion}`),
    icon: p(`${ASSETS_URL}favicon.svg`),
  };
}

const dateFormat = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

export interface PageViewInput {
  page: Page;
  tree: NavTree;
  settings: SiteSettings;
  pathPrefix: string;
  assetVersion: string;
  facts?: PageFacts;
  lastUpdated?: Date;
}

export function buildPageView(input: PageViewInput): PageView {
  const { page, tree, settings, pathPrefix } = input;
  const p = pathPrefixer(pathPrefix);
  const node = tree.byInputPath.get(page.inputPath)!;
  const description = typeof page.data.description === 'string' ? page.data.description : settings.description;
  return {
    siteName: settings.name,
    language: settings.language,
    title: page.title,
    description,
    canonical: settings.url + p(page.url),
    links: siteLinksOf(pathPrefix, input.assetVersion),
    nav: buildPageNav(tree, node, p),
    toc: tocOf(input.facts),
    editUrl: editUrlOf(settings, page.inputPath),
    issueUrl: issueUrlOf(settings, page.title),
    lastUpdated: input.lastUpdated
      ? { iso: input.lastUpdated.toISOString(), text: dateFormat.format(input.lastUpdated) }
      : undefined,
  };
}

/** Pages the generator makes itself (404, search, all pages): top-level navigation only. */
export function buildSystemPageView(input: {
  title: string;
  url: string;
  tree: NavTree;
  settings: SiteSettings;
  pathPrefix: string;
  assetVersion: string;
}): PageView {
  const p = pathPrefixer(input.pathPrefix);
  const top = (n: NavTree['roots'][number]): NavLink => ({ label: n.page.label, url: p(n.page.url) });
  const home = input.tree.home;
  return {
    siteName: input.settings.name,
    language: input.settings.language,
    title: input.title,
    description: input.settings.description,
    canonical: input.settings.url + p(input.url),
    links: siteLinksOf(input.pathPrefix, input.assetVersion),
    nav: {
      sidebar: buildSidebar(input.tree, undefined, p),
      breadcrumbs: home ? [top(home)] : [],
      children: [],
    },
    toc: [],
  };
}
