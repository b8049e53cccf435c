/** A bench step's outcome: its figures, or why there are none. A failed step never stops the others. */
export type StepResult<T> =
  | { status: 'ok'; value: T }
  | { status: 'not available yet'; reason: string }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; reason: string };

export const notAvailable = (reason: string): StepResult<never> => ({ status: 'not available yet', reason });
export const skipped = (reason: string): StepResult<never> => ({ status: 'skipped', reason });

/** Runs one step, logging progress on stderr so the table on stdout stays clean. */
export async function runStep<T>(name: string, body: () => Promise<StepResult<T> | T> | StepResult<T> | T): Promise<StepResult<T>> {
  const started = performance.now();
  console.error(`  ${name} ...`);
  try {
    const outcome = await body();
    const result: StepResult<T> = isStepResult(outcome) ? outcome : { status: 'ok', value: outcome };
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.error(`  ${name}: ${result.status === 'ok' ? `done in ${seconds} s` : `${result.status} (${result.reason})`}`);
    return result;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`  ${name}: FAILED: ${reason}`);
    return { status: 'failed', reason };
  }
}

function isStepResult<T>(value: unknown): value is StepResult<T> {
  return typeof value === 'object' && value !== null && 'status' in value && ['ok', 'not available yet', 'skipped', 'failed'].includes((value as { status: string }).status);
}
