#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (tsc).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

// graphql-js skips its development-mode checks in production; Apollo's defaults
// that NODE_ENV would change (introspection, stack traces, landing page) are set
// explicitly in src/api/server.ts.
process.env.NODE_ENV ??= "production";

const main = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
if (!existsSync(main)) {
  console.error("policygraph: not built yet; run `npm run build` first (npm start does it for you)");
  process.exit(2);
}
await import(main);
