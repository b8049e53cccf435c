import matter from 'gray-matter';
import { load as loadYaml } from 'js-yaml';
import { frontMatterLanguageProblem, prototypeKeyIn, prototypeKeyProblem, templateEngineOverrideProblem, yamlOnlyFrontMatterEngines } from '../security/codeInContent.ts';
import type { ContentProblem } from './errors.ts';

/** Front matter of one file, parsed but not yet checked against the schema. */
export interface ParsedFrontMatter {
  data: Record<string, unknown>;
  /** Markdown after the front matter. */
  body: string;
  /** 1-based line of the file on which `body` starts. */
  bodyLine: number;
  /** 1-based line of each top-level front matter key, for error messages. */
  keyLines: Map<string, number>;
}

// Eleventy parses front matter with js-yaml 4's `load`; we use the same so that what we
// validate is exactly what Eleventy will see. No other language: gray-matter would evaluate
// `---js` front matter (src/security/codeInContent.ts).
const matterOptions = { engines: yamlOnlyFrontMatterEngines((text: string) => loadYaml(text) as object) };

/**
 * Front matter as Eleventy gets it: the page's own keys (`templateEngineOverride`, `tags`…)
 * except `permalink`. The URL comes from the site model (src/content/pageUrl.ts), one rule for
 * validation, links and output, through a `permalink` function in Eleventy's global data, which
 * a page's own `permalink` would otherwise override.
 */
export function eleventyFrontMatter(text: string): object {
  const data = loadYaml(text);
  if (!isKeyValueMap(data)) return {};
  // Validation refused these already; a file it never read (none should reach Eleventy) must
  // still not run code or reach the prototype of Eleventy's objects.
  const keyPath = prototypeKeyIn(data);
  if (keyPath !== undefined) throw new Error(`front matter key \`${keyPath}\` is not allowed.`);
  const engineProblem = templateEngineOverrideProblem(data.templateEngineOverride, '', undefined);
  if (engineProblem) throw new Error(engineProblem.message);
  // Every page has the generator's layout and the site model's URL: see `controlsEleventy`.
  return Object.fromEntries(Object.entries(data).filter(([key]) => !controlsEleventy(key)));
}

/** Eleventy's own front matter keys that decide where or how a page is written, lower-cased. */
const ELEVENTY_CONTROL_KEYS = new Set(['permalink', 'layout', 'pagination', 'dynamicpermalink', 'permalinkbypassoutputdir']);

/**
 * Whether Eleventy would let this front matter key choose where or how the page is written:
 * `permalink` (our URL rule and its checks come from the site model), `layout` (one named by
 * content could be a Nunjucks file Eleventy would run), `pagination` and `eleventyComputed`
 * (either can set the address, outside the output folder or on another site), and every other
 * `eleventy…` key. Such keys never reach Eleventy.
 */
export function controlsEleventy(key: string): boolean {
  const lower = key.toLowerCase();
  return ELEVENTY_CONTROL_KEYS.has(lower) || lower.startsWith('eleventy');
}

/** YAML that is a list of `key: value` lines, as front matter must be. */
function isKeyValueMap(data: unknown): data is Record<string, unknown> {
  return data !== null && typeof data === 'object' && !Array.isArray(data);
}

const BOM = '\uFEFF';

/**
 * Parses a Markdown file's front matter. A YAML syntax error becomes a problem naming the
 * file and the line in the file (not in the front matter block).
 */
export function parseFrontMatter(
  raw: string,
  file: string,
): { parsed?: ParsedFrontMatter; problem?: ContentProblem } {
  const source = raw.startsWith(BOM) ? raw.slice(1) : raw;
  // Before gray-matter: nothing written in another language is handed to any engine.
  const languageProblem = frontMatterLanguageProblem(source, file);
  if (languageProblem) return { problem: languageProblem };
  let result: matter.GrayMatterFile<string>;
  try {
    // Passing options also turns off gray-matter's cache, which would keep every file alive.
    result = matter(source, matterOptions);
  } catch (error) {
    return { problem: yamlProblem(error, file) };
  }
  const data = result.data;
  if (!isKeyValueMap(data)) {
    return {
      problem: {
        severity: 'error',
        file,
        line: 2,
        message: 'front matter is not a list of `key: value` lines.',
        hint: 'Write it as `title: My page` and so on, one key a line, between the two `---` lines.',
      },
    };
  }
  const frontMatterText = (result as { matter?: string }).matter ?? '';
  const prototypeProblem = prototypeKeyProblem(data, frontMatterText, file);
  if (prototypeProblem) return { problem: prototypeProblem };
  const hasFrontMatter = source.startsWith('---');
  const bodyLine = hasFrontMatter ? countLines(source.slice(0, source.length - result.content.length)) + 1 : 1;
  return {
    parsed: {
      data,
      body: result.content,
      bodyLine,
      keyLines: keyLinesOf(frontMatterText),
    },
  };
}

function countLines(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Lines of top-level keys; the front matter block starts on line 2 of the file. */
function keyLinesOf(frontMatterText: string): Map<string, number> {
  const lines = new Map<string, number>();
  // gray-matter's `matter` starts with the newline that ends the opening `---`.
  const rows = frontMatterText.replace(/^\r?\n/, '').split(/\r?\n/);
  rows.forEach((row, index) => {
    const match = /^([A-Za-z_][\w-]*)\s*:/.exec(row);
    if (match && !lines.has(match[1]!)) lines.set(match[1]!, index + 2);
  });
  return lines;
}

function yamlProblem(error: unknown, file: string): ContentProblem {
  // js-yaml counts lines from 0 in the text after the opening `---`, which starts with its newline.
  const yamlError = error as { name?: string; reason?: string; mark?: { line?: number }; message?: string };
  if (yamlError?.name === 'YAMLException') {
    const line = typeof yamlError.mark?.line === 'number' ? yamlError.mark.line + 1 : undefined;
    return {
      severity: 'error',
      file,
      line,
      message: `front matter is not valid YAML: ${yamlError.reason ?? 'syntax error'}.`,
      // js-yaml reports where it noticed the mistake, often the line after it (an unclosed quote).
      hint:
        'Check this line and the one above it for a missing space after `:`, an unclosed quote or bracket, ' +
        'or a value with `: ` in it (put such a value in quotes: `title: "Rails: a guide"`).',
    };
  }
  return {
    severity: 'error',
    file,
    message: `front matter could not be read: ${String(yamlError?.message ?? error)}`,
  };
}
