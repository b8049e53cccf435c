// The floor `npm run bench` compares our build with: plain Eleventy 3 with its defaults (no
// plugins, Markdown through Eleventy's own markdown-it) and a one-line layout. Run as
//   eleventy --config=bench/floor/eleventy.config.mjs --input=CORPUS --output=DIR
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export default function floor(eleventyConfig) {
  // Layouts are looked up relative to the input folder; this one lives beside this file.
  eleventyConfig.setLayoutsDirectory(path.relative(path.resolve(eleventyConfig.directories.input), here));
  eleventyConfig.addGlobalData('layout', 'layout.11ty.js');
}
