/**
 * Everything a link may point at, as a set of site paths (without the path prefix) with the ids
 * each offers. The built output fills it; other inputs (Jekyll redirect stubs, pages written by
 * other means) add their own targets with `addTarget`.
 */
export interface LinkTarget {
  /** Site path of the file, without the path prefix: `/guide/index.html`, `/images/logo.png`. */
  path: string;
  /** Ids a `#fragment` can reach; undefined for files that are not HTML (any fragment works). */
  ids?: ReadonlySet<string>;
  /** Heading ids in page order: what suggestions choose from. */
  headingIds?: readonly string[];
  /** Where a redirect stub sends readers (as written; resolved against the stub's URL). */
  redirectTo?: string;
}

export type SiteTargets = Map<string, LinkTarget>;

export function addTarget(targets: SiteTargets, target: LinkTarget): void {
  targets.set(target.path.normalize('NFC'), target);
}

/**
 * The file a static host serves for a site path, in the order GitHub Pages, Netlify and
 * `npx serve` try them: `/a/` -> `/a/index.html`; `/a` -> the file `/a`, then `/a/index.html`
 * (the host redirects to `/a/`), then `/a.html`.
 */
export function findTarget(targets: SiteTargets, sitePath: string): LinkTarget | undefined {
  if (sitePath.endsWith('/')) return targets.get(`${sitePath}index.html`);
  return targets.get(sitePath) ?? targets.get(`${sitePath}/index.html`) ?? targets.get(`${sitePath}.html`);
}

/** The URL readers see for a file: `/a/index.html` -> `/a/`, others as they are. */
export function urlOfPath(sitePath: string): string {
  return sitePath.endsWith('/index.html') ? sitePath.slice(0, -'index.html'.length) : sitePath;
}

/** Whether a path names a web page (or the Markdown of one) rather than an image or a download. */
export function isPagePath(sitePath: string): boolean {
  const last = sitePath.slice(sitePath.lastIndexOf('/') + 1);
  return !last.includes('.') || /\.(x?html?|md)$/i.test(last);
}
