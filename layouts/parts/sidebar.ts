import type { SidebarItem } from '../../src/nav/pageNav.ts';
import { attr, esc } from './html.ts';

/** Where a very deep path was shortened: how many levels are not shown. */
export function gap(skipped: number | undefined): string {
  return skipped ? `<li class="nav-gap">… ${skipped} level${skipped === 1 ? '' : 's'}</li>` : '';
}

function item(entry: SidebarItem): string {
  const classes = [entry.open ? 'is-open' : '', entry.hasChildren ? 'has-children' : ''].filter(Boolean).join(' ');
  const children = entry.children ? `<ul>${entry.children.map(item).join('')}</ul>` : '';
  const more = entry.more
    ? `<li class="nav-more"><a href="${esc(entry.more.url)}">${entry.more.count} more in ${esc(entry.more.label)}</a></li>`
    : '';
  return `${gap(entry.skipped)}<li${attr('class', classes || undefined)}><a href="${esc(entry.url)}"${entry.current ? ' aria-current="page"' : ''}>${esc(entry.label)}</a>${children}</li>${more}`;
}

/**
 * The site navigation. A `<details>` element folds it on narrow screens with no script;
 * wide screens show it open (CSS, and site.js for browsers without `::details-content`).
 */
export function renderSidebar(items: SidebarItem[]): string {
  return `<details class="nav-fold" id="siteNavFold">
<summary>Menu</summary>
<nav class="site-nav" aria-label="Site"><ul>${items.map(item).join('')}</ul></nav>
</details>`;
}
