// `npm run build` and `npm start`: validate the content, then let Eleventy render it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Eleventy from '@11ty/eleventy';
import { ContentValidationError, formatProblems } from '../content/errors.ts';
import { warnAboutBrokenLinks } from '../links/reportAfterBuild.ts';
import { normalizePrefix } from '../markdown/createMarkdown.ts';
import { setBuildContext, type BuildContext } from '../site/buildContext.ts';
import { loadSite } from '../site/loadSite.ts';
import { createStagingFolder, discardStagingFolder, publishStagingFolder, unsafeOutputReason } from '../site/outputFolder.ts';
import { parseBuildArgs } from './args.ts';

const configPath = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '.eleventy.ts');

async function main(): Promise<number> {
  let args;
  try {
    args = parseBuildArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: npm run build -- [--input=DIR] [--output=DIR] [--pathprefix=/path/] [--serve] [--port=N]`);
    return 2;
  }
  const inputDir = path.resolve(args.input);
  const siteDir = path.resolve(args.output);
  const unsafe = unsafeOutputReason(inputDir, siteDir);
  if (unsafe) {
    console.error(`error: ${unsafe}\n    Pass another folder with --output=DIR.`);
    return 1;
  }

  const context: BuildContext = {
    inputDir,
    outputDir: siteDir,
    siteDir,
    pathPrefix: normalizePrefix(args.pathPrefix),
    mode: args.serve ? 'serve' : 'build',
    jekyll: false,
    facts: new Map(),
  };

  try {
    context.model = loadSite({ inputDir, skipDirs: [siteDir] });
  } catch (error) {
    if (error instanceof ContentValidationError) {
      const count = error.problems.filter((p) => p.severity === 'error').length;
      console.error(`${error.message}\n\nThe build stopped: ${count} error${count === 1 ? '' : 's'} in the content. Nothing was written.`);
      return 1;
    }
    throw error;
  }
  if (context.model.warnings.length > 0) console.warn(formatProblems(context.model.warnings));

  if (args.serve) {
    setBuildContext(context);
    const eleventy = new Eleventy(inputDir, siteDir, { configPath, pathPrefix: context.pathPrefix, runMode: 'serve', quietMode: true });
    await eleventy.init();
    await eleventy.watch();
    await eleventy.serve(args.port);
    return -1;
  }

  const staging = createStagingFolder(siteDir);
  context.outputDir = staging;
  setBuildContext(context);
  const started = performance.now();
  try {
    const eleventy = new Eleventy(inputDir, staging, { configPath, pathPrefix: context.pathPrefix, quietMode: true });
    await eleventy.write();
  } catch (error) {
    discardStagingFolder(staging);
    console.error(`\nThe build failed; the published site in ${args.output} is unchanged.`);
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
  publishStagingFolder(siteDir, staging);
  if (!args.quiet) {
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.log(`Built ${context.model.pages.length} pages into ${args.output} in ${seconds} s.`);
  }
  await warnAboutBrokenLinks(context);
  return 0;
}

const code = await main();
if (code >= 0) process.exitCode = code;
