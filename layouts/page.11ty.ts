import type { PageView } from '../src/view/pageView.ts';
import { renderFrame } from './parts/frame.ts';
import { attr, esc } from './parts/html.ts';
import { gap } from './parts/sidebar.ts';

interface LayoutData {
  content: string;
  /** `false` for a page with `permalink: false`: rendered by Eleventy, never written. */
  page: { inputPath: string; url: string | false };
  guidebook: { pageView(inputPath: string): PageView };
}

function breadcrumbs(view: PageView): string {
  if (view.nav.breadcrumbs.length === 0) return '';
  const items = view.nav.breadcrumbs.map((c) => `${gap(c.skipped)}<li><a href="${esc(c.url)}">${esc(c.label)}</a></li>`).join('');
  return `<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>${items}<li><span aria-current="page">${esc(view.title)}</span></li></ol></nav>`;
}

function tocItems(view: PageView): string {
  return view.toc.map((t) => `<li class="toc-h${t.level}"><a href="#${esc(t.id)}">${esc(t.text)}</a></li>`).join('');
}

/** The contents beside the page on wide screens. */
function toc(view: PageView): string {
  if (view.toc.length === 0) return '';
  // CSS shows either this or the inline contents, never both, so the two names never meet.
  return `<aside class="toc"><!-- [html-validate-disable-next unique-landmark: the inline contents is hidden whenever this one shows] --><nav aria-labelledby="tocHeading"><h2 id="tocHeading">On this page</h2><ul>${tocItems(view)}</ul></nav></aside>`;
}

/** The same contents under the title on narrower screens, folded (CSS shows one of the two). */
function tocInline(view: PageView): string {
  if (view.toc.length === 0) return '';
  return `<!-- [html-validate-disable-next unique-landmark: the side contents is hidden whenever this one shows] --><nav class="toc-inline" aria-label="On this page"><details><summary>On this page</summary><ul>${tocItems(view)}</ul></details></nav>`;
}

function childList(view: PageView): string {
  if (view.nav.children.length === 0) return '';
  const items = view.nav.children.map((c) => `<li><a href="${esc(c.url)}">${esc(c.label)}</a></li>`).join('');
  return `<section class="child-pages" aria-labelledby="childPages"><h2 id="childPages">In this section</h2><ul>${items}</ul></section>`;
}

function pager(view: PageView): string {
  const { previous, next } = view.nav;
  if (!previous && !next) return '';
  const prev = previous ? `<a class="pager-prev" href="${esc(previous.url)}" rel="prev"><span class="pager-label">Previous</span> ${esc(previous.label)}</a>` : '';
  const nxt = next ? `<a class="pager-next" href="${esc(next.url)}" rel="next"><span class="pager-label">Next</span> ${esc(next.label)}</a>` : '';
  return `<nav class="pager" aria-label="Previous and next pages">${prev}${nxt}</nav>`;
}

function pageMeta(view: PageView): string {
  const parts: string[] = [];
  if (view.lastUpdated) parts.push(`Last updated <time datetime="${esc(view.lastUpdated.iso)}">${esc(view.lastUpdated.text)}</time>`);
  if (view.editUrl) parts.push(`<a href="${esc(view.editUrl)}">Edit this page</a>`);
  return parts.length ? `<p class="page-meta">${parts.join(' · ')}</p>` : '';
}

/** The layout of every content page. */
export function render(data: LayoutData): string {
  if (data.page.url === false) return '';
  const view = data.guidebook.pageView(data.page.inputPath);
  const main = `${breadcrumbs(view)}
<article class="content"${attr('aria-labelledby', 'pageTitle')}>
<h1 id="pageTitle">${esc(view.title)}</h1>
${tocInline(view)}${data.content}
${childList(view)}
</article>
${pageMeta(view)}
${pager(view)}`;
  return renderFrame(view, main, toc(view));
}
