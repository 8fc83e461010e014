// Entry point of the built CLI (bin/policygraph.js imports dist/cli/main.js).
import { createProgram } from "./program.js";
import { reportError } from "./errors.js";

// `policygraph extract … | head` closes the pipe early: that is the reader's choice,
// not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
}

createProgram()
  .parseAsync(process.argv)
  .catch((err: unknown) => reportError(err));
