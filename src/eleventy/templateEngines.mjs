// @ts-check
// Settings Eleventy reads only from a configuration file's `config` export, never from the
// configuration API the plugins use: the build hands Eleventy this file beside its plugins
// (src/cli/build.ts). Markdown and HTML pages go through no template engine, so an editor's
// `{{ user_input }}` shows as written; a page opts in with `templateEngineOverride: liquid,md`.
export const config = { markdownTemplateEngine: false, htmlTemplateEngine: false };
