// Starts one of the CLIs written in TypeScript: `node src/cli/launch.mjs build --input=…`.
// Eleventy is plain JavaScript. Importing it before tsx's module hook is registered keeps the
// hook out of the hundreds of module loads Eleventy makes, most of a small build's start-up.
import '@11ty/eleventy';
import { register } from 'tsx/esm/api';

register();
const [name] = process.argv.splice(2, 1);
await import(new URL(`./${name}.ts`, import.meta.url).href);
