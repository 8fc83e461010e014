// Entry point of the built CLI (bin/policygraph.js imports dist/cli/main.js).
import { createProgram } from "./program.js";
import { reportError } from "./errors.js";

createProgram()
  .parseAsync(process.argv)
  .catch((err: unknown) => reportError(err));
