// The link check's thread (started by ./linkThread.ts). In a one-off build it scans each page
// and resolves its links as Eleventy writes it, on the second core; at the end it reads what
// was written otherwise (assets, the search index, redirect stubs) and finds the breaks. Only the breaks go back:
// the scan of every page stays in this thread's heap and is gone with it.
import { parentPort } from 'node:worker_threads';
import { findBreaks, LinkResolver, type BreakSearch } from './findBreaks.ts';
import type { SiteAddress } from './resolveRef.ts';
import { SiteScanner } from './scanSite.ts';
import { addTarget, type LinkTarget, type SiteTargets } from './siteTargets.ts';

/** What to check once every file is written. */
export interface LinkCheckRequest {
  siteDir: string;
  site: SiteAddress;
  /** Targets no file of the output shows (`CheckLinksOptions.extraTargets`). */
  extraTargets: readonly LinkTarget[];
  collectExternal: boolean;
}

/** `start` (a build, with the site's address) and each `page` as it is written come before `check`. */
export type LinkWorkerMessage = { start: { site: SiteAddress } } | { page: { sitePath: string; html: string } } | { check: LinkCheckRequest };

export interface LinkCheckResult {
  found: BreakSearch;
  /** HTML pages scanned. */
  pages: number;
  /** Every target, for suggestions: sent only when something is broken. */
  targets?: SiteTargets;
}

export type LinkWorkerReply = { done: LinkCheckResult } | { failed: string };

const port = parentPort!;
const scanner = new SiteScanner();
/** Resolves each page's links as the page comes in, before every target is known. */
let resolver: LinkResolver | undefined;

async function check(request: LinkCheckRequest): Promise<LinkWorkerReply> {
  try {
    const scan = await scanner.scan(request.siteDir);
    for (const target of request.extraTargets) addTarget(scan.targets, target);
    const sameSite = resolver && JSON.stringify(resolver.site) === JSON.stringify(request.site);
    const found = findBreaks(scan, request.site, { collectExternal: request.collectExternal }, sameSite ? resolver : undefined);
    return { done: { found, pages: scan.pages.length, targets: found.breaks.length > 0 ? scan.targets : undefined } };
  } catch (error) {
    return { failed: error instanceof Error ? error.message : String(error) };
  }
}

port.on('message', (message: LinkWorkerMessage) => {
  if ('start' in message) resolver = new LinkResolver(message.start.site);
  else if ('page' in message) resolver?.resolvePage(scanner.addPage(message.page.sitePath, message.page.html));
  else void check(message.check).then((reply) => port.postMessage(reply));
});
