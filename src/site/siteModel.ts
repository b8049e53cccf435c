// The site model: what the build knows of the whole site before rendering, whatever the input
// format (src/input/), and how files are named in messages.
import path from 'node:path';
import type { ContentProblem } from '../content/errors.ts';
import type { Page } from '../content/page.ts';
import type { NavTree } from '../nav/buildNavTree.ts';
import type { SiteSettings } from './settings.ts';

/** The whole site as the build knows it before rendering: valid pages, tree and settings. */
export interface SiteModel {
  inputDir: string;
  settings: SiteSettings;
  pages: Page[];
  tree: NavTree;
  lastUpdated: Map<string, Date>;
  /** Warnings (typo'd keys…) to show; errors never reach a model, they throw. */
  warnings: ContentProblem[];
  /** Addresses that send readers elsewhere (a Jekyll guide's moved pages): stubs, not pages. */
  redirects?: SiteRedirect[];
}

/** An address that sends readers to another: a stub page, out of nav and search. */
export interface SiteRedirect {
  /** Where the stub is written (site path, without the path prefix). */
  url: string;
  /** A site path, or a full URL of another site. */
  target: string;
  /** The file that asked for it, and the line. */
  file: string;
  line?: number;
}

export interface LoadSiteOptions {
  inputDir: string;
  /** Folders under the input never read (the output folder when it sits inside). */
  skipDirs?: string[];
  /** Read "last updated" dates from git (off in tests that do not need them). */
  gitDates?: boolean;
}

/** How a file is named in messages: relative to the working folder when it is below it. */
export function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : absolute;
}

