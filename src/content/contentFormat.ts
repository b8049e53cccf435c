// Our own content folder as an input of the build: Markdown pages with YAML front matter, the
// tree from `parent`, images and files beside the pages copied as they are.
import path from 'node:path';
import type { InputFormat, MarkdownLibrary, PassthroughCopies } from '../input/inputFormat.ts';
import { createMarkdown, type MarkdownOptions } from '../markdown/createMarkdown.ts';
import { passthroughCopyOptions, passthroughGlobs } from './passthroughGlobs.ts';
import { SETTINGS_FILE } from '../site/settings.ts';
import type { LoadSiteOptions, SiteModel } from '../site/siteModel.ts';
import { normalizePathPrefix } from '../urls/sitePaths.ts';
import { eleventyFrontMatter } from './frontMatter.ts';
import { loadContentSite } from './loadContent.ts';

export class ContentFormat implements InputFormat {
  readonly name = 'Markdown content';
  readonly inputDir: string;
  readonly pathPrefix: string;
  readonly markdownExtensions: readonly string[] = [];
  readonly sourceHoldsAllLinks = true;

  constructor(inputDir: string, pathPrefix: string) {
    this.inputDir = path.resolve(inputDir);
    this.pathPrefix = normalizePathPrefix(pathPrefix);
  }

  loadSite(options: Omit<LoadSiteOptions, 'inputDir'>): SiteModel {
    return loadContentSite({ ...options, inputDir: this.inputDir });
  }

  eleventyIgnores(): string[] {
    // Folders that hold no pages, the same rule as ./findContentFiles.ts.
    return ['**/_*/**', '**/.*/**'];
  }

  watchTargets(): string[] {
    return [path.join(this.inputDir, SETTINGS_FILE)];
  }

  markdownLibrary(common: MarkdownOptions): MarkdownLibrary {
    return createMarkdown(common);
  }

  eleventyFrontMatter(yaml: string): object {
    return eleventyFrontMatter(yaml);
  }

  passthroughCopies(cwd: string, skipDirs: readonly string[]): PassthroughCopies {
    return { globs: passthroughGlobs(this.inputDir, cwd, skipDirs), options: passthroughCopyOptions(this.inputDir) };
  }

  afterBuild(): void {
    // Eleventy copied the files beside the pages; there is nothing of our own to write.
  }

  report(): string {
    return '';
  }
}
