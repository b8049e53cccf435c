// The Markdown of every page: the input format's markdown-it setup, recording each page's
// headings, links and text for the build as it renders.
import type { SiteBuild } from '../build/siteBuild.ts';
import type { MarkdownOptions } from '../markdown/createMarkdown.ts';
import type { EleventyConfig } from './eleventyConfig.ts';

export function markdownPlugin(eleventyConfig: EleventyConfig, build: SiteBuild): void {
  const options: MarkdownOptions = {
    pathPrefix: build.input.pathPrefix,
    lineOffset: (env) => build.bodyLineOf(env),
    onPageSections: (env, sections) => build.pageSections(env, sections),
    onPageFacts: (env, facts) => build.pageRendered(env, facts),
    onWarning: (env, warning) => build.warn(env, warning),
  };
  const markdown = build.input.markdownLibrary(options);
  // Eleventy switches indented code blocks off in any library with a `disable` method (its
  // issue #2438: template indentation). Our Markdown goes through no template engine, and
  // GitHub and kramdown show four-space code as code, so Eleventy gets `render` alone.
  eleventyConfig.setLibrary('md', { render: (source: string, env: unknown) => markdown.render(source, env) });
}
