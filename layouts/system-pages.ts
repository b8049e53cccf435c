import type { TreeEntry } from '../src/nav/fullTree.ts';
import type { PageView } from '../src/view/pageView.ts';
import { renderFrame } from './parts/frame.ts';
import { esc } from './parts/html.ts';

const header = (view: PageView) => `<article class="content" aria-labelledby="pageTitle"><h1 id="pageTitle">${esc(view.title)}</h1>`;

export function renderNotFound(view: PageView): string {
  return renderFrame(
    view,
    `${header(view)}
<p>There is no page at this address. It may have moved, or the link that brought you here may be mistyped.</p>
<ul>
<li><a href="${esc(view.links.home)}">Go to the home page</a></li>
<li><a href="${esc(view.links.allPages)}">See all pages</a></li>
<li><a href="${esc(view.links.search)}">Search the site</a></li>
</ul>
</article>`,
  );
}

function treeList(entries: TreeEntry[]): string {
  if (entries.length === 0) return '';
  return `<ul>${entries.map((e) => `<li><a href="${esc(e.url)}">${esc(e.label)}</a>${treeList(e.children)}</li>`).join('')}</ul>`;
}

export function renderAllPages(view: PageView, tree: TreeEntry[]): string {
  return renderFrame(view, `${header(view)}\n<nav class="all-pages" aria-label="All pages">${treeList(tree)}</nav>\n</article>`);
}

/** The home page of a site whose content has none: its description and every page. */
export function renderGeneratedHome(view: PageView, tree: TreeEntry[]): string {
  const intro = view.description ? `<p>${esc(view.description)}</p>\n` : '';
  return renderFrame(view, `${header(view)}\n${intro}<nav class="all-pages" aria-label="All pages">${treeList(tree)}</nav>\n</article>`);
}

export function renderSearchPage(view: PageView): string {
  return renderFrame(
    view,
    `${header(view)}
<form class="search-page-form" role="search" action="${esc(view.links.search)}" method="get">
<label for="searchPageInput">Search for</label>
<input id="searchPageInput" type="search" name="q" autocomplete="off">
<button type="submit" class="button">Search</button>
</form>
<div id="searchPageResults">
<p class="search-needs-js">Search needs JavaScript. Without it, find a page in the <a href="${esc(view.links.allPages)}">list of all pages</a>.</p>
</div>
</article>`,
  );
}

export function renderSitemap(entries: { loc: string; lastmod?: string }[]): string {
  const urls = entries
    .map((e) => `<url><loc>${esc(e.loc)}</loc>${e.lastmod ? `<lastmod>${esc(e.lastmod)}</lastmod>` : ''}</url>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}
