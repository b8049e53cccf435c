// How many results the header box and the results page show, and when the box starts to search.
// Also read by src/search/measureSearch.ts, which measures what the box shows. No value imports
// here: esbuild then inlines these numbers where they are used, as it did in one file.

/** Results in the box's dropdown; the results page shows more, a page at a time. */
export const BOX_RESULTS = 10;
/** The box searches from the second character. */
export const MIN_QUERY = 2;
/** Results the results page shows at first, and adds with each "Show more results". */
export const PAGE_RESULTS = 20;
