import { readdirSync } from 'node:fs';
import path from 'node:path';
import { isIgnoredFolder } from '../content/findContentFiles.ts';

/** Files beside the pages that are published at the same relative URLs. */
export const PASSTHROUGH_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'avif', 'ico', 'pdf', 'txt', 'csv', 'zip', 'docx', 'xlsx', 'pptx'];

/**
 * Globs (relative to `cwd`, as Eleventy's passthrough copy wants them) for the files beside the
 * pages, skipping the folders that hold no pages (`_site`, dot folders…) and `skipDirs` (the
 * output folder when it sits inside the content). Eleventy's own search skips only the folder
 * it writes to, so an output folder inside the content would otherwise be copied into itself.
 * A folder with nothing to skip below it gets one recursive glob.
 */
export function passthroughGlobs(inputDir: string, cwd: string, skipDirs: readonly string[] = []): string[] {
  const files = `*.{${PASSTHROUGH_EXTENSIONS.join(',')}}`;
  const skip = new Set(skipDirs.map((d) => path.resolve(d)));
  const spelled = (absolute: string) => (path.relative(cwd, absolute) || '.').split(path.sep).join('/');

  // Post-order: a folder is clean when nothing below it is skipped; clean folders need one glob.
  const visit = (absolute: string): { clean: boolean; globs: string[] } => {
    const folders = readdirSync(absolute, { withFileTypes: true }).filter((e) => e.isDirectory());
    const kept = folders.map((e) => path.join(absolute, e.name)).filter((child) => !isIgnoredFolder(path.basename(child)) && !skip.has(child));
    const children = kept.map(visit);
    if (kept.length === folders.length && children.every((c) => c.clean)) {
      return { clean: true, globs: [`${spelled(absolute)}/**/${files}`] };
    }
    return { clean: false, globs: [`${spelled(absolute)}/${files}`, ...children.flatMap((c) => c.globs)] };
  };

  return visit(path.resolve(inputDir)).globs;
}
