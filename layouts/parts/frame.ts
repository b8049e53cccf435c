import type { PageView } from '../../src/view/pageView.ts';
import { renderSidebar } from './sidebar.ts';
import { attr, esc } from './html.ts';
import { CONTENT_SECURITY_POLICY, REFERRER_POLICY } from '../../src/security/contentSecurityPolicy.ts';

/** The frame around every page: head, skip link, header with search, sidebar, footer. */
export function renderFrame(view: PageView, main: string, aside = ''): string {
  const title = view.title === view.siteName ? view.siteName : `${view.title} | ${view.siteName}`;
  return `<!doctype html>
<html lang="${esc(view.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="${REFERRER_POLICY}">
<title>${esc(title)}</title>${view.description ? `\n<meta name="description"${attr('content', view.description)}>` : ''}
<link rel="canonical" href="${esc(view.canonical)}">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="${esc(view.links.icon)}" type="image/svg+xml">
<link rel="stylesheet" href="${esc(view.links.stylesheet)}">
<script src="${esc(view.links.script)}" defer></script>
<script src="${esc(view.links.searchScript)}" defer></script>
</head>
<body>
<a class="skip-link" href="#mainContent">Skip to content</a>
<header class="site-header">
<a class="site-name" href="${esc(view.links.home)}">${esc(view.siteName)}</a>
<form class="site-search" role="search" action="${esc(view.links.search)}" method="get">
<label class="visually-hidden" for="siteSearchInput">Search</label>
<input id="siteSearchInput" class="site-search-input" type="search" name="q" placeholder="Search" autocomplete="off" spellcheck="false">
<button type="submit" class="site-search-submit">Search</button>
</form>
</header>
<div class="site-body">
<div class="site-sidebar">${renderSidebar(view.nav.sidebar)}</div>
<main id="mainContent" tabindex="-1">
${main}
</main>
${aside}
</div>
<footer class="site-footer">
<p><a href="${esc(view.links.allPages)}">All pages</a>${view.issueUrl ? ` · <a href="${esc(view.issueUrl)}">Open an issue</a>` : ''}</p>
</footer>
</body>
</html>
`;
}
