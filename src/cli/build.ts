// `npm run build` and `npm start`: validate the content, then let Eleventy render it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Eleventy from '@11ty/eleventy';
import guidebook from '../../.eleventy.ts';
import { SiteBuild } from '../build/siteBuild.ts';
import type { EleventyConfig } from '../eleventy/eleventyConfig.ts';
import { ContentValidationError, formatProblems } from '../content/errors.ts';
import { openInput } from '../input/openInput.ts';
import type { SiteModel } from '../site/siteModel.ts';
import { describeBuildError } from '../build/buildError.ts';
import { listenOnlyOn } from '../devserver/devServerOptions.ts';
import { outputFolders } from '../output/buildsFolder.ts';
import { discardBuild, publishBuild, publishDevServerBuild, startBuild, startDevServerBuild } from '../output/outputFolder.ts';
import { OutputRefusedError, unsafeOutputReason } from '../output/outputSafety.ts';
import { parseBuildArgs } from './args.ts';
import { inputFolderProblem, outputFolderProblem } from './folderArgs.ts';

const projectRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// What Eleventy reads only from a configuration file; the plugins come with the build object.
const engineSettings = path.join(projectRoot, 'src', 'eleventy', 'templateEngines.mjs');

/** The deepest folder that holds both paths. */
function commonFolder(a: string, b: string): string {
  const partsA = path.resolve(a).split(path.sep);
  const partsB = path.resolve(b).split(path.sep);
  let i = 0;
  while (i < partsA.length && i < partsB.length && partsA[i] === partsB[i]) i++;
  return partsA.slice(0, i).join(path.sep) || path.sep;
}

/** Runs a step on the output folder; a refusal (another build holds it, files we did not write) is printed and gives false. */
function outputStep(step: () => void): boolean {
  try {
    step();
    return true;
  } catch (error) {
    if (!(error instanceof OutputRefusedError)) throw error;
    console.error(`error: ${error.message}`);
    return false;
  }
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseBuildArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: npm run build -- [--input=DIR] [--output=DIR] [--pathprefix=/path/] [--serve [--port=N] [--host=ADDRESS]] [--report]`);
    return 2;
  }
  // Exit 1, as the output folder refusals below: nothing was read or written.
  const folderProblem = inputFolderProblem(args.input) ?? outputFolderProblem(args.output);
  if (folderProblem) {
    console.error(folderProblem);
    return 1;
  }
  // A Jekyll guide (`_config.yml`) is built as it is: its root, its `baseurl` as the path prefix.
  const input = await openInput(args.input, args.pathPrefixGiven ? args.pathPrefix : undefined);
  const { inputDir } = input;
  const siteDir = path.resolve(args.output);
  const unsafe = unsafeOutputReason(inputDir, siteDir);
  if (unsafe) {
    // Some reasons already say which flag to change.
    console.error(`error: ${unsafe}${unsafe.includes('--output') ? '' : '\n    Pass another folder with --output=DIR.'}`);
    return 1;
  }

  let model: SiteModel;
  try {
    model = input.loadSite({ skipDirs: outputFolders(siteDir) });
  } catch (error) {
    if (error instanceof ContentValidationError) {
      const count = error.problems.filter((p) => p.severity === 'error').length;
      console.error(`${error.message}\n\nThe build stopped: ${count} error${count === 1 ? '' : 's'} in the content. Nothing was written.`);
      return 1;
    }
    throw error;
  }
  if (model.warnings.length > 0) console.warn(formatProblems(model.warnings));

  // Eleventy's watcher loses track of changed files when the content or the layouts sit above
  // the working folder (`../x`): the dev server then works from a folder holding both.
  const above = (dir: string) => path.relative(process.cwd(), dir).startsWith('..');
  if (args.serve && (above(inputDir) || above(projectRoot))) process.chdir(commonFolder(inputDir, projectRoot));
  // Eleventy is given the input as a path relative to the working folder, as its own CLI does:
  // passthrough copies keep their place in the site only when their glob matches that spelling.
  const eleventyInput = path.relative(process.cwd(), inputDir) || '.';
  const eleventyOptions = (build: SiteBuild) => ({
    configPath: engineSettings,
    config: (eleventyConfig: EleventyConfig) => guidebook(eleventyConfig, build),
    pathPrefix: input.pathPrefix,
    quietMode: true,
  });

  if (args.serve) {
    // The dev server writes its own build folder, published once its first build is written,
    // and holds the output's lock while it runs.
    let devFolder = '';
    if (!outputStep(() => (devFolder = startDevServerBuild(siteDir, inputDir)))) return 1;
    const build = new SiteBuild({ input, mode: 'serve', siteDir, outputDir: devFolder, model });
    const eleventy = new Eleventy(eleventyInput, devFolder, { ...eleventyOptions(build), runMode: 'serve' });
    // Rebuilds render only the edited page unless the navigation changed (src/devserver/rebuilds.ts).
    build.switchIncremental = (incremental) => eleventy.setIncrementalBuild(incremental);
    await eleventy.init();
    await eleventy.watch();
    publishDevServerBuild(siteDir, devFolder);
    // This machine only, unless --host says otherwise: the preview may be a stranger's pull request.
    listenOnlyOn(args.host);
    await eleventy.serve(args.port);
    return -1;
  }

  // A fresh build folder beside the output, under the output's lock (src/output/outputFolder.ts).
  let staging = '';
  if (!outputStep(() => (staging = startBuild(siteDir, inputDir)))) return 1;
  const build = new SiteBuild({ input, mode: 'build', siteDir, outputDir: staging, model });
  const started = performance.now();
  try {
    const eleventy = new Eleventy(eleventyInput, staging, eleventyOptions(build));
    // Eleventy would print errors with their stack traces; describeBuildError says what went wrong.
    eleventy.disableLogger();
    await eleventy.write();
  } catch (error) {
    await build.settled();
    discardBuild(siteDir, staging);
    console.error(describeBuildError(error, model.pages, inputDir));
    console.error(`\nThe build failed; the published site in ${args.output} is unchanged.`);
    // Eleventy may still be copying files into the staging folder just removed; its failures
    // would follow as stack traces. Nothing else is left to do: stop here.
    process.exit(1);
  }
  // Started by the build once the pages were written; it reads the staging folder.
  const warnings = await build.linkWarnings();
  if (!outputStep(() => publishBuild(siteDir, staging, inputDir))) return 1;
  const report = args.report ? input.report() : '';
  if (report) console.log(report);
  if (!args.quiet) {
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.log(`Built ${build.model.pages.length} pages into ${args.output} in ${seconds} s.`);
  }
  if (warnings) console.warn(warnings);
  return 0;
}

const code = await main();
if (code >= 0) process.exitCode = code;
