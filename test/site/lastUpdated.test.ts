import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseGitLog } from '../../src/site/lastUpdated.ts';

// readLastUpdated runs git: lastUpdated.e2e.test.ts.

describe('parseGitLog', () => {
  it('gives each file the date of the newest commit that touched it', () => {
    const log = [
      '\x002024-03-05T10:00:00+01:00\n\nsecurity/frameworks.md\nindex.md\n',
      '\x002024-01-01T00:00:00Z\n\nsecurity/frameworks.md\nsecurity/static-analysis.md\n',
      '\x002023-06-01T12:00:00Z\n\nöffentlich/über café.md\n',
    ].join('');
    const dates = parseGitLog(log);
    assert.equal(dates.get('security/frameworks.md')!.toISOString(), '2024-03-05T09:00:00.000Z');
    assert.equal(dates.get('index.md')!.toISOString(), '2024-03-05T09:00:00.000Z');
    assert.equal(dates.get('security/static-analysis.md')!.toISOString(), '2024-01-01T00:00:00.000Z');
    assert.equal(dates.get('öffentlich/über café.md')!.toISOString(), '2023-06-01T12:00:00.000Z');
    assert.equal(dates.size, 4);
  });

  it('ignores an empty log and commits without a readable date', () => {
    assert.equal(parseGitLog('').size, 0);
    assert.equal(parseGitLog('\x00not a date\n\nfile.md\n').size, 0);
  });
});
