import type { Page } from '../../src/content/page.ts';
import { pageUrl } from '../../src/content/pageUrl.ts';

/** A valid page as the schema makes it, for tests of the tree and the views built on it. */
export function makePage(inputPath: string, fields: { title: string; navtitle?: string; parent?: string; navOrder?: number; url?: string }): Page {
  const keyLines = new Map<string, number>([['title', 2]]);
  let line = 3;
  if (fields.navtitle !== undefined) keyLines.set('navtitle', line++);
  if (fields.parent !== undefined) keyLines.set('parent', line++);
  if (fields.navOrder !== undefined) keyLines.set('nav_order', line++);
  return {
    file: `content/${inputPath}`,
    inputPath,
    title: fields.title,
    navtitle: fields.navtitle,
    label: fields.navtitle ?? fields.title,
    parent: fields.parent,
    navOrder: fields.navOrder,
    url: fields.url ?? (pageUrl(inputPath, undefined) as string),
    search: true,
    bodyLine: line + 1,
    keyLines,
    data: {},
  };
}
