// Choosing and opening a store from command-line options: the embedded file by
// default, Neo4j with --neo4j URI (or `--neo4j managed` for the managed server,
// started if needed). Credentials come from NEO4J_USER / NEO4J_PASSWORD or the
// managed server's stored password, and never appear in messages.
import { UserError } from "../cli/errors.js";
import { storedPassword } from "../neo4j/auth.js";
import { ensureNeo4j, instancePaths } from "../neo4j/index.js";
import { neo4jUser } from "../neo4j/options.js";
import { defaultStoreFile } from "../paths.js";
import { MemoryGraphStore } from "./memory/store.js";
import { Neo4jGraphStore } from "./neo4j/store.js";
import type { GraphStore } from "./store.js";

export interface OpenStoreOptions {
  /** Embedded store file (default: paths.defaultStoreFile). */
  store?: string;
  /** Bolt URI, or "managed" for the managed server. */
  neo4j?: string;
  /** Neo4j only: server-side timeout of read transactions, ms (serve passes its request timeout). */
  readTimeoutMs?: number;
}

async function neo4jConfig(uri: string) {
  if (uri === "managed") return ensureNeo4j();
  const password = process.env.NEO4J_PASSWORD ?? storedPassword(instancePaths("server"));
  if (!password)
    throw new UserError(
      `no password for Neo4j at ${uri}: set NEO4J_PASSWORD (and NEO4J_USER), or start the managed server with \`policygraph neo4j start\``,
    );
  return { uri, user: process.env.NEO4J_USER ?? neo4jUser, password };
}

/** Message of a driver error without anything that could carry a credential. */
function reason(err: unknown): string {
  const code = (err as { code?: string }).code;
  if (code === "Neo.ClientError.Security.Unauthorized")
    return "authentication failed (check NEO4J_USER/NEO4J_PASSWORD)";
  if (code === "ServiceUnavailable") return "server not reachable";
  return (err instanceof Error ? err.message : String(err)).split("\n")[0]!;
}

export async function openStore(options: OpenStoreOptions = {}): Promise<GraphStore> {
  if (options.store && options.neo4j)
    throw new UserError("choose one store: --store FILE or --neo4j URI, not both");
  if (options.neo4j) {
    const config = await neo4jConfig(options.neo4j);
    const store = new Neo4jGraphStore({
      ...config,
      ...(options.readTimeoutMs ? { readTimeoutMs: options.readTimeoutMs } : {}),
    });
    try {
      await store.open();
    } catch (err) {
      await store.close().catch(() => undefined);
      throw new UserError(`cannot open Neo4j at ${config.uri}: ${reason(err)}`);
    }
    return store;
  }
  const file = options.store ?? defaultStoreFile;
  const store = new MemoryGraphStore(file);
  try {
    await store.open();
  } catch (err) {
    throw new UserError(`cannot open graph store ${file}: ${reason(err)}`);
  }
  return store;
}
