/**
 * DOM clobbering: HTML puts some elements' `name` and `id` on `document` as properties, and
 * `document` lets them win over its own methods ([LegacyOverrideBuiltIns]), so
 * `<form name="getElementById">` in a page makes `document.getElementById` that form and the
 * page scripts (layouts/assets/site.js, src/search/browser/) fail. This is what the raw HTML
 * guard (src/security/rawHtml.ts) checks `name` and `id` values against.
 *
 * What is and is not a risk, per the HTML standard's "named properties" of Document and Window:
 * - `document` gets the `name` of `<form>`, `<img>`, `<embed>`, `<object>`, `<iframe>`, and the
 *   `id` of `<object>` and of an `<img>` that also has a `name`. Other elements (`<a name>`,
 *   `<input name>`, any `id` on a heading or `<div>`) never reach `document`.
 * - `window` gets every `id`, but its own properties (`document`, `location`, every built-in
 *   such as `URL` or `Worker`) and the page scripts' own variables win over named properties,
 *   and our scripts read no global they did not declare. So an `id` such as `cookie` or
 *   `defaultView` on a heading is harmless, which is why generated heading ids are not checked.
 * - An `id` the layout gives its own elements (`siteNavFold`, `siteSearchInput`…) is found by
 *   the scripts with `getElementById`, which returns the first element in the page: the same id
 *   in a page would be found instead, or make the page invalid. Layout ids are camelCase and
 *   generated heading ids lowercase, so only an editor's explicit `id` can take one.
 */

/**
 * Names of `document`'s own and inherited properties (HTMLDocument, Document, Node,
 * EventTarget, Object) in Chromium, apart from the event handlers (`onclick`…), which
 * `isDocumentPropertyName` matches by their `on` prefix. test/security/domClobbering.e2e.test.ts
 * checks in Chromium that every name here is one and that no property is missing.
 */
export const DOCUMENT_PROPERTY_NAMES: ReadonlySet<string> = new Set([
  // Node's constants.
  'ATTRIBUTE_NODE', 'CDATA_SECTION_NODE', 'COMMENT_NODE', 'DOCUMENT_FRAGMENT_NODE', 'DOCUMENT_NODE',
  'DOCUMENT_POSITION_CONTAINED_BY', 'DOCUMENT_POSITION_CONTAINS', 'DOCUMENT_POSITION_DISCONNECTED',
  'DOCUMENT_POSITION_FOLLOWING', 'DOCUMENT_POSITION_IMPLEMENTATION_SPECIFIC', 'DOCUMENT_POSITION_PRECEDING',
  'DOCUMENT_TYPE_NODE', 'ELEMENT_NODE', 'ENTITY_NODE', 'ENTITY_REFERENCE_NODE', 'NOTATION_NODE',
  'PROCESSING_INSTRUCTION_NODE', 'TEXT_NODE',
  // Object.prototype.
  '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__', '__proto__', 'constructor',
  'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'toString', 'valueOf',
  // EventTarget and Node.
  'addEventListener', 'dispatchEvent', 'removeEventListener',
  'appendChild', 'baseURI', 'childNodes', 'cloneNode', 'compareDocumentPosition', 'contains', 'firstChild',
  'getRootNode', 'hasChildNodes', 'insertBefore', 'isConnected', 'isDefaultNamespace', 'isEqualNode',
  'isSameNode', 'lastChild', 'lookupNamespaceURI', 'lookupPrefix', 'nextSibling', 'nodeName', 'nodeType',
  'nodeValue', 'normalize', 'ownerDocument', 'parentElement', 'parentNode', 'previousSibling', 'removeChild',
  'replaceChild', 'textContent',
  // Document and HTMLDocument.
  'URL', 'activeElement', 'activeViewTransition', 'adoptNode', 'adoptedStyleSheets', 'alinkColor', 'all',
  'anchors', 'append', 'applets', 'ariaNotify', 'bgColor', 'body', 'captureEvents', 'caretPositionFromPoint',
  'caretRangeFromPoint', 'characterSet', 'charset', 'childElementCount', 'children', 'clear', 'close',
  'compatMode', 'contentType', 'cookie', 'createAttribute', 'createAttributeNS', 'createCDATASection',
  'createComment', 'createDocumentFragment', 'createElement', 'createElementNS', 'createEvent',
  'createExpression', 'createNSResolver', 'createNodeIterator', 'createProcessingInstruction', 'createRange',
  'createTextNode', 'createTreeWalker', 'currentScript', 'customElementRegistry', 'defaultView', 'designMode',
  'dir', 'doctype', 'documentElement', 'documentURI', 'domain', 'elementFromPoint', 'elementsFromPoint',
  'embeds', 'evaluate', 'execCommand', 'exitFullscreen', 'exitPictureInPicture', 'exitPointerLock',
  'featurePolicy', 'fgColor', 'firstElementChild', 'fonts', 'forms', 'fragmentDirective', 'fullscreen',
  'fullscreenElement', 'fullscreenEnabled', 'getAnimations', 'getElementById', 'getElementsByClassName',
  'getElementsByName', 'getElementsByTagName', 'getElementsByTagNameNS', 'getSelection', 'hasFocus',
  'hasStorageAccess', 'hasUnpartitionedCookieAccess', 'head', 'hidden', 'images', 'implementation',
  'importNode', 'inputEncoding', 'lastElementChild', 'lastModified', 'linkColor', 'links', 'location',
  'moveBefore', 'open', 'pictureInPictureElement', 'pictureInPictureEnabled', 'plugins',
  'pointerLockElement', 'prepend', 'prerendering', 'queryCommandEnabled', 'queryCommandIndeterm',
  'queryCommandState', 'queryCommandSupported', 'queryCommandValue', 'querySelector', 'querySelectorAll',
  'readyState', 'referrer', 'releaseEvents', 'replaceChildren', 'requestStorageAccess', 'rootElement',
  'scripts', 'scrollingElement', 'startViewTransition', 'styleSheets', 'timeline', 'title',
  'visibilityState', 'vlinkColor', 'wasDiscarded', 'webkitCancelFullScreen', 'webkitCurrentFullScreenElement',
  'webkitExitFullscreen', 'webkitFullscreenElement', 'webkitFullscreenEnabled', 'webkitHidden',
  'webkitIsFullScreen', 'webkitVisibilityState', 'when', 'write', 'writeln', 'xmlEncoding', 'xmlStandalone',
  'xmlVersion',
]);

/** A property of `document` in Chromium: a listed name, or an event handler (`onclick`, `onvisibilitychange`). */
export function isDocumentPropertyName(name: string): boolean {
  return DOCUMENT_PROPERTY_NAMES.has(name) || /^on[a-z]/.test(name);
}

/** Elements whose `name` becomes a property of `document` (HTML: Document's named properties). */
const NAME_ON_DOCUMENT = new Set(['form', 'img', 'embed', 'object', 'iframe']);
/** Elements whose `id` can become a property of `document` (an `<img>` only with a `name` too; checked always). */
const ID_ON_DOCUMENT = new Set(['img', 'object']);

/**
 * Ids of the layout's own elements (layouts/parts/frame.ts, sidebar.ts, layouts/page.11ty.ts,
 * layouts/system-pages.ts) and of what the search script adds (the result list
 * `siteSearchInputResults` and its options `siteSearchInputResults-0`…).
 * test/security/domClobbering.e2e.test.ts checks built pages for layout ids missing here.
 */
export const LAYOUT_IDS: ReadonlySet<string> = new Set([
  'mainContent', 'siteSearchInput', 'siteSearchInputResults', 'siteNavFold', 'pageTitle', 'tocHeading', 'childPages',
  'searchPageInput', 'searchPageInputResults', 'searchPageResults',
]);

/** A layout id, or one numbered after it (`siteSearchInputResults-3`, a search result option). */
export function isLayoutId(id: string): boolean {
  const dash = id.lastIndexOf('-');
  return LAYOUT_IDS.has(id) || (dash > 0 && LAYOUT_IDS.has(id.slice(0, dash)));
}

/**
 * Why the `name` or `id` of a `tag` element would break the page, or undefined when it is
 * harmless. Values are compared as written: named properties are case-sensitive.
 */
export function clobberingReason(tag: string, attribute: string, value: string): string | undefined {
  if (attribute === 'id' && isLayoutId(value)) return 'the layout already has an element with this id, and the page scripts find the first one in the page';
  const onDocument = attribute === 'name' ? NAME_ON_DOCUMENT.has(tag) : attribute === 'id' && ID_ON_DOCUMENT.has(tag);
  if (onDocument && isDocumentPropertyName(value)) return `it would take the place of \`document.${value}\` for every script on the page`;
  return undefined;
}
