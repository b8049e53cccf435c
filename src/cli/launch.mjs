// @ts-check
// Starts one of the CLIs written in TypeScript: `node src/cli/launch.mjs build --input=…`.
// A one-off command runs our code compiled ahead of time (./compiledCode.mjs). The dev server
// runs the sources through tsx: its start-up counts for less, and it keeps Eleventy's module
// hook, which one-off runs switch off.
import { compiledEntry } from './compiledCode.mjs';

const [name = ''] = process.argv.splice(2, 1);
const serve = process.argv.includes('--serve');
// Eleventy's module hook reloads edited templates in watch mode; a one-off run never needs it,
// and every import after Eleventy's would wait on the hook's loader thread.
if (!serve) process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= 'true';
const compiled = serve ? undefined : await compiledEntry(name);
if (compiled) {
  await import(compiled);
} else {
  // Importing Eleventy before tsx's module hook is registered keeps the hook out of the
  // hundreds of module loads Eleventy makes.
  await import('@11ty/eleventy');
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL(`./${name}.ts`, import.meta.url).href);
}
