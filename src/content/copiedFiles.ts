import path from 'node:path';
import { isIgnoredFolder } from './findContentFiles.ts';
import { folderSet, walkInside } from '../security/symlinks.ts';
import { PASSTHROUGH_EXTENSIONS } from './passthroughGlobs.ts';

/**
 * The files beside the pages the build copies to the same relative URLs (images, PDFs…), as
 * paths relative to `dir` with `/`, sorted: the files `passthroughGlobs` matches (the same
 * folders skipped, links followed only inside the content; extensions in any case, dot files
 * too, so that no copied file is missed), for checking page URLs against theirs before
 * anything is written.
 */
export function findCopiedFiles(dir: string, skipDirs: readonly string[] = []): string[] {
  const extensions = new Set(PASSTHROUGH_EXTENSIONS.map((e) => `.${e}`));
  const skip = folderSet(skipDirs);
  const found: string[] = [];
  walkInside(dir, {
    rootDir: dir,
    state: true,
    enter: (folder) => (isIgnoredFolder(folder.name) || skip.has(folder) ? undefined : true),
    file: (file) => {
      if (extensions.has(path.extname(file.name).toLowerCase())) found.push(file.relative);
    },
  });
  return found.sort();
}
