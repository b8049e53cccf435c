// The part of Eleventy's configuration API the plugins use. Eleventy ships JSDoc types only, so
// this names the calls we make and what they take, as its documentation gives them.

/** What Eleventy runs at its moments (`eleventy.before`, `eleventy.after`, `eleventy.beforeWatch`). */
type EleventyEventHandler = (...args: never[]) => unknown;

export interface EleventyConfig {
  setQuietMode(quiet: boolean): void;
  setUseGitIgnore(use: boolean): void;
  /** `addExtension('markdown', { key: 'md' })`: another file extension read as Markdown. */
  addExtension(extension: string, options: { key: string }): void;
  setTemplateFormats(formats: string[]): void;
  /** Globs Eleventy never reads as templates. */
  readonly ignores: Set<string>;
  setDataFileSuffixes(suffixes: string[]): void;
  setDataDirectory(dir: string): void;
  setLayoutsDirectory(dir: string): void;
  setFrontMatterParsingOptions(options: { engines: Record<string, (text: string) => object> }): void;
  setLiquidOptions(options: object): void;
  setLibrary(name: 'md', library: { render(source: string, env: unknown): string }): void;
  addGlobalData(name: string, value: unknown): void;
  addPassthroughCopy(glob: string | Record<string, string>, options?: object): void;
  /** A template that exists in no folder (`404.11ty.js`): its data and render function. */
  addTemplate(virtualPath: string, template: object): void;
  on(event: string, handler: EleventyEventHandler): void;
  addWatchTarget(target: string): void;
  setChokidarConfig(options: object): void;
  setServerOptions(options: object): void;
}
