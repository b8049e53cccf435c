import { isIP } from 'node:net';
import { parseArgs } from 'node:util';

export interface BuildArgs {
  input: string;
  output: string;
  pathPrefix: string;
  /** Whether `--pathprefix` was given (a Jekyll guide's `baseurl` is the default otherwise). */
  pathPrefixGiven: boolean;
  serve: boolean;
  port: number;
  /** The address the dev server listens on: this machine only unless `--host` says otherwise. */
  host: string;
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

/** A preview of content from a pull request is for this machine alone. */
export const DEFAULT_DEV_SERVER_HOST = '127.0.0.1';

function portNumber(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) throw new Error(`--port must be a whole number from 1 to 65535, not ${value}.`);
  return port;
}

/** An IP address or a host name (`localhost`); anything else cannot be listened on. */
function hostAddress(value: string): string {
  if (isIP(value) !== 0 || /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})$/.test(value)) return value;
  throw new Error(`--host must be an address of this machine (127.0.0.1, ::1, 0.0.0.0 for every network) or a host name, not ${JSON.stringify(value)}.`);
}

/** Flags of `npm run build` / `npm start`, named as Eleventy names them. */
export function parseBuildArgs(argv: string[]): BuildArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...SITE_FLAGS,
      serve: { type: 'boolean', default: false },
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: DEFAULT_DEV_SERVER_HOST },
      report: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  return {
    input: values.input,
    output: values.output,
    pathPrefix: values.pathprefix ?? '/',
    pathPrefixGiven: values.pathprefix !== undefined,
    serve: values.serve,
    port: portNumber(values.port),
    host: hostAddress(values.host),
    report: values.report,
    quiet: values.quiet,
  };
}
