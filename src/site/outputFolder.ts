import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Marks a folder as written by this generator, so that it may be cleaned on the next build. */
export const OUTPUT_MARKER = '.guidebook-output';

/** Why an output folder may not be used, or undefined when it is safe. */
export function unsafeOutputReason(inputDir: string, outputDir: string): string | undefined {
  const input = path.resolve(inputDir);
  const output = path.resolve(outputDir);
  if (output === input) return `the output folder ${outputDir} is the content folder; the build would overwrite your pages.`;
  const relative = path.relative(output, input);
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) {
    return `the output folder ${outputDir} contains the content folder ${inputDir}; cleaning it would delete your pages.`;
  }
  if (existsSync(output)) {
    if (!statSync(output).isDirectory()) return `the output ${outputDir} is a file, not a folder.`;
    const entries = readdirSync(output);
    if (entries.length > 0 && !entries.includes(OUTPUT_MARKER)) {
      return `the output folder ${outputDir} already holds files this generator did not write; choose an empty or new folder.`;
    }
  }
  return undefined;
}

/** Creates the output folder if needed and marks it as ours (the dev server writes into it directly). */
export function claimOutputFolder(outputDir: string): void {
  mkdirSync(outputDir, { recursive: true });
  const marker = path.join(outputDir, OUTPUT_MARKER);
  if (!existsSync(marker)) writeFileSync(marker, 'Written by the guidebook generator; the next build replaces this folder.\n');
}

/** A fresh staging folder inside the output folder: the build writes there first. */
export function createStagingFolder(outputDir: string): string {
  claimOutputFolder(outputDir);
  const staging = path.join(outputDir, `.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  return staging;
}

/**
 * Replaces the published site with the finished staging folder, so readers never see half a
 * build: old entries go, the staged ones move up. Only entries inside `outputDir` are touched.
 */
export function publishStagingFolder(outputDir: string, staging: string): void {
  const stagingName = path.basename(staging);
  for (const entry of readdirSync(outputDir)) {
    if (entry === stagingName || entry === OUTPUT_MARKER) continue;
    rmSync(path.join(outputDir, entry), { recursive: true, force: true });
  }
  for (const entry of readdirSync(staging)) renameSync(path.join(staging, entry), path.join(outputDir, entry));
  rmSync(staging, { recursive: true, force: true });
}

/** Drops a failed build; an output folder that held nothing but our marker goes too. */
export function discardStagingFolder(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
  const outputDir = path.dirname(staging);
  const left = readdirSync(outputDir);
  if (left.length === 1 && left[0] === OUTPUT_MARKER) rmSync(outputDir, { recursive: true, force: true });
}
