// What one run of the generator knows, as the modules that read it see it: where it reads and
// writes, the site model and what each page recorded as it rendered. The build object
// (./siteBuild.ts) is the one implementation; modules take this interface so that none of
// them imports the build.
import path from 'node:path';
import type { InputFormat } from '../input/inputFormat.ts';
import type { PageFacts } from '../markdown/pageFacts.ts';
import type { SiteModel } from '../site/siteModel.ts';

export interface BuildState {
  readonly input: InputFormat;
  /** `build`: one run, written into a build folder then published; `serve`: the dev server. */
  readonly mode: 'build' | 'serve';
  /** Where Eleventy writes (this run's build folder). */
  readonly outputDir: string;
  /** Where readers' site ends up (`_site`, a link to the published build folder). */
  readonly siteDir: string;
  /** The model of the content as it was last read without errors. */
  readonly model: SiteModel;
  /** Filled as pages render: headings, links and text of each page, by content path. */
  readonly facts: Map<string, PageFacts>;
}

/**
 * Eleventy's `page.inputPath` (`./content/a/b.md`) as a content path (`a/b.md`). Remembered per
 * input folder: every page asks several times per build, and resolving paths costs a quarter of a
 * second at 10,000 pages.
 */
export class ContentPaths {
  private readonly known = new Map<string, string>();

  constructor(private readonly inputDir: string) {}

  of(eleventyInputPath: string): string {
    let contentPath = this.known.get(eleventyInputPath);
    if (contentPath === undefined) {
      contentPath = path.relative(this.inputDir, path.resolve(eleventyInputPath)).split(path.sep).join('/');
      this.known.set(eleventyInputPath, contentPath);
    }
    return contentPath;
  }
}

/** The `page.inputPath` Eleventy puts in a page's rendering `env`. */
export function eleventyInputPathOf(env: unknown): string {
  return (env as { page?: { inputPath?: string } } | undefined)?.page?.inputPath ?? '';
}
