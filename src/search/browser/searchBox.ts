// The search box in every page's header, as a combobox: its results drop down as the reader
// types, the arrow keys choose one, Enter opens it, and "/" focuses the box.
import { BOX_RESULTS, MIN_QUERY } from './resultLimits.ts';
import type { ResultItem, SearchResponse } from './results.ts';
import { countText, element, resultParts } from './resultView.ts';
import type { SearchClient } from './searchClient.ts';

/** The header box as an ARIA 1.2 combobox with a listbox popup (focus stays in the box). */
export function enhanceBox(input: HTMLInputElement, client: SearchClient): void {
  const form = input.form;
  if (!form) return;
  const listId = `${input.id}Results`;
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);
  input.setAttribute('aria-keyshortcuts', '/');

  const popup = element('div', 'search-popup');
  popup.hidden = true;
  const note = element('p', 'search-popup-note');
  const list = element('ul', 'search-options');
  list.id = listId;
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Search results');
  const hint = element('p', 'search-popup-hint', 'Arrow keys choose a result; Enter opens it, or all results.');
  popup.append(note, list, hint);
  const status = element('div', 'visually-hidden');
  status.setAttribute('role', 'status');
  form.append(popup, status);

  let items: ResultItem[] = [];
  let active = -1;
  let shownQuery = '';
  // Set when the reader closes the list with Escape: an answer still on its way (typing fast,
  // or the index loading) fills the list but must not open it again.
  let dismissed = false;

  const setActive = (index: number) => {
    const options = list.children;
    if (active >= 0 && options[active]) options[active]!.setAttribute('aria-selected', 'false');
    active = index;
    const option = options[active] as HTMLElement | undefined;
    if (option) {
      option.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const open = (visible: boolean) => {
    popup.hidden = !visible;
    input.setAttribute('aria-expanded', String(visible && items.length > 0));
    if (!visible) setActive(-1);
  };
  const go = (item: ResultItem | undefined) => {
    if (item) window.location.assign(item.url);
  };

  const show = (response: SearchResponse) => {
    if (response.query !== input.value) return;
    shownQuery = response.query;
    items = response.items;
    active = -1;
    input.removeAttribute('aria-activedescendant');
    list.replaceChildren(
      ...items.map((item, i) => {
        const option = element('li', 'search-option');
        option.id = `${listId}-${i}`;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.append(...resultParts(item, element('span', 'search-result-headline')));
        return option;
      }),
    );
    list.hidden = items.length === 0;
    hint.hidden = items.length === 0;
    const text = response.error ? 'Search is not available right now.' : countText(response.total, response.query, response.fuzzy);
    note.textContent = items.length === 0 || response.fuzzy ? text : '';
    note.hidden = note.textContent === '';
    status.textContent = text;
    open(document.activeElement === input && !dismissed);
  };

  const update = () => {
    dismissed = false;
    const query = input.value;
    if (query.trim().length < MIN_QUERY) {
      items = [];
      shownQuery = '';
      status.textContent = '';
      open(false);
      return;
    }
    if (query === shownQuery) {
      open(true);
      return;
    }
    client.search('box', query, BOX_RESULTS, show);
  };

  input.addEventListener('focus', () => {
    client.warm();
    update();
  });
  input.addEventListener('input', update);
  input.addEventListener('keydown', (event) => {
    const count = items.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (count === 0) return;
        event.preventDefault();
        dismissed = false;
        if (popup.hidden) open(true);
        // Both ends wrap round.
        if (event.key === 'ArrowDown') setActive((active + 1) % count);
        else setActive(active <= 0 ? count - 1 : active - 1);
        break;
      case 'Enter':
        if (!popup.hidden && active >= 0) {
          event.preventDefault();
          go(items[active]);
        }
        break;
      case 'Escape':
        dismissed = true;
        if (!popup.hidden) {
          // Close the list and keep what was typed (a search field would clear it).
          event.preventDefault();
          open(false);
          input.focus();
        }
        break;
      case 'Tab':
        open(false);
        break;
    }
  });
  // Pointer use: choosing an option must not first blur the box.
  list.addEventListener('mousedown', (event) => event.preventDefault());
  list.addEventListener('click', (event) => {
    const option = (event.target as Element).closest('[role="option"]');
    if (option) go(items[[...list.children].indexOf(option)]);
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) open(false);
  });

  // "/" focuses the box from anywhere except where the reader is typing.
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}
