// Loads schema.graphql from the project root (the same file for src/ and dist/).
import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../paths.js";

export const schemaFile = path.join(projectRoot, "schema.graphql");

let cached: string | undefined;

export function loadTypeDefs(): string {
  cached ??= readFileSync(schemaFile, "utf8");
  return cached;
}
