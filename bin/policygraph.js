#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (tsc).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const main = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
if (!existsSync(main)) {
  console.error("policygraph: not built yet; run `npm run build` first (npm start does it for you)");
  process.exit(2);
}
await import(main);
