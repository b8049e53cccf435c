import path from 'node:path';
import { isIgnoredFolder } from './findContentFiles.ts';
import { folderSet, realPathInside, walkInside } from '../security/symlinks.ts';

/** Files beside the pages that are published at the same relative URLs. */
export const PASSTHROUGH_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'avif', 'ico', 'pdf', 'txt', 'csv', 'zip', 'docx', 'xlsx', 'pptx'];

/**
 * Globs (relative to `cwd`, as Eleventy's passthrough copy wants them) for the files beside the
 * pages, skipping the folders that hold no pages (`_site`, dot folders…) and `skipDirs` (the
 * output folder when it sits inside the content). Eleventy's own search skips only the folder
 * it writes to, so an output folder inside the content would otherwise be copied into itself.
 * A folder with nothing to skip below it gets one recursive glob. A folder holding a link the
 * walk refuses (one leading outside the content) gets no recursive glob either, so that the
 * glob search, which follows links, never walks outside.
 */
export function passthroughGlobs(inputDir: string, cwd: string, skipDirs: readonly string[] = []): string[] {
  const files = `*.{${PASSTHROUGH_EXTENSIONS.join(',')}}`;
  const skip = folderSet(skipDirs);
  const spelled = (absolute: string) => (path.relative(cwd, absolute) || '.').split(path.sep).join('/');

  // The folders, as a tree; then post-order: a folder is clean when nothing below it is skipped, and clean folders need one glob.
  interface Folder {
    absolute: string;
    clean: boolean;
    children: Folder[];
  }
  const root: Folder = { absolute: path.resolve(inputDir), clean: true, children: [] };
  walkInside(inputDir, {
    rootDir: inputDir,
    state: root,
    enter: (entry, parent) => {
      if (isIgnoredFolder(entry.name) || skip.has(entry)) {
        parent.clean = false;
        return undefined;
      }
      const folder: Folder = { absolute: entry.absolute, clean: true, children: [] };
      parent.children.push(folder);
      return folder;
    },
    refused: (_link, parent) => {
      parent.clean = false;
    },
  });
  const globsOf = (folder: Folder): { clean: boolean; globs: string[] } => {
    const children = folder.children.map(globsOf);
    if (folder.clean && children.every((c) => c.clean)) return { clean: true, globs: [`${spelled(folder.absolute)}/**/${files}`] };
    return { clean: false, globs: [`${spelled(folder.absolute)}/${files}`, ...children.flatMap((c) => c.globs)] };
  };
  return globsOf(root).globs;
}

/**
 * Options for Eleventy's passthrough copy (its recursive-copy), defence in depth behind
 * `outsideLinkProblems`: a file whose real path is outside the content is never copied, and a
 * link inside it is copied as the file it points to (`expand`), so the site holds no links.
 */
export function passthroughCopyOptions(inputDir: string): { expand: boolean; rawPathFilter: (file: string) => boolean } {
  return { expand: true, rawPathFilter: (file) => realPathInside(inputDir, path.resolve(file)) !== undefined };
}
