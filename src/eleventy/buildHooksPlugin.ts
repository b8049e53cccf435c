// Eleventy's moments, handed to the build: before each build (a fresh search indexer, the content
// read again when it may have changed) and after it (search index, the input format's own files,
// the link report). One handler each, since Eleventy runs a moment's handlers at once.
import type { SiteBuild } from '../build/siteBuild.ts';
import type { EleventyConfig } from './eleventyConfig.ts';

export function buildHooksPlugin(eleventyConfig: EleventyConfig, build: SiteBuild): void {
  eleventyConfig.on('eleventy.before', () => build.beforeBuild());
  eleventyConfig.on('eleventy.after', () => build.afterBuild());
}
