// Where the project's data folders are, for code running from src/ (vitest, tsx)
// and from dist/ (the built CLI) alike: both sit one level below the root.
import { fileURLToPath } from "node:url";
import path from "node:path";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const extractDir = path.join(projectRoot, "extract");
export const cypherDir = path.join(projectRoot, "cypher");
export const examplesDir = path.join(projectRoot, "examples");
/** Default location of the embedded store and of the managed Neo4j. */
export const defaultStoreFile = path.join(projectRoot, "data", "graph.json");
export const neo4jHome = path.join(projectRoot, ".neo4j");
/** The shared sample corpus that sits beside a checkout (../shared/corpus), when present. */
export const sharedCorpusDir = path.resolve(projectRoot, "..", "shared", "corpus");
