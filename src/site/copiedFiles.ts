import { readdirSync } from 'node:fs';
import path from 'node:path';
import { isIgnoredFolder } from '../content/findContentFiles.ts';
import { PASSTHROUGH_EXTENSIONS } from './passthroughGlobs.ts';

/**
 * The files beside the pages the build copies to the same relative URLs (images, PDFs…), as
 * paths relative to `dir` with `/`, sorted: the files `passthroughGlobs` matches (the same
 * folders skipped; extensions in any case, dot files too, so that no copied file is missed), for
 * checking page URLs against theirs before anything is written.
 */
export function findCopiedFiles(dir: string, skipDirs: readonly string[] = []): string[] {
  const extensions = new Set(PASSTHROUGH_EXTENSIONS.map((e) => `.${e}`));
  const skip = new Set(skipDirs.map((d) => path.resolve(d)));
  const found: string[] = [];
  const walk = (absolute: string, relative: string) => {
    for (const entry of readdirSync(absolute, { withFileTypes: true })) {
      const childAbsolute = path.join(absolute, entry.name);
      const childRelative = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!isIgnoredFolder(entry.name) && !skip.has(childAbsolute)) walk(childAbsolute, childRelative);
      } else if (entry.isFile() && extensions.has(path.extname(entry.name).toLowerCase())) {
        found.push(childRelative);
      }
    }
  };
  walk(path.resolve(dir), '');
  return found.sort();
}
