import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { folderSet, walkInside, type WalkEntry } from '../security/symlinks.ts';
import type { JekyllCollection, JekyllConfig } from './jekyllConfig.ts';

/** Jekyll's Markdown extensions (`markdown_ext`). */
export const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.mkdown', '.mkdn', '.mkd'];

/** What Jekyll never reads, whatever `exclude:` says (Jekyll 4's defaults, plus all of `vendor/`). */
const DEFAULT_EXCLUDES = ['.sass-cache', '.jekyll-cache', '.jekyll-metadata', 'gemfiles', 'Gemfile', 'Gemfile.lock', 'node_modules', 'vendor'];

export interface SiteFile {
  /** Path relative to the site root, with `/`. */
  path: string;
  /** The collection the file belongs to, if any. */
  collection?: JekyllCollection;
}

/** The files of a Jekyll site, sorted out the way Jekyll sorts them. */
export interface SiteFiles {
  /** Markdown files with front matter: the pages. */
  pages: SiteFile[];
  /** Other files with front matter (HTML page templates, Sass, feeds): Jekyll processed them; we do not. */
  templates: SiteFile[];
  /** Files copied as they are. */
  staticFiles: SiteFile[];
  /** Documents of collections Jekyll did not write (`output: false`), and `_posts`. */
  unwritten: SiteFile[];
  /** Every Markdown file under the root that is not a page (for the Eleventy glue to ignore). */
  otherMarkdown: string[];
  /** Folders not read at all (relative paths), for the Eleventy glue to ignore. */
  skippedFolders: string[];
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (const char of glob) {
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Whether a path matches an `exclude:`/`include:` entry: the entry itself, a file below it, or a glob. */
export function matchesEntry(relativePath: string, entry: string): boolean {
  const clean = entry.replace(/^\/+|\/+$/g, '');
  if (clean === '') return false;
  if (relativePath === clean || relativePath.startsWith(`${clean}/`)) return true;
  if (/[*?]/.test(clean)) return globToRegExp(clean).test(relativePath) || globToRegExp(clean).test(path.posix.basename(relativePath));
  return false;
}

/** Names Jekyll leaves out unless `include:` names them: `.x`, `_x`, `#x`, `x~`. */
function isSpecialName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_') || name.startsWith('#') || name.endsWith('~');
}

/** Whether a file starts with a front matter line (`---`), reading only its first bytes. */
export function hasFrontMatter(absolute: string): boolean {
  const buffer = Buffer.alloc(5);
  const fd = openSync(absolute, 'r');
  try {
    const read = readSync(fd, buffer, 0, 5, 0);
    const head = buffer.subarray(0, read).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
    return /^---\s/.test(head) || head === '---';
  } finally {
    closeSync(fd);
  }
}

/** How the scan treats a folder: walked (with the collection its files belong to), or left out. */
type FolderChoice = { walk: true; collection: JekyllCollection | undefined } | { walk: false };

function folderChooser(config: JekyllConfig, skip: ReturnType<typeof folderSet>) {
  const collectionByDir = new Map(config.collections.map((c) => [c.dir, c]));
  const postsDir = path.posix.join(config.collections.find((c) => c.label === 'posts')?.dir ?? '_posts');
  const excluded = (relative: string) => [...DEFAULT_EXCLUDES, ...config.exclude].some((entry) => matchesEntry(relative, entry));
  const included = (relative: string) => config.include.some((entry) => matchesEntry(relative, entry));
  const folder = (entry: WalkEntry, collection: JekyllCollection | undefined): FolderChoice => {
    const entered = collectionByDir.get(entry.relative);
    if (skip.has(entry) || entry.name === '.git' || entry.name === 'node_modules') return { walk: false };
    if (entered) return { walk: true, collection: entered };
    if (entry.relative === postsDir) return { walk: true, collection: { label: 'posts', output: false, dir: postsDir } };
    if ((isSpecialName(entry.name) && !included(entry.relative)) || excluded(entry.relative)) return { walk: false };
    return { walk: true, collection };
  };
  const leftOut = (relative: string, name: string) => (isSpecialName(name) && !included(relative)) || excluded(relative);
  return { folder, leftOut };
}

/**
 * Whether the build reads a folder of a Jekyll guide (the folders the scan walks, and
 * `_includes/` and `_data/`), for `outsideLinkProblems`: links in folders never read
 * (`_site/`, `vendor/`, a dot folder `include:` does not name) are no one's concern.
 */
export function readsJekyllFolder(config: JekyllConfig, skipDirs: readonly string[] = []): (folder: WalkEntry) => boolean {
  const { folder } = folderChooser(config, folderSet(skipDirs));
  return (entry) => entry.relative === '_includes' || entry.relative === '_data' || folder(entry, undefined).walk;
}

/**
 * Walks the site at `rootDir` once and sorts every file: pages, templates we do not process,
 * static files to copy. Honours `exclude:`, `include:` and `collections:`; never enters the
 * folders in `skipDirs` (the output folder). Symbolic links are followed only inside the site
 * (src/security/symlinks.ts): no file outside it is a page or copied.
 */
export function scanSiteFiles(rootDir: string, config: JekyllConfig, skipDirs: readonly string[] = []): SiteFiles {
  const found: SiteFiles = { pages: [], templates: [], staticFiles: [], unwritten: [], otherMarkdown: [], skippedFolders: [] };
  const { folder, leftOut } = folderChooser(config, folderSet(skipDirs));

  walkInside<{ collection: JekyllCollection | undefined }>(rootDir, {
    rootDir,
    sorted: true,
    state: { collection: undefined },
    enter: (entry, { collection }) => {
      const choice = folder(entry, collection);
      if (!choice.walk) {
        found.skippedFolders.push(entry.relative);
        return undefined;
      }
      return { collection: choice.collection };
    },
    file: (entry, { collection }) => {
      const isMarkdown = MARKDOWN_EXTENSIONS.includes(path.posix.extname(entry.name).toLowerCase());
      const file: SiteFile = { path: entry.relative, collection };
      if (leftOut(entry.relative, entry.name)) {
        if (isMarkdown) found.otherMarkdown.push(entry.relative);
        return;
      }
      const processed = hasFrontMatter(entry.absolute);
      if (collection && !collection.output) {
        if (processed) found.unwritten.push(file);
        if (isMarkdown) found.otherMarkdown.push(entry.relative);
      } else if (processed && isMarkdown) {
        found.pages.push(file);
      } else if (processed) {
        found.templates.push(file);
      } else {
        found.staticFiles.push(file);
        if (isMarkdown) found.otherMarkdown.push(entry.relative);
      }
    },
  });
  return found;
}
