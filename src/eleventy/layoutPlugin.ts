// The page layout every content page is rendered into, the data it renders, and the stylesheet,
// script and icon readers download.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pageLayout from '../../layouts/page.11ty.ts';
import type { SiteBuild } from '../build/siteBuild.ts';
import { searchScriptSources } from '../search/bundleSearchScripts.ts';
import { assetVersion } from './assetVersion.ts';
import { createGuidebookData, type GuidebookData } from '../view/siteData.ts';
import type { EleventyConfig } from './eleventyConfig.ts';

const layoutsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'layouts');
const assetsDir = path.join(layoutsDir, 'assets');

/** Its folder exists in no content; names starting with `_` hold no pages. */
const VIRTUAL_LAYOUTS = '_guidebook-layouts';

/** What layouts render, with the version of the files readers download in their URLs. */
export function layoutData(build: SiteBuild): GuidebookData {
  const files = ['site.css', 'site.js'].map((f) => path.join(assetsDir, f)).concat(searchScriptSources());
  return createGuidebookData(build, build.contentPaths, assetVersion(files));
}

export function layoutPlugin(eleventyConfig: EleventyConfig, build: SiteBuild): void {
  // The layout is imported here and handed to Eleventy as a virtual template, so Eleventy never
  // imports a TypeScript file itself: the launcher can run this code compiled (src/cli/).
  eleventyConfig.setLayoutsDirectory(VIRTUAL_LAYOUTS);
  eleventyConfig.addTemplate(`${VIRTUAL_LAYOUTS}/page.11ty.js`, pageLayout);
  eleventyConfig.addGlobalData('guidebook', layoutData(build));
  eleventyConfig.addGlobalData('layout', 'page.11ty.js');
  eleventyConfig.addPassthroughCopy({ [assetsDir]: 'assets' });
}
