// The search box in every page's header, and the results on /search/?q=. Progressive
// enhancement: without this script the box is a GET form to /search/, whose page says search
// needs JavaScript. Nothing is fetched until the reader focuses the box or opens /search/?q=.
// Every string is put in the page as text (textContent, append(string)), never as HTML.
// The box is ./searchBox.ts, the results page ./resultsPage.ts; both ask ./searchClient.ts.
// In this order esbuild lays the bundle out as when this was one file: it gzips no larger.
import { SearchClient } from './searchClient.ts';
import { enhanceBox } from './searchBox.ts';
import { enhanceResultsPage } from './resultsPage.ts';

const client = new SearchClient();
const box = document.getElementById('siteSearchInput');
if (box instanceof HTMLInputElement) enhanceBox(box, client);
const pageResults = document.getElementById('searchPageResults');
const pageInput = document.getElementById('searchPageInput');
if (pageResults && pageInput instanceof HTMLInputElement) enhanceResultsPage(pageResults, pageInput, client);
