import { closestMatch } from '../content/closestMatch.ts';
import type { ContentProblem } from '../content/errors.ts';
import type { Page } from '../content/page.ts';

export interface NavNode {
  page: Page;
  parent?: NavNode;
  children: NavNode[];
  /** 0 for top-level pages (and the home page). */
  depth: number;
  /** Position in `NavTree.order` (reading order: home, then depth-first). */
  index: number;
}

export interface NavTree {
  /** The page at `/`, if there is one: the root of every breadcrumb trail. */
  home?: NavNode;
  /** Top-level pages in sibling order, the home page excluded. */
  roots: NavNode[];
  /** Every page in reading order: home first, then the sidebar depth-first. */
  order: NavNode[];
  byInputPath: Map<string, NavNode>;
  /** Sidebar links to other sites, by the page they sit under (undefined: the top level). */
  externalLinks?: Map<NavNode | undefined, ExternalNavLink[]>;
}

/** A sidebar entry that is not a page of this site, placed among a page's children. */
export interface ExternalNavLink {
  label: string;
  url: string;
  /** How many of the (sorted) sibling pages come before it. */
  index: number;
}

/**
 * How the tree is built when `parent` is not the only source (Jekyll mode decides parents from
 * `_config.yml`, `_data/navigation.yml` and folders too, and keeps the order of those lists).
 */
export interface NavTreeOptions {
  /** Each page's parent by inputPath (null: top level), decided elsewhere; `parent` is then not read. */
  parents?: ReadonlyMap<string, string | null>;
  /** Sibling order given by a list: lower first, before `nav_order` and label. */
  siblingOrder?: ReadonlyMap<string, number>;
  /** Links to other sites among the children of a page (by inputPath) or at the top, at a list position. */
  externalLinks?: readonly { label: string; url: string; parent?: string; order: number }[];
}

/**
 * How a name compares: case-insensitive, whitespace folded, Unicode composed (an editor on one
 * system types `é` as one character, on another as `e` and an accent).
 */
export function navKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

// numeric: "Step 10" sorts after "Step 9"; sensitivity base: case and accents do not split ties.
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Siblings: `nav_order` first (lowest first, pages without one last), then label, case-insensitively. */
export function compareSiblings(a: Page, b: Page): number {
  const ao = a.navOrder ?? Infinity;
  const bo = b.navOrder ?? Infinity;
  if (ao !== bo) return ao < bo ? -1 : 1;
  return collator.compare(a.label, b.label) || collator.compare(a.title, b.title) || a.inputPath.localeCompare(b.inputPath);
}

/**
 * How `parent` finds a page: by its title or its navtitle, in any case. A full title is the more
 * precise name, so where one page has the name as its title and another as its navtitle
 * ("Testing Guide", navtitle "Testing" beside a page titled "Testing"), the title wins; only
 * two pages with one title, or two with one navtitle and no page with that title, are ambiguous.
 */
export class NavNameIndex {
  private readonly byTitle = new Map<string, Page[]>();
  private readonly byNavtitle = new Map<string, Page[]>();

  constructor(pages: Iterable<Page>) {
    const add = (map: Map<string, Page[]>, name: string, page: Page) => {
      const list = map.get(name);
      if (list) list.push(page);
      else map.set(name, [page]);
    };
    for (const page of pages) {
      add(this.byTitle, navKey(page.title), page);
      if (page.navtitle && navKey(page.navtitle) !== navKey(page.title)) add(this.byNavtitle, navKey(page.navtitle), page);
    }
  }

  /** The pages a `parent` value names (already a `navKey`). */
  get(name: string): Page[] {
    return this.byTitle.get(name) ?? this.byNavtitle.get(name) ?? [];
  }

  /** Every name, for did-you-mean suggestions. */
  keys(): string[] {
    return [...new Set([...this.byTitle.keys(), ...this.byNavtitle.keys()])];
  }
}

/** Each page under each of its names, the way `parent` names pages. */
export function pagesByNavName(pages: Iterable<Page>): NavNameIndex {
  return new NavNameIndex(pages);
}

/**
 * Builds the navigation tree from each page's `parent` (the parent's navtitle or title, any
 * case). Every page is placed or reported: a parent naming no page, naming two pages, naming
 * the page itself, a loop, and two siblings with one title are errors naming the files.
 */
export function buildNavTree(pages: readonly Page[], options: NavTreeOptions = {}): { tree: NavTree; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const nodes = new Map<string, NavNode>();
  for (const page of pages) nodes.set(page.inputPath, { page, children: [], depth: 0, index: -1 });

  // Each page answers to its navtitle and its title.
  const byName = pagesByNavName(pages);
  const names = byName.keys();
  const displayNames = new Map<string, string>();
  for (const node of nodes.values()) {
    for (const name of [node.page.navtitle, node.page.title]) if (name) displayNames.set(navKey(name), name);
  }

  const home = [...nodes.values()].find((n) => n.page.url === '/');

  for (const [child, parentPath] of options.parents ?? []) {
    const node = nodes.get(child);
    const parent = parentPath === null ? undefined : nodes.get(parentPath);
    if (node && parent && parent !== node && parent !== home) node.parent = parent;
  }

  // Resolve each `parent`.
  for (const node of nodes.values()) {
    const { page } = node;
    if (page.parent === undefined || options.parents) continue;
    const line = page.keyLines.get('parent');
    const candidates = byName.get(navKey(page.parent)).map((p) => nodes.get(p.inputPath)!);
    if (candidates.length === 0) {
      const suggestion = closestMatch(navKey(page.parent), names);
      problems.push({
        severity: 'error',
        file: page.file,
        line,
        message: `parent "${page.parent}" names no page.`,
        hint: suggestion
          ? `Did you mean "${displayNames.get(suggestion)}"? \`parent\` takes the parent page's navtitle or title.`
          : '`parent` takes the parent page\'s navtitle or title (any case); check the spelling, or remove the line to make this a top-level page.',
      });
    } else if (candidates.length > 1) {
      problems.push({
        severity: 'error',
        file: page.file,
        line,
        message: `parent "${page.parent}" matches ${candidates.length} pages: ${candidates.map((c) => c.page.file).join(' and ')}.`,
        hint: 'Give one of those pages a different title or navtitle, or name the parent by its other one.',
      });
    } else if (candidates[0] === node) {
      problems.push({
        severity: 'error',
        file: page.file,
        line,
        message: `the page is its own parent ("${page.parent}").`,
        hint: 'Set `parent` to the title or navtitle of the page above this one, or remove the line.',
      });
    } else if (candidates[0] !== home) {
      // A page whose parent is the home page is a top-level page.
      node.parent = candidates[0];
    }
  }

  // Loops: follow parents; a walk that comes back to a page it saw is a loop, reported once.
  const state = new Map<NavNode, 'walking' | 'done'>();
  for (const start of nodes.values()) {
    const path: NavNode[] = [];
    let current: NavNode | undefined = start;
    while (current && !state.has(current)) {
      state.set(current, 'walking');
      path.push(current);
      current = current.parent;
    }
    if (current && state.get(current) === 'walking') {
      const loop = path.slice(path.indexOf(current));
      const names = [...loop, current].map((n) => `"${n.page.label}" (${n.page.file})`).join(' -> ');
      for (const member of loop) {
        problems.push({
          severity: 'error',
          file: member.page.file,
          line: member.page.keyLines.get('parent'),
          message: `parent loop: ${names}.`,
          hint: 'Each page must sit under a page that is not one of its own descendants: change `parent` on one page of the loop.',
        });
        member.parent = undefined;
      }
    }
    for (const walked of path) state.set(walked, 'done');
  }

  const roots: NavNode[] = [];
  for (const node of nodes.values()) {
    if (node === home) continue;
    if (node.parent) node.parent.children.push(node);
    else roots.push(node);
  }

  // Two siblings with one title: readers could not tell them apart.
  const checkSiblings = (siblings: NavNode[]) => {
    const seen = new Map<string, NavNode>();
    for (const sibling of siblings) {
      const key = navKey(sibling.page.title);
      const other = seen.get(key);
      if (other) {
        problems.push({
          severity: 'error',
          file: sibling.page.file,
          line: sibling.page.keyLines.get('title'),
          message: `two pages under the same parent have the title "${sibling.page.title}": ${other.page.file} and ${sibling.page.file}.`,
          hint: 'Give one of them a different title.',
        });
      } else seen.set(key, sibling);
    }
  };

  const listOrder = options.siblingOrder;
  const bySiblingOrder = (a: NavNode, b: NavNode) => {
    const ao = listOrder?.get(a.page.inputPath) ?? Infinity;
    const bo = listOrder?.get(b.page.inputPath) ?? Infinity;
    return ao !== bo ? (ao < bo ? -1 : 1) : compareSiblings(a.page, b.page);
  };

  const order: NavNode[] = [];
  if (home) {
    home.index = 0;
    order.push(home);
  }
  const sortAndNumber = (siblings: NavNode[], depth: number) => {
    siblings.sort(bySiblingOrder);
    checkSiblings(siblings);
    // Iterative depth-first walk: a parent chain can be hundreds of pages deep.
    const stack: { list: NavNode[]; at: number; depth: number }[] = [{ list: siblings, at: 0, depth }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (frame.at >= frame.list.length) {
        stack.pop();
        continue;
      }
      const node = frame.list[frame.at++]!;
      node.depth = frame.depth;
      node.index = order.length;
      order.push(node);
      if (node.children.length > 0) {
        node.children.sort(bySiblingOrder);
        checkSiblings(node.children);
        stack.push({ list: node.children, at: 0, depth: frame.depth + 1 });
      }
    }
  };
  sortAndNumber(roots, 0);

  const tree: NavTree = { home, roots, order, byInputPath: nodes };
  if (options.externalLinks && options.externalLinks.length > 0) {
    tree.externalLinks = new Map();
    for (const link of options.externalLinks) {
      const owner = link.parent === undefined ? undefined : nodes.get(link.parent);
      const siblings = owner && owner !== home ? owner.children : roots;
      const index = siblings.filter((s) => (listOrder?.get(s.page.inputPath) ?? Infinity) < link.order).length;
      const key = owner === home ? undefined : owner;
      const list = tree.externalLinks.get(key) ?? [];
      list.push({ label: link.label, url: link.url, index });
      tree.externalLinks.set(key, list);
    }
  }
  return { tree, problems };
}
