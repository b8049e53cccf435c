// `npm start`: what the dev server watches besides the pages, how soon it reads a save, which
// requests it refuses, and what it rebuilds after a save.
import type { SiteBuild } from '../build/siteBuild.ts';
import { devServerOptions } from '../devserver/devServerOptions.ts';
import type { EleventyConfig } from './eleventyConfig.ts';

export function devServerPlugin(eleventyConfig: EleventyConfig, build: SiteBuild): void {
  // Settings (and a Jekyll guide's data and includes) are no template, so Eleventy would not
  // watch them; a change to one rebuilds every page (src/devserver/rebuilds.ts).
  for (const target of build.input.watchTargets()) eleventyConfig.addWatchTarget(target);
  // A saved file is read once it has been still for 50 ms (Eleventy waits 150 ms): editors' saves are small.
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });
  // Hostile request URLs get a 400; the start-up line names the real address.
  eleventyConfig.setServerOptions(devServerOptions());
  eleventyConfig.on('eleventy.beforeWatch', (changedFiles: string[]) => build.beforeWatch(changedFiles));
}
