// Whether a build may use an output folder: never the content folder or one holding it, never
// a folder or link this generator did not make, never one holding files it did not write.
import { existsSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { BUILDS, buildsFolderOf, LOCK, lstatOrUndefined, NEXT_LINK, OUTPUT_MARKER, publishedBuild } from './buildsFolder.ts';
import { filesNotOurs, listed, notOursReason } from './foreignFiles.ts';

/** The output cannot be used now: another build holds it, or it holds files we did not write. */
export class OutputRefusedError extends Error {}

/** A path with every link resolved as far as it exists (the rest kept as written). */
function realPath(p: string): string {
  const absolute = path.resolve(p);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = path.dirname(absolute);
    return parent === absolute ? absolute : path.join(realPath(parent), path.basename(absolute));
  }
}

/** Whether `inner` is `outer` or below it. */
function isWithin(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Why an output folder may not be used, or undefined when it is safe. */
export function unsafeOutputReason(inputDir: string, outputDir: string): string | undefined {
  const input = realPath(inputDir);
  const output = path.resolve(outputDir);
  const builds = buildsFolderOf(output);
  // Compared as written and with links resolved: a link may lead to the content folder.
  for (const candidate of new Set([output, realPath(output)])) {
    if (candidate === input) return `the output folder ${outputDir} is the content folder; the build would overwrite your pages.`;
    if (isWithin(input, candidate)) return `the output folder ${outputDir} contains the content folder ${inputDir}; cleaning it would delete your pages.`;
  }
  for (const candidate of new Set([builds, realPath(builds)])) {
    if (isWithin(input, candidate)) {
      return `the builds folder ${path.basename(builds)} beside the output folder ${outputDir} would hold the content folder ${inputDir}; choose another --output.`;
    }
  }

  const builtThere = lstatOrUndefined(builds);
  if (builtThere) {
    if (!builtThere.isDirectory()) return `${builds}, where the builds of ${outputDir} go, is not a folder this generator made; choose another --output, or move it.`;
    const ours = (name: string) => name === BUILDS || name === LOCK || name === NEXT_LINK || name.startsWith(`${LOCK}.stale-`) || name.startsWith(`${LOCK}.new-`);
    const strangers = readdirSync(builds).filter((name) => !ours(name));
    if (strangers.length > 0) return `the builds folder ${builds} holds ${listed(strangers)}, which this generator did not write; it never deletes them. Choose another --output, or move them.`;
  }

  const stat = lstatOrUndefined(output);
  if (!stat) return undefined;
  if (stat.isSymbolicLink()) {
    const build = publishedBuild(output);
    if (!build) return `the output ${outputDir} is a link to ${readlinkSync(output)}, which this generator did not make; choose another --output, or remove the link.`;
    if (!existsSync(build)) return undefined;
    const strangers = filesNotOurs(build, inputDir);
    return strangers.length > 0 ? notOursReason(outputDir, strangers) : undefined;
  }
  if (!stat.isDirectory()) return `the output ${outputDir} is a file, not a folder.`;
  const entries = readdirSync(output);
  if (entries.length > 0 && !entries.includes(OUTPUT_MARKER)) {
    return `the output folder ${outputDir} already holds files this generator did not write; choose an empty or new folder.`;
  }
  const strangers = filesNotOurs(output, inputDir);
  return strangers.length > 0 ? notOursReason(outputDir, strangers) : undefined;
}
