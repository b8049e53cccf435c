import { folderSet, walkInside } from '../security/symlinks.ts';

/**
 * Folders never read as content: dot folders, `node_modules`, and `_`-folders (`_site`,
 * `_includes`, `_data`…), which hold things other than pages. The Eleventy config ignores the same.
 */
export function isIgnoredFolder(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_') || name === 'node_modules';
}

/**
 * Every Markdown file under `dir`, as paths relative to it with `/`, sorted. Symbolic links are
 * followed only inside `dir` (src/security/symlinks.ts): nothing outside it is ever a page.
 */
export function findContentFiles(dir: string, skipDirs: readonly string[] = []): string[] {
  const found: string[] = [];
  const skip = folderSet(skipDirs);
  walkInside(dir, {
    rootDir: dir,
    state: true,
    enter: (folder) => (isIgnoredFolder(folder.name) || skip.has(folder) ? undefined : true),
    file: (file) => {
      if (file.name.endsWith('.md')) found.push(file.relative);
    },
  });
  return found.sort();
}
