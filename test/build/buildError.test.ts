import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { systemUseOf } from '../../src/content/systemUrls.ts';
import { describeBuildError, errorMessages } from '../../src/build/buildError.ts';
import { makePage } from '../helpers/pages.ts';

/** An error as Eleventy throws it: wrapped, each layer knowing the one below. */
function wrapped(...messages: string[]): Error {
  let inner: Error | undefined;
  for (const message of messages.reverse()) {
    const error: Error & { originalError?: Error } = new Error(message);
    error.originalError = inner;
    inner = error;
  }
  return inner!;
}

describe('errorMessages', () => {
  it('lists the messages of an error chain, outermost first, once each', () => {
    assert.deepEqual(errorMessages(wrapped('outer', 'middle', 'middle', 'inner')), ['outer', 'middle', 'inner']);
    const withCause = new Error('outer', { cause: new Error('the cause') });
    assert.deepEqual(errorMessages(withCause), ['outer', 'the cause']);
    assert.deepEqual(errorMessages('plain text'), ['plain text']);
  });
});

describe('describeBuildError', () => {
  const inputDir = path.resolve('content');
  const page = { ...makePage('security/templated.md', { title: 'Templated' }), bodyLine: 5 };

  it('turns a Liquid error into the file and line of the Markdown file', () => {
    const file = path.relative(process.cwd(), path.join(inputDir, 'security/templated.md'));
    const error = wrapped(`Having trouble rendering liquid template ./${file}`, `tag {% if x %} not closed, file:./${file}, line:4, col:1`);
    assert.equal(
      describeBuildError(error, [page], inputDir).split('\n')[0],
      'content/security/templated.md:8: error: the page\'s Liquid template does not compile: tag {% if x %} not closed.',
    );
  });

  it('names the page when Eleventy names its template, and lists every message', () => {
    const error = wrapped(`Having trouble rendering markdown template ${path.join(inputDir, 'security/templated.md')}`, 'something broke');
    const text = describeBuildError(error, [page], inputDir);
    assert.match(text, /^content\/security\/templated\.md: error: the page could not be rendered\.\n {4}Having trouble.*\n {4}something broke$/);
  });

  it('falls back to the messages alone', () => {
    assert.equal(describeBuildError(new Error('disk full'), [page], inputDir), 'error: the site could not be rendered.\n    disk full');
  });
});

describe('systemUseOf', () => {
  it('knows the URLs the generator writes itself, in any case', () => {
    assert.match(systemUseOf('/404.html')!, /Page not found/);
    assert.match(systemUseOf('/Search/')!, /search page/);
    assert.match(systemUseOf('/sitemap.xml')!, /sitemap/);
    assert.match(systemUseOf('/all-pages/')!, /all pages/);
    assert.match(systemUseOf('/assets/anything.png')!, /stylesheet/);
    assert.equal(systemUseOf('/security/'), undefined);
    assert.equal(systemUseOf('/searching/'), undefined);
  });
});
