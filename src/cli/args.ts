import { parseArgs } from 'node:util';

export interface BuildArgs {
  input: string;
  output: string;
  pathPrefix: string;
  /** Whether `--pathprefix` was given (a Jekyll guide's `baseurl` is the default otherwise). */
  pathPrefixGiven: boolean;
  serve: boolean;
  port: number;
  report: boolean;
  quiet: boolean;
}

/** The flags every command shares: which content, which built site, under which prefix. */
export const SITE_FLAGS = {
  input: { type: 'string', default: 'content' },
  output: { type: 'string', default: '_site' },
  // Unset: no prefix, or a Jekyll guide's own `baseurl`.
  pathprefix: { type: 'string' },
} as const;

/** Flags of `npm run build` / `npm start`, named as Eleventy names them. */
export function parseBuildArgs(argv: string[]): BuildArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...SITE_FLAGS,
      serve: { type: 'boolean', default: false },
      port: { type: 'string', default: '8080' },
      report: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  return {
    input: values.input!,
    output: values.output!,
    pathPrefix: values.pathprefix ?? '/',
    pathPrefixGiven: values.pathprefix !== undefined,
    serve: values.serve!,
    port: Number(values.port),
    report: values.report!,
    quiet: values.quiet!,
  };
}
