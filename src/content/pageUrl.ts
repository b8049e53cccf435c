import { decodeURIComponentSafe } from '../urls/sitePaths.ts';

/**
 * The URL Eleventy gives a Markdown file: `a/b.md` -> `/a/b/`, `a/index.md` -> `/a/`,
 * a `permalink` string as written (trimmed, made absolute, Unicode in NFC so that it is
 * one address however the editor's keyboard composed it). `permalink: false` means not
 * written. Whether the permalink is safe to use is `permalinkFault`'s question.
 */
export function pageUrl(inputPath: string, permalink: unknown): string | false {
  if (permalink === false) return false;
  if (typeof permalink === 'string' && permalink.trim() !== '') {
    const trimmed = permalink.trim().normalize('NFC');
    return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
  }
  const withoutExtension = inputPath.replace(/\.[^/.]+$/, '');
  const parts = withoutExtension.split('/');
  if (parts[parts.length - 1] === 'index') parts.pop();
  return parts.length === 0 ? '/' : `/${parts.join('/')}/`;
}

/** The file an URL is written to inside the output folder (`/a/` -> `a/index.html`). */
export function outputPathOf(url: string): string {
  // Permalinks with `..` are refused before a build writes anything; this is the second lock:
  // whatever an URL decodes to (`%2e%2e`, `..\`), its file stays inside the output folder.
  const decoded = decodeURIComponentSafe(url.replace(/^\/+/, ''));
  const clean = decoded
    .split(/[/\\]/)
    .filter((segment) => segment !== '..' && segment !== '.')
    .join('/')
    .replace(/^\/+/, '');
  if (clean === '' || clean.endsWith('/')) return `${clean}index.html`;
  return clean;
}

/** Why a permalink as written could leave the site, or name one file two ways; undefined when it is a plain path. */
export interface PermalinkFault {
  /** `offSite`: a scheme or a host; `unsafe`: characters a browser reads otherwise; `ambiguous`: `.`, `..` or `//` segments. */
  kind: 'offSite' | 'unsafe' | 'ambiguous';
  message: string;
  hint: string;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// Browsers drop tabs and line breaks from URLs (`/\t/host` is `//host`) and read `\` as `/`.
const hasControlCharacter = (text: string) => [...text].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f');

/**
 * Checks a permalink as an editor wrote it (before it is made absolute): a scheme
 * (`https:`, `javascript:`) or a host (`//host/`) would send readers to another site, a back
 * slash or a control character is read by browsers as something else, and `.`, `..` or empty
 * segments name a file the server reaches by another path (`/x/../assets/site.css` is the stylesheet).
 */
export function permalinkFault(permalink: string): PermalinkFault | undefined {
  const written = permalink.trim();
  if (SCHEME.test(written)) {
    return {
      kind: 'offSite',
      message: `the \`permalink\` ${JSON.stringify(written)} starts with a scheme (\`${SCHEME.exec(written)![0]}\`): the page would be another site's address.`,
      hint: 'A permalink is a path on this site, such as `/security/`; link to other sites from the page text.',
    };
  }
  if (written.startsWith('//')) {
    return {
      kind: 'offSite',
      message: `the \`permalink\` ${JSON.stringify(written)} starts with \`//\`, which browsers read as another site's host.`,
      hint: 'Start the permalink with one `/`, such as `/security/`.',
    };
  }
  if (hasControlCharacter(written) || written.includes('\\')) {
    return {
      kind: 'unsafe',
      message: `the \`permalink\` ${JSON.stringify(written)} has ${written.includes('\\') ? 'a back slash, which browsers read as `/`' : 'a control character (a tab or line break), which browsers drop'}.`,
      hint: 'Write the path with `/` between folders and letters, digits and `-` in names.',
    };
  }
  const segments = written.replace(/^\//, '').split('/');
  const dotted = segments.find((s) => s === '.' || s === '..');
  if (dotted !== undefined) {
    return {
      kind: 'ambiguous',
      message: `the \`permalink\` ${JSON.stringify(written)} has a \`${dotted}\` segment: a server reads it as ${dotted === '..' ? 'the folder above' : 'the same folder'}, so the page would land on another address.`,
      hint: 'Write the path the page is served at, without `.` and `..`, such as `/security/frameworks/`.',
    };
  }
  if (segments.slice(0, -1).includes('')) {
    return {
      kind: 'ambiguous',
      message: `the \`permalink\` ${JSON.stringify(written)} has \`//\`: servers read doubled slashes as one, so the page would share another address.`,
      hint: 'Write one `/` between folders.',
    };
  }
  return undefined;
}

/**
 * The key under which a static server finds an URL's file: escapes decoded, Unicode in NFC
 * (a file system may store either form), case folded (case-insensitive file systems), and
 * `/a`, `/a/` and `/a/index.html` alike (a server answers `/a` from `a` or `a/index.html`).
 */
export function servedUrlKey(url: string): string {
  const key = decodeURIComponentSafe(url).normalize('NFC').toLowerCase().replace(/\/index\.html$/, '/');
  return key.endsWith('/') ? key : `${key}/`;
}
