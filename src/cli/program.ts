// The command table. Each command lives in ./commands/<name>.ts and exports
// `register(program)`; this file only assembles them, so that the parser can be
// built (and tested) without running anything.
import { Command } from "commander";
import { register as registerNeo4j } from "./commands/neo4j.js";
import { register as registerExtract } from "./commands/extract.js";
import { register as registerServe } from "./commands/serve.js";
import { register as registerStart } from "./commands/start.js";
import { register as registerIngest } from "./commands/ingest.js";
import { register as registerExport } from "./commands/export.js";

// Commands register themselves here, one import and one call each.

export function createProgram(): Command {
  const program = new Command();
  program
    .name("policygraph")
    .description("Chinese industrial-policy news → knowledge graph (embedded graphology or Neo4j) → GraphQL")
    .version("0.1.0")
    .showHelpAfterError("(add --help for usage)");
  registerNeo4j(program);
  registerExtract(program);
  registerServe(program);
  registerStart(program);
  registerIngest(program);
  registerExport(program);
  return program;
}
