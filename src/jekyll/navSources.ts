import path from 'node:path';
import { closestMatch } from '../content/closestMatch.ts';
import type { ContentProblem } from '../content/errors.ts';
import type { Page } from '../content/page.ts';
import { navKey, pagesByNavName, type NavTreeOptions } from '../nav/buildNavTree.ts';
import { UrlIndex } from './jekyllUrls.ts';
import { plainText } from './plainText.ts';

/** The four places a guide of this kind kept its tree, in the order they are asked. */
export const NAV_SOURCES = ['parent', '_config.yml navigation', '_data/navigation.yml (sidenav)', 'folder'] as const;
export type NavSource = (typeof NAV_SOURCES)[number];

/** Where one source puts a page: under a page (inputPath) or at the top (null), at a list position. */
interface Placement {
  parent: string | null;
  source: NavSource;
  order?: number;
}

/** A navigation list as written, with where it came from. */
export interface NavListSource {
  /** How messages name the file (`_config.yml`). */
  file: string;
  /** The file's text, to find an entry's line. */
  text: string;
}

export interface NavSourceInput {
  pages: readonly Page[];
  /** The page at `/`. */
  home?: Page;
  /** The site's `baseurl` (`/guide` or ''): navigation URLs may start with it. */
  baseurl: string;
  /** `navigation:` of `_config.yml`. */
  configNavigation?: unknown;
  config: NavListSource;
  /** `site.data.navigation`: the lists of `_data/navigation.yml`. */
  dataNavigation?: Record<string, unknown>;
  data: NavListSource;
  /** The directory a page's folder rule starts from (its collection's folder, or the root). */
  baseDirOf: (page: Page) => string;
}

export interface NavPlan extends Required<Pick<NavTreeOptions, 'parents' | 'siblingOrder'>> {
  externalLinks: { label: string; url: string; parent?: string; order: number }[];
  problems: ContentProblem[];
  /** The source that placed each page (pages at the top by default have none). */
  placedBy: Map<string, NavSource>;
}

const isExternal = (url: string) => /^[a-z][a-z0-9+.-]*:|^\/\//i.test(url);

function lineOfEntry(source: NavListSource, text: string, url: string): number | undefined {
  const rows = source.text.split(/\r?\n/);
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const pattern of [text && new RegExp(`text:\\s*['"]?${esc(text)}['"]?\\s*$`), url && new RegExp(`(?:url|href):\\s*['"]?${esc(url)}['"]?\\s*$`)]) {
    if (!pattern) continue;
    const index = rows.findIndex((row) => pattern.test(row.trim()));
    if (index >= 0) return index + 1;
  }
  return undefined;
}

/**
 * Decides each page's place in the tree from the four sources a guide may use: `parent`, the
 * `navigation:` list of `_config.yml`, the `_data/navigation.yml` lists pages choose with
 * `sidenav:`, and the folder. The first source that places a page wins; where a later one
 * disagrees, a warning names the page, both places and the one used. List order is sibling order.
 */
export function planNavigation(input: NavSourceInput): NavPlan {
  const problems: ContentProblem[] = [];
  const { pages, home } = input;
  const byInputPath = new Map(pages.map((p) => [p.inputPath, p]));
  const byUrl = new UrlIndex<Page>();
  for (const page of pages) byUrl.add(page.url, page);
  const candidates = new Map<string, Placement[]>();
  const propose = (page: Page, placement: Placement) => {
    if (page === home) return;
    const list = candidates.get(page.inputPath) ?? [];
    // One source speaks once for a page: its first mention counts.
    if (!list.some((p) => p.source === placement.source)) list.push(placement);
    candidates.set(page.inputPath, list);
  };
  const parentOf = (page: Page | undefined) => (page === undefined || page === home ? null : page.inputPath);
  const externalLinks: NavPlan['externalLinks'] = [];
  let order = 0;
  const sitePath = (url: string) => {
    const clean = url.trim();
    if (input.baseurl && (clean === input.baseurl || clean.startsWith(`${input.baseurl}/`))) return clean.slice(input.baseurl.length) || '/';
    return clean;
  };
  const noPage = (source: NavListSource, text: string, url: string) =>
    problems.push({
      severity: 'warning',
      file: source.file,
      line: lineOfEntry(source, text, url),
      message: `navigation entry "${text}" (${url || 'no url'}) has no page behind it; it is left out of the sidebar.`,
      hint: 'Point it at an existing page, or remove the entry.',
    });

  // 1. `parent`, by the parent's navtitle or title in any case.
  const names = pagesByNavName(pages);
  for (const page of pages) {
    if (page.parent === undefined) continue;
    const found = names.get(navKey(page.parent));
    const line = page.keyLines.get('parent');
    if (found.length === 1 && found[0] !== page) {
      propose(page, { parent: parentOf(found[0]), source: 'parent' });
    } else {
      const suggestion = found.length === 0 ? closestMatch(navKey(page.parent), names.keys()) : undefined;
      problems.push({
        severity: 'warning',
        file: page.file,
        line,
        message:
          found.length === 0
            ? `parent "${page.parent}" names no page; the page is placed by the next source that names it.`
            : found.length > 1
              ? `parent "${page.parent}" matches ${found.length} pages (${found.map((p) => p.file).join(' and ')}); it is not used.`
              : `the page is its own parent ("${page.parent}"); it is not used.`,
        hint: suggestion ? `Did you mean "${suggestion}"?` : '`parent` takes the parent page\'s navtitle or title.',
      });
    }
  }

  // 2. `navigation:` in _config.yml: a child's url may be relative to its parent's.
  const walkConfig = (entries: unknown, baseUrl: string, parent: Page | undefined) => {
    if (!Array.isArray(entries)) return;
    for (const raw of entries) {
      if (!raw || typeof raw !== 'object') continue;
      const entry = raw as { text?: unknown; url?: unknown; internal?: unknown; children?: unknown };
      const text = plainText(entry.text).trim();
      const url = plainText(entry.url).trim();
      const at = order++;
      if (entry.internal === false || isExternal(url)) {
        if (url) externalLinks.push({ label: text || url, url, parent: parentOf(parent) ?? undefined, order: at });
        continue;
      }
      const resolved = url.startsWith('/') ? sitePath(url) : path.posix.join(baseUrl, url);
      let page = byUrl.get(resolved);
      if (!page && baseUrl !== '/' && !url.startsWith('/')) page = byUrl.get(`/${url}`);
      if (page) propose(page, { parent: parentOf(parent), source: '_config.yml navigation', order: at });
      else noPage(input.config, text, url);
      const childBase = page ? page.url.replace(/[^/]*$/, '') : resolved.endsWith('/') ? resolved : `${resolved}/`;
      walkConfig(entry.children, childBase, page ?? parent);
    }
  };
  walkConfig(input.configNavigation, '/', undefined);

  // 3. `_data/navigation.yml` lists chosen by `sidenav:` (a list's name, or a list written in place).
  const data = input.dataNavigation ?? {};
  const walkedLists = new Set<unknown>();
  const walkData = (entries: unknown, parent: Page | undefined, groupName: string) => {
    if (!Array.isArray(entries) || walkedLists.has(entries)) return;
    walkedLists.add(entries);
    type DataEntry = { text?: unknown; href?: unknown; url?: unknown; external?: unknown; links?: unknown; children?: unknown };
    const items = entries.filter((e): e is DataEntry => Boolean(e) && typeof e === 'object');
    const pageOf = (entry: DataEntry) => {
      const href = plainText(entry.href ?? entry.url).trim();
      return href && entry.external !== true && !isExternal(href) ? byUrl.get(sitePath(href)) : undefined;
    };
    // A list (or group) may hold its own section page: the one whose URL holds all the others',
    // or the one named like the group. The others sit under it.
    const listed = items.map(pageOf).filter((p): p is Page => p !== undefined);
    const owner =
      listed.find((p) => listed.every((other) => other === p || (other.url.startsWith(p.url) && p.url.endsWith('/')))) ??
      listed.find((p) => [p.title, p.label, p.url.split('/').filter(Boolean).pop() ?? ''].some((n) => navKey(n) === navKey(groupName)));
    const under = owner && listed.length > 1 ? owner : parent;
    for (const entry of items) {
      const text = plainText(entry.text).trim();
      const href = plainText(entry.href ?? entry.url).trim();
      const at = order++;
      const page = pageOf(entry);
      if (href && (entry.external === true || isExternal(href))) {
        externalLinks.push({ label: text || href, url: href, parent: parentOf(under) ?? undefined, order: at });
      } else if (page) {
        propose(page, { parent: parentOf(page === under ? parent : under), source: '_data/navigation.yml (sidenav)', order: at });
      } else if (href) {
        noPage(input.data, text, href);
      }
      const sub = typeof entry.links === 'string' ? data[entry.links] : (entry.links ?? entry.children);
      if (sub !== undefined) walkData(sub, page ?? under, text);
    }
  };
  for (const page of pages) {
    const sidenav = page.data.sidenav;
    if (sidenav === undefined || sidenav === null || sidenav === false) continue;
    if (typeof sidenav !== 'string') {
      walkData(sidenav, undefined, '');
    } else if (data[sidenav] === undefined) {
      problems.push({
        severity: 'warning',
        file: page.file,
        line: page.keyLines.get('sidenav'),
        message: `sidenav "${sidenav}" names no list in _data/navigation.yml.`,
        hint: `Lists there: ${Object.keys(data).join(', ') || 'none'}.`,
      });
    } else {
      walkData(data[sidenav], undefined, sidenav);
    }
  }

  // 4. The folder: a page in `ato/` sits under the section page of `ato/` (`ato.md` or `ato/index.md`).
  const sectionPages = new Map<string, Page>();
  for (const page of pages) {
    const relative = path.posix.relative(input.baseDirOf(page), page.inputPath).replace(/\.[^/.]+$/, '');
    const folder = path.posix.basename(relative) === 'index' ? path.posix.dirname(relative) : relative;
    sectionPages.set(`${input.baseDirOf(page)}|${folder}`, page);
  }
  for (const page of pages) {
    const base = input.baseDirOf(page);
    const relative = path.posix.relative(base, page.inputPath).replace(/\.[^/.]+$/, '');
    let folder = path.posix.dirname(path.posix.basename(relative) === 'index' ? path.posix.dirname(relative) : relative);
    while (folder !== '.' && folder !== '') {
      const section = sectionPages.get(`${base}|${folder}`);
      if (section && section !== page) {
        propose(page, { parent: parentOf(section), source: 'folder' });
        break;
      }
      folder = path.posix.dirname(folder);
    }
  }

  // The first source wins; a later one that disagrees is reported.
  const parents = new Map<string, string | null>();
  const siblingOrder = new Map<string, number>();
  const placedBy = new Map<string, NavSource>();
  const describe = (parent: string | null) => {
    const page = parent === null ? undefined : byInputPath.get(parent);
    return page ? `under "${page.label}" (${page.file})` : 'at the top level';
  };
  for (const page of pages) {
    const list = (candidates.get(page.inputPath) ?? []).sort((a, b) => NAV_SOURCES.indexOf(a.source) - NAV_SOURCES.indexOf(b.source));
    const chosen = list[0];
    if (!chosen) continue;
    parents.set(page.inputPath, chosen.parent);
    placedBy.set(page.inputPath, chosen.source);
    const ordered = list.find((p) => p.order !== undefined && p.parent === chosen.parent);
    if (ordered) siblingOrder.set(page.inputPath, ordered.order!);
    for (const other of list.slice(1)) {
      if (other.parent === chosen.parent) continue;
      problems.push({
        severity: 'warning',
        file: page.file,
        line: chosen.source === 'parent' ? page.keyLines.get('parent') : undefined,
        message: `${chosen.source} puts the page ${describe(chosen.parent)}, but ${other.source} puts it ${describe(other.parent)}; ${chosen.source} is used.`,
        hint: 'Make the two agree (or keep the tree in `parent` alone) so the sidebar is what you expect.',
      });
    }
  }
  return { parents, siblingOrder, externalLinks, problems, placedBy };
}
