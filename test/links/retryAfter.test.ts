import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { retryAfterMs } from '../../src/links/retryAfter.ts';

describe('retryAfterMs', () => {
  const now = Date.parse('1994-11-06T08:49:30Z');

  it('reads seconds', () => {
    assert.equal(retryAfterMs('0', now), 0);
    assert.equal(retryAfterMs('120', now), 120_000);
    assert.equal(retryAfterMs(' 30 ', now), 30_000);
    assert.equal(retryAfterMs('999999999', now), 999_999_999_000);
  });

  it('reads the three HTTP-date forms as GMT, a past date as no wait', () => {
    for (const date of ['Sun, 06 Nov 1994 08:49:37 GMT', 'Sunday, 06-Nov-94 08:49:37 GMT', 'Sun Nov  6 08:49:37 1994']) assert.equal(retryAfterMs(date, now), 7_000, date);
    assert.equal(retryAfterMs('Sat, 05 Nov 1994 08:49:37 GMT', now), 0);
  });

  it('has no answer for a negative number, words, a bare year or nothing', () => {
    for (const value of ['-5', 'soon', '2024-01-01', 'Sun, 06 Nov 1994', '1e3', '', undefined]) assert.equal(retryAfterMs(value, now), undefined, String(value));
  });
});
