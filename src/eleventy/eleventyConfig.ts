// Eleventy ships JSDoc types only; the few calls the plugins make are typed by use.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EleventyConfig = any;
