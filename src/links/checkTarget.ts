import { resolveRef, type SiteAddress } from './resolveRef.ts';
import { findTarget, isPagePath, urlOfPath, type LinkTarget, type SiteTargets } from './siteTargets.ts';
import { withPathPrefix } from '../urls/sitePaths.ts';

export type ProblemKind = 'no-page' | 'no-file' | 'no-anchor' | 'outside-prefix' | 'bad-redirect' | 'invalid' | 'external' | 'moved' | 'blocked-image';

/** Why a link does not work (or, `moved`, works but should change). */
export interface TargetProblem {
  problem: ProblemKind;
  /** The site path the link leads to (without the prefix), the redirect's target, or the external URL (`external`, `blocked-image`). */
  path: string;
  fragment?: string;
  /** For `no-anchor`: the page that lacks the id. For `bad-redirect`: the stub. */
  target?: LinkTarget;
  /** For `external`: what the server did (`answered 404`). */
  detail?: string;
  /** For `moved`: the URL to link to instead. */
  movedTo?: string;
}

const MAX_REDIRECTS = 10;

/**
 * Checks one resolved internal link against the site. A redirect stub is followed to its
 * destination, where the fragment must exist. Undefined means the link works.
 */
export function checkTarget(path: string, fragment: string | undefined, targets: SiteTargets, site: SiteAddress): TargetProblem | undefined {
  let target = findTarget(targets, path);
  if (!target) return { problem: isPagePath(path) ? 'no-page' : 'no-file', path, fragment };
  for (let hops = 0; target.redirectTo !== undefined; hops++) {
    const stub: LinkTarget = target;
    const next = resolveRef(stub.redirectTo!, withPathPrefix(urlOfPath(stub.path), site.pathPrefix), site);
    if (next.kind !== 'internal') return next.kind === 'external' || next.kind === 'skip' ? undefined : { problem: 'bad-redirect', path: stub.redirectTo!, fragment, target: stub };
    const found = hops < MAX_REDIRECTS ? findTarget(targets, next.path) : undefined;
    if (!found) return { problem: 'bad-redirect', path: next.path, fragment, target: stub };
    target = found;
  }
  if (fragment === undefined || fragmentAlwaysWorks(fragment) || !target.ids) return undefined;
  return target.ids.has(fragment) ? undefined : { problem: 'no-anchor', path: target.path, fragment, target };
}

/** `#`, `#top` (the HTML standard scrolls to the top) and text fragments (`#:~:text=`). */
function fragmentAlwaysWorks(fragment: string): boolean {
  return fragment === '' || fragment.toLowerCase() === 'top' || fragment.startsWith(':~:');
}

