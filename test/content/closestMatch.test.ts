import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closestMatch, editDistance } from '../../src/content/closestMatch.ts';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours as one edit each', () => {
    assert.equal(editDistance('title', 'title'), 0);
    assert.equal(editDistance('titel', 'title'), 1, 'swapped neighbours');
    assert.equal(editDistance('parnet', 'parent'), 1);
    assert.equal(editDistance('titl', 'title'), 1);
    assert.equal(editDistance('tittle', 'title'), 1);
    assert.equal(editDistance('tutle', 'title'), 1);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });

  it('is symmetric', () => {
    for (const [a, b] of [['security', 'secuirty'], ['static', 'statistics'], ['über', 'uber']] as const) {
      assert.equal(editDistance(a, b), editDistance(b, a));
    }
  });
});

describe('closestMatch', () => {
  const titles = ['Security', 'Static Analysis', 'Infrastructure', 'Home'];

  it('suggests the closest candidate for a plausible typo, in the candidate\'s own spelling', () => {
    assert.equal(closestMatch('securty', titles), 'Security');
    assert.equal(closestMatch('infrastucture', titles), 'Infrastructure');
    assert.equal(closestMatch('STATIC ANALYSYS', titles), 'Static Analysis');
  });

  it('suggests nothing when no candidate is close', () => {
    assert.equal(closestMatch('Deployment', titles), undefined);
    assert.equal(closestMatch('x', titles), undefined);
    assert.equal(closestMatch('anything', []), undefined);
  });

  it('allows more edits in longer words, never more than four', () => {
    assert.equal(closestMatch('hme', ['home']), 'home', 'one edit in a short word');
    assert.equal(closestMatch('hxx', ['home']), undefined, 'two edits in a four-letter word are too many');
    assert.equal(closestMatch('incident-respnse-plybook', ['incident-response-playbook']), 'incident-response-playbook');
    const long = 'abcdefghijklmnopqrstuvwxyz';
    assert.equal(closestMatch(long, ['abcdefghijklmnopqrstu12345']), undefined, 'five edits are too many');
    assert.equal(closestMatch(long, ['abcdefghijklmnopqrstuv1234']), 'abcdefghijklmnopqrstuv1234');
  });

  it('prefers the candidate with the fewest edits', () => {
    assert.equal(closestMatch('parnet', ['permalink', 'parent', 'part']), 'parent');
  });
});
