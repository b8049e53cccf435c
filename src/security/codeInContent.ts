import { readdirSync } from 'node:fs';
import { folderSet, walkInside } from './symlinks.ts';
import path from 'node:path';
import type { ContentProblem } from '../content/errors.ts';

/**
 * Content never runs code: a pull request from a stranger is built before anyone reviews it,
 * so nothing in the content folder may reach a JavaScript, Nunjucks or other engine that
 * evaluates what it reads. Three doors exist in Eleventy and gray-matter, each shut here:
 * front matter languages other than YAML, template engines other than Liquid, and files
 * Eleventy would import (templates and data files written in JavaScript).
 */

/**
 * Eleventy's data folder, relative to the input. No content has it (codeFileProblems refuses
 * the folder), so Eleventy's global data files, which may be JavaScript, never load.
 */
export const NO_DATA_DIR = '_guidebook-no-data';

/** The word after the opening `---` (`---js` → `js`), `''` for none: what gray-matter would pick its engine by. */
export function frontMatterLanguage(source: string): string {
  // As gray-matter reads it: `---` followed by anything but a fourth `-`, the rest of that line trimmed.
  if (!source.startsWith('---') || source.charAt(3) === '-') return '';
  const end = source.slice(3).search(/\r?\n/);
  return (end === -1 ? source.slice(3) : source.slice(3, 3 + end)).trim();
}

/** YAML, the one front matter language: `---`, `---yaml`, `---yml` (gray-matter compares without case). */
export function isYamlLanguage(language: string): boolean {
  return language === '' || ['yaml', 'yml'].includes(language.toLowerCase());
}

/** The error for front matter in another language, on line 1 where the language is named. */
export function frontMatterLanguageProblem(source: string, file: string): ContentProblem | undefined {
  const language = frontMatterLanguage(source);
  if (isYamlLanguage(language)) return undefined;
  const runsCode = /^(js|javascript|jslegacy|node|coffee|coffeescript|cson)$/i.test(language);
  return {
    severity: 'error',
    file,
    line: 1,
    message: runsCode
      ? `front matter must be YAML; \`---${language}\` runs code and is refused.`
      : `front matter must be YAML; \`---${language}\` names another language.`,
    hint: 'Start the file with a plain `---` line and write the front matter as `key: value` lines (JSON objects are YAML too).',
  };
}

/** Why a language was refused, for the engines that stand in for gray-matter's and Eleventy's own. */
class FrontMatterLanguageError extends Error {
  constructor(language: string) {
    super(`front matter must be YAML; \`---${language}\` is refused (content never runs code).`);
    this.name = 'FrontMatterLanguageError';
  }
}

/**
 * gray-matter engines: YAML through `yaml`, and every engine gray-matter or Eleventy registers
 * that evaluates code (`javascript`, which `js` also finds; Eleventy's `jsLegacy` and `node`;
 * `coffee`) replaced by one that throws. `json` is refused too: one language for all front
 * matter keeps line numbers and checks the same. Any other name is unknown to gray-matter and
 * throws there. For both our validation and Eleventy's own reading (defence in depth).
 */
export function yamlOnlyFrontMatterEngines(yaml: (text: string) => object): Record<string, (text: string) => object> {
  const refuse = (language: string) => () => {
    throw new FrontMatterLanguageError(language);
  };
  return {
    yaml,
    javascript: refuse('js'),
    jsLegacy: refuse('jsLegacy'),
    node: refuse('node'),
    coffee: refuse('coffee'),
    json: refuse('json'),
  };
}

/** Template engines a page may opt in to: Liquid (no code, no file access beyond the includes), Markdown, and plain HTML (none). */
const ALLOWED_TEMPLATE_ENGINES = ['liquid', 'md', 'html'];

/**
 * A `templateEngineOverride` value that would hand the page to an engine that runs code
 * (Nunjucks' `range.constructor`, `11ty.js`, EJS, Pug, Handlebars…), or that is not one
 * Eleventy knows. Read as Eleventy reads it: names split at commas, trimmed, without case.
 */
export function templateEngineOverrideProblem(value: unknown, file: string, line: number | undefined): ContentProblem | undefined {
  if (value === undefined || value === null || value === false || value === '') return undefined;
  const hint = 'Write `templateEngineOverride: liquid,md` to run Liquid before Markdown, or remove the line; other engines are not allowed in content.';
  if (typeof value !== 'string') {
    return { severity: 'error', file, line, message: '`templateEngineOverride` must be text such as `liquid,md`.', hint };
  }
  const refused = value
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '' && !ALLOWED_TEMPLATE_ENGINES.includes(name));
  if (refused.length === 0) return undefined;
  return {
    severity: 'error',
    file,
    line,
    message: `\`templateEngineOverride\` names ${refused.map((name) => `\`${name}\``).join(', ')}: only Liquid and Markdown may render content, other engines can run code.`,
    hint,
  };
}

/** Keys that, merged into another object by Eleventy, would change that object's prototype. */
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];

/** The first key at any depth of front matter that is a prototype key, with the path to it (`eleventyNavigation.__proto__`). */
export function prototypeKeyIn(data: unknown, seen = new Set<object>()): string | undefined {
  if (data === null || typeof data !== 'object' || seen.has(data)) return undefined;
  seen.add(data);
  for (const key of Object.keys(data)) {
    if (PROTOTYPE_KEYS.includes(key)) return key;
    const inner = prototypeKeyIn((data as Record<string, unknown>)[key], seen);
    if (inner !== undefined) return `${key}.${inner}`;
  }
  return undefined;
}

/** The error for front matter holding `__proto__`, `constructor` or `prototype`, on the line that writes it. */
export function prototypeKeyProblem(data: unknown, frontMatterText: string, file: string): ContentProblem | undefined {
  const keyPath = prototypeKeyIn(data);
  if (keyPath === undefined) return undefined;
  const key = keyPath.slice(keyPath.lastIndexOf('.') + 1);
  // Front matter starts on line 2 of the file; the key is the first row naming it, quoted or not (or as a flow key).
  const rows = frontMatterText.replace(/^\r?\n/, '').split(/\r?\n/);
  const pattern = new RegExp(`(^|[\\s{,])(["']?)${key}\\2\\s*:`);
  const index = rows.findIndex((row) => pattern.test(row));
  return {
    severity: 'error',
    file,
    line: index === -1 ? undefined : index + 2,
    message: `front matter key \`${keyPath}\` is not allowed: \`__proto__\`, \`constructor\` and \`prototype\` would change how the build's own objects behave.`,
    hint: 'Rename the key or remove it.',
  };
}

/** File names Eleventy imports as JavaScript whatever folder they are in: templates and template or folder data files. */
const JAVASCRIPT_TEMPLATE = /\.11ty\.(?:js|cjs|mjs)$|\.11tydata\.(?:js|cjs|mjs)$/i;
const JAVASCRIPT_FILE = /\.(?:js|cjs|mjs)$/i;
/** Folders whose JavaScript Eleventy would load as global data (its default, and the one the config names). */
const DATA_FOLDERS = ['_data', NO_DATA_DIR];

/**
 * Every file in the content that Eleventy would run as code: `*.11ty.js` (`.cjs`, `.mjs`)
 * templates, `*.11tydata.js` data files, and JavaScript in a `_data` folder; and the folder
 * the config gives Eleventy as its data folder, which content may not have. Run before
 * Eleventy starts, so none of them is ever imported (the config also tells Eleventy to ignore
 * them: defence in depth). `shownDir` is how messages name the input folder.
 */
export function codeFileProblems(inputDir: string, skipDirs: readonly string[] = [], shownDir = ''): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const skip = folderSet(skipDirs);
  const shown = (relative: string) => (shownDir ? `${shownDir}/${relative}` : relative);
  const refuse = (relative: string, message: string, hint: string) => problems.push({ severity: 'error', file: shown(relative), message, hint });
  const reserved = (name: string) => name.toLowerCase() === NO_DATA_DIR.toLowerCase();
  const reservedMessage = 'this name is reserved for the generator (Eleventy reads that folder as code); content may not have a file, folder or link with it.';
  // Any entry named like the data folder at the root, whatever it is (a link to `scripts/` included).
  let rootEntries: string[];
  try {
    rootEntries = readdirSync(path.resolve(inputDir));
  } catch {
    rootEntries = [];
  }
  for (const name of rootEntries) if (reserved(name)) refuse(name, reservedMessage, 'Rename it.');
  const isDataFolder = (name: string) => DATA_FOLDERS.some((folder) => folder.toLowerCase() === name.toLowerCase());
  const seen = new Set<string>();
  walkInside(inputDir, {
    rootDir: inputDir,
    state: false,
    sorted: true,
    enter: (folder, inDataFolder) => {
      if (folder.name === '.git' || folder.name === 'node_modules' || skip.has(folder)) return undefined;
      if (reserved(folder.name) && folder.relative.includes('/')) refuse(folder.relative, reservedMessage, 'Rename the folder.');
      return inDataFolder || isDataFolder(folder.name);
    },
    file: (file, inDataFolder) => {
      if (!(JAVASCRIPT_TEMPLATE.test(file.name) || (inDataFolder && JAVASCRIPT_FILE.test(file.name)))) return;
      if (seen.has(file.relative)) return;
      seen.add(file.relative);
      refuse(
        file.relative,
        'Eleventy would run this file as code; content may not hold code; remove it.',
        'Pages are Markdown with YAML front matter. A script offered for download needs another name (`example.js.txt`).',
      );
    },
  });
  return problems;
}
