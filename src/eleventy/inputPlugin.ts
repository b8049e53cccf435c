// What Eleventy reads from the input: which files are pages, their front matter (YAML only),
// which files it copies as they are, and each page's URL from the site model. Content never runs
// code (src/security/codeInContent.ts): no JavaScript template or data file is ever loaded.
import path from 'node:path';
import type { SiteBuild } from '../build/siteBuild.ts';
import { outputFolders } from '../output/buildsFolder.ts';
import { NO_DATA_DIR, yamlOnlyFrontMatterEngines } from '../security/codeInContent.ts';
import type { EleventyConfig } from './eleventyConfig.ts';

export function inputPlugin(eleventyConfig: EleventyConfig, build: SiteBuild): void {
  const { input } = build;
  eleventyConfig.setUseGitIgnore(false);
  for (const extension of input.markdownExtensions) eleventyConfig.addExtension(extension, { key: 'md' });
  // `11ty.js` only for the generator's own virtual templates (the layout, the system pages):
  // real JavaScript templates are ignored (validation refuses them first), and no data file is
  // read: neither template or folder data files nor a data folder, which content cannot have.
  eleventyConfig.setTemplateFormats(['md', '11ty.js', ...input.markdownExtensions]);
  for (const extension of ['js', 'cjs', 'mjs']) eleventyConfig.ignores.add(`**/*.11ty.${extension}`);
  eleventyConfig.setDataFileSuffixes([]);
  eleventyConfig.setDataDirectory(NO_DATA_DIR);
  for (const ignore of input.eleventyIgnores()) eleventyConfig.ignores.add(ignore);
  eleventyConfig.ignores.add('**/node_modules/**');
  // YAML only: Eleventy's own `javascript`/`js`, `jsLegacy` and `node` engines would run code.
  eleventyConfig.setFrontMatterParsingOptions({ engines: yamlOnlyFrontMatterEngines((text: string) => input.eleventyFrontMatter(text)) });
  // A page that opts in to Liquid reads includes from `_includes` and nowhere else (Eleventy
  // would also look in the whole input folder and beside the page).
  const includesDir = path.join(input.inputDir, '_includes');
  eleventyConfig.setLiquidOptions({ root: [includesDir], partials: [includesDir], layouts: [includesDir], relativeReference: false });

  // Every content page's URL, from the site model (front matter reaches Eleventy without
  // `permalink`); generated pages set their own. A plain function in the data cascade rather
  // than `eleventyComputed`, whose dependency graph per page cost 0.8 s at 10,000 pages.
  const permalink = (data: { page: { inputPath: string } }) => build.permalinkOf(data.page.inputPath);
  eleventyConfig.addGlobalData('permalink', () => permalink);

  // Images and files beside the pages, at the same relative URLs (a Jekyll guide copies its own
  // after the build). Never a file from outside the content, and links are copied as files.
  const copies = input.passthroughCopies(process.cwd(), outputFolders(build.siteDir));
  for (const glob of copies.globs) eleventyConfig.addPassthroughCopy(glob, copies.options);
}
