// The Eleventy configuration of a build: thin glue. The build object (src/build/siteBuild.ts),
// made by the CLI, is handed to Eleventy with these plugins, each a small file in src/eleventy/
// with one job; every decision lives in a typed module under src/.
import type { SiteBuild } from './src/build/siteBuild.ts';
import { buildHooksPlugin } from './src/eleventy/buildHooksPlugin.ts';
import { devServerPlugin } from './src/eleventy/devServerPlugin.ts';
import type { EleventyConfig } from './src/eleventy/eleventyConfig.ts';
import { inputPlugin } from './src/eleventy/inputPlugin.ts';
import { layoutPlugin } from './src/eleventy/layoutPlugin.ts';
import { markdownPlugin } from './src/eleventy/markdownPlugin.ts';
import { systemPagesPlugin } from './src/eleventy/systemPagesPlugin.ts';

/** In order: what is read, how Markdown renders, the layouts, the generated pages, the build's moments, the dev server. */
const PLUGINS = [inputPlugin, markdownPlugin, layoutPlugin, systemPagesPlugin, buildHooksPlugin, devServerPlugin];

/**
 * Eleventy's `config` callback for one build. Called directly rather than through `addPlugin`:
 * Eleventy reads template formats before it runs added plugins.
 */
export default function guidebook(eleventyConfig: EleventyConfig, build: SiteBuild): void {
  eleventyConfig.setQuietMode(true);
  for (const plugin of PLUGINS) plugin(eleventyConfig, build);
}
