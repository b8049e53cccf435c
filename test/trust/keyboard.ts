// Walking a page with the Tab key as a keyboard-only reader does, and what to check on the way.
// Generic on purpose: whatever controls the layout gains (search box, results) are walked too.
import type { Page } from 'playwright-core';

/** The page's parts in reading order; a focus stop outside them is the skip link. */
const REGIONS = ['.skip-link', 'header', '.site-sidebar', 'main', '.toc', 'footer'] as const;

export interface FocusStop {
  key: string;
  region: string;
  /** Position in the page, all scrolling undone (see `layoutPositions`). */
  top: number;
  left: number;
  bottom: number;
  /** At the moment it had focus. */
  width: number;
  height: number;
  inViewport: boolean;
  opacity: number;
  outline: string;
  boxShadow: string;
}

/**
 * Marks every control a keyboard can reach (visible, enabled, not `tabindex="-1"`) with a key,
 * and returns the keys in document order: the order Tab must follow.
 */
export async function focusableInDomOrder(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, iframe, [tabindex], [contenteditable="true"], details > summary:first-of-type, audio[controls], video[controls]';
    const keys: string[] = [];
    document.querySelectorAll<HTMLElement>(selector).forEach((element, index) => {
      const disabled = (element as HTMLButtonElement).disabled === true;
      const negative = element.hasAttribute('tabindex') && Number(element.getAttribute('tabindex')) < 0;
      const visible = element.checkVisibility({ visibilityProperty: true });
      if (disabled || negative || !visible || element.closest('[inert]')) return;
      const label = (element.getAttribute('aria-label') ?? element.textContent ?? element.getAttribute('name') ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      const key = `${index}:${element.tagName.toLowerCase()}:${label}`;
      element.dataset.focusKey = key;
      keys.push(key);
    });
    return keys;
  });
}

/** Presses Tab from the top of the page until focus leaves the page or comes round again. */
export async function focusSequence(page: Page, maxPresses: number): Promise<FocusStop[]> {
  // Start where a fresh page starts: before the first control (the body is the starting point).
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });
  const stops: Omit<FocusStop, 'top' | 'left' | 'bottom'>[] = [];
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(async (regions) => {
      // Let scrolling that focus started (smooth, for readers who allow motion) come to rest.
      for (let still = 0, last = NaN, frames = 0; still < 3 && frames < 120; frames++) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        still = window.scrollY === last ? still + 1 : 0;
        last = window.scrollY;
      }
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return undefined;
      const rect = element.getBoundingClientRect();
      let opacity = 1;
      for (let e: Element | null = element; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
      const style = getComputedStyle(element);
      return {
        key: element.dataset.focusKey ?? `untracked:${element.tagName.toLowerCase()}`,
        region: regions.find((r) => element.closest(r)) ?? 'outside',
        width: rect.width,
        height: rect.height,
        inViewport: rect.bottom > 0 && rect.right > 0 && rect.top < window.innerHeight && rect.left < window.innerWidth,
        opacity,
        outline: style.outlineStyle === 'none' ? 'none' : `${style.outlineStyle} ${style.outlineWidth}`,
        boxShadow: style.boxShadow,
      };
    }, [...REGIONS]);
    if (!stop || stops.some((s) => s.key === stop.key)) break;
    stops.push(stop);
  }
  const positions = await layoutPositions(page);
  return stops.map((s) => ({ ...s, ...(positions[s.key] ?? { top: NaN, left: NaN, bottom: NaN }) }));
}

/** Where each marked control sits with the page and every scroll box scrolled to the start. */
async function layoutPositions(page: Page): Promise<Record<string, { top: number; left: number; bottom: number }>> {
  return page.evaluate(() => {
    window.scrollTo(0, 0);
    for (const element of document.querySelectorAll('*')) {
      if (element.scrollTop) element.scrollTop = 0;
      if (element.scrollLeft) element.scrollLeft = 0;
    }
    const positions: Record<string, { top: number; left: number; bottom: number }> = {};
    for (const element of document.querySelectorAll<HTMLElement>('[data-focus-key]')) {
      const rect = element.getBoundingClientRect();
      positions[element.dataset.focusKey!] = { top: rect.top, left: rect.left, bottom: rect.bottom };
    }
    return positions;
  });
}

/** Each stop is seen: on screen, not transparent, with a focus ring. */
export function visibleFocusProblems(stops: FocusStop[]): string[] {
  const problems: string[] = [];
  for (const stop of stops) {
    if (stop.width < 1 || stop.height < 1) problems.push(`${stop.key}: no size when focused`);
    if (!stop.inViewport) problems.push(`${stop.key}: off screen when focused`);
    if (stop.opacity < 1) problems.push(`${stop.key}: opacity ${stop.opacity} when focused`);
    const ring = /^(solid|dotted|dashed|double|auto) (\d+(\.\d+)?)px$/.exec(stop.outline);
    if (!(ring && Number(ring[2]) >= 2) && stop.boxShadow === 'none') problems.push(`${stop.key}: no visible focus indicator (${stop.outline})`);
  }
  return problems;
}

/**
 * Focus order follows reading order: the page's parts come in order (skip link, header,
 * navigation, content, contents, footer), and inside each part every stop is below the one
 * before, or on the same line (their boxes overlap vertically) to its right.
 */
export function readingOrderProblems(stops: FocusStop[]): string[] {
  const problems: string[] = [];
  const rank = (region: string) => (REGIONS as readonly string[]).indexOf(region);
  for (let i = 1; i < stops.length; i++) {
    const a = stops[i - 1]!;
    const b = stops[i]!;
    if (rank(b.region) < rank(a.region)) {
      problems.push(`${b.key} (${b.region}) comes after ${a.key} (${a.region})`);
    } else if (a.region === b.region) {
      const sameLine = b.top < a.bottom && a.top < b.bottom;
      if (sameLine ? b.left < a.left - 1 : b.top < a.top) {
        problems.push(`${b.key} at (${b.left}, ${b.top}) comes after ${a.key} at (${a.left}, ${a.top}) but reads before it`);
      }
    }
  }
  return problems;
}
