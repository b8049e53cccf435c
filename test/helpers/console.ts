/** Signs of a stack trace or an uncaught exception in what a command printed. */
export const STACK_TRACE = /^\s+at |\bError:|node:internal|\.ts:\d+:\d+/m;
