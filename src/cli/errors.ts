// CLI error handling: a user's mistake (bad path, busy port, malformed file) is one
// line naming the thing and the problem, never a stack trace.

/** An error whose message is fit to show the user as is. */
export class UserError extends Error {
  override name = "UserError";
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Print `policygraph: <message>` and set the exit status; stack traces only with DEBUG=policygraph. */
export function reportError(err: unknown): void {
  const debug = (process.env.DEBUG ?? "").includes("policygraph");
  const message = err instanceof Error ? err.message : String(err);
  console.error(`policygraph: ${message.split("\n")[0]}`);
  if (debug && err instanceof Error && err.stack) console.error(err.stack);
  process.exitCode = err instanceof UserError ? err.exitCode : 1;
}

/** Wrap a command action so that every failure goes through reportError(). */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void> | void) {
  return async (...args: A): Promise<void> => {
    try {
      await fn(...args);
    } catch (err) {
      reportError(err);
    }
  };
}
