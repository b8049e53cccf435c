// `npm run check-links`: the gate that fails on any broken link, image or anchor in a built site.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ContentValidationError } from '../content/errors.ts';
import { checkBuiltSite } from '../links/checkLinks.ts';
import { DEFAULT_CACHE_FILE, DEFAULT_MAX_TIME_MS, type ExternalCheckOptions } from '../links/externalCheckOptions.ts';
import { formatJson, formatText } from '../links/formatReport.ts';
import { formatLinkParser } from '../links/linkSources.ts';
import { openInput } from '../input/openInput.ts';
import { outputFolders } from '../output/buildsFolder.ts';
import { SITE_FLAGS } from './args.ts';
import { builtSiteProblem, inputFolderProblem } from './folderArgs.ts';

const USAGE = `Usage: npm run check-links -- [--input=DIR] [--output=DIR] [--pathprefix=/path/] [--format=text|json]
                              [--external [--concurrency=N] [--timeout=SECONDS] [--retries=N] [--max-time=SECONDS] [--cache-dir=DIR]]`;

export interface CheckLinksArgs {
  input: string;
  output: string;
  /** `--pathprefix` when given; `/` otherwise. */
  pathPrefix?: string;
  format: 'text' | 'json';
  external?: ExternalCheckOptions;
}

export function parseCheckLinksArgs(argv: string[]): CheckLinksArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...SITE_FLAGS,
      format: { type: 'string', default: 'text' },
      external: { type: 'boolean', default: false },
      concurrency: { type: 'string', default: '8' },
      timeout: { type: 'string', default: '10' },
      retries: { type: 'string', default: '3' },
      'max-time': { type: 'string', default: String(DEFAULT_MAX_TIME_MS / 1000) },
      'cache-dir': { type: 'string', default: path.dirname(DEFAULT_CACHE_FILE) },
    },
    strict: true,
    allowPositionals: false,
  });
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw new Error(`--format must be text or json, not ${format}.`);
  const number = (name: string, value: string, min: number) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number of at least ${min}, not ${value}.`);
    return n;
  };
  return {
    input: values.input,
    output: values.output,
    pathPrefix: values.pathprefix,
    format,
    external: values.external
      ? {
          concurrency: Math.floor(number('concurrency', values.concurrency, 1)),
          timeoutMs: number('timeout', values.timeout, 0.1) * 1000,
          retries: Math.floor(number('retries', values.retries, 0)),
          maxTimeMs: number('max-time', values['max-time'], 1) * 1000,
          cacheFile: path.join(values['cache-dir'], path.basename(DEFAULT_CACHE_FILE)),
        }
      : undefined,
  };
}

async function main(): Promise<number> {
  let args: CheckLinksArgs;
  try {
    args = parseCheckLinksArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const siteDir = path.resolve(args.output);
  const folderProblem = builtSiteProblem(args.output) ?? inputFolderProblem(args.input);
  if (folderProblem) {
    console.error(folderProblem);
    return 2;
  }
  // A Jekyll guide is checked as it was built: its root, its baseurl, its own renderer.
  const input = await openInput(args.input, args.pathPrefix);
  const { inputDir, pathPrefix } = input;
  let report;
  try {
    const model = input.loadSite({ skipDirs: outputFolders(siteDir), gitDates: false });
    // Where includes and layouts add links, the input's own renderer says which line wrote each.
    const parseLinks = input.sourceHoldsAllLinks ? undefined : formatLinkParser(input, inputDir, pathPrefix);
    report = await checkBuiltSite({ inputDir, siteDir, pathPrefix, model, parseLinks, external: args.external });
  } catch (error) {
    if (error instanceof ContentValidationError) {
      console.error(`${error.message}\n\nThe content has errors, so its links cannot be traced to their lines. Fix the errors above and build again.`);
      return 1;
    }
    throw error;
  }
  if (args.format === 'json') console.log(formatJson(report));
  else console.log(formatText(report, { github: process.env.GITHUB_ACTIONS === 'true' }));
  return report.breaks.some((b) => b.severity === 'error') ? 1 : 0;
}

process.exitCode = await main();
