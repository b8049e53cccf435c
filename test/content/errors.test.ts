import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ContentValidationError, formatProblems, hasErrors, type ContentProblem } from '../../src/content/errors.ts';

const problems: ContentProblem[] = [
  { severity: 'warning', file: 'content/a.md', line: 3, message: 'unknown front matter key `titel`.', hint: 'Did you mean `title`?' },
  { severity: 'error', file: 'content/b.md', line: 9, message: 'second error.' },
  { severity: 'error', file: 'content/b.md', line: 2, message: 'first error.', hint: 'Fix it.' },
  { severity: 'error', file: 'content/a.md', message: 'no line.' },
];

describe('formatProblems', () => {
  it('prints errors first, by file and line, each as file:line, severity, message, indented hint', () => {
    assert.equal(
      formatProblems(problems),
      [
        'content/a.md: error: no line.',
        'content/b.md:2: error: first error.',
        '    Fix it.',
        'content/b.md:9: error: second error.',
        'content/a.md:3: warning: unknown front matter key `titel`.',
        '    Did you mean `title`?',
      ].join('\n'),
    );
  });

  it('carries every problem in a ContentValidationError', () => {
    const error = new ContentValidationError(problems);
    assert.equal(error.problems.length, 4);
    assert.equal(error.message, formatProblems(problems));
    assert.equal(hasErrors(problems), true);
    assert.equal(hasErrors(problems.filter((p) => p.severity === 'warning')), false);
  });
});
