// Applies cypher/schema.cypher: every statement is IF NOT EXISTS, so running it
// before each session's first write is cheap and idempotent. Waits for the
// indexes to come online, so the first MERGE is already an index seek.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { cypherDir } from "../../paths.js";

export async function schemaStatements(): Promise<string[]> {
  const text = await readFile(path.join(cypherDir, "schema.cypher"), "utf8");
  return text
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n")
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function applySchema(driver: Driver, database?: string): Promise<void> {
  for (const statement of await schemaStatements()) await driver.executeQuery(statement, {}, { database });
  await driver.executeQuery("CALL db.awaitIndexes(300)", {}, { database });
}
