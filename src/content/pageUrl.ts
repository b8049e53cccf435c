/**
 * The URL Eleventy gives a Markdown file: `a/b.md` -> `/a/b/`, `a/index.md` -> `/a/`,
 * a `permalink` string as written (made absolute). `permalink: false` means not written.
 */
export function pageUrl(inputPath: string, permalink: unknown): string | false {
  if (permalink === false) return false;
  if (typeof permalink === 'string' && permalink.trim() !== '') {
    const trimmed = permalink.trim();
    return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
  }
  const withoutExtension = inputPath.replace(/\.[^/.]+$/, '');
  const parts = withoutExtension.split('/');
  if (parts[parts.length - 1] === 'index') parts.pop();
  return parts.length === 0 ? '/' : `/${parts.join('/')}/`;
}

/** The file an URL is written to inside the output folder (`/a/` -> `a/index.html`). */
export function outputPathOf(url: string): string {
  const clean = decodeURIComponentSafe(url.replace(/^\/+/, ''));
  if (clean === '' || clean.endsWith('/')) return `${clean}index.html`;
  return clean;
}

export function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
