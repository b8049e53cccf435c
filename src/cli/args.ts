import { parseArgs } from 'node:util';

export interface BuildArgs {
  input: string;
  output: string;
  pathPrefix: string;
  serve: boolean;
  port: number;
  report: boolean;
  quiet: boolean;
}

/** Flags of `npm run build` / `npm start`, named as Eleventy names them. */
export function parseBuildArgs(argv: string[]): BuildArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      input: { type: 'string', default: 'content' },
      output: { type: 'string', default: '_site' },
      pathprefix: { type: 'string', default: '/' },
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
    pathPrefix: values.pathprefix!,
    serve: values.serve!,
    port: Number(values.port),
    report: values.report!,
    quiet: values.quiet!,
  };
}
