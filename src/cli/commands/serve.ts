// `policygraph serve`: the GraphQL API, the offline IDE, /health and the
// explorer page on one port, over the embedded store or Neo4j, until SIGINT or
// SIGTERM (then: finish requests in flight, close the store).
import cluster from "node:cluster";
import type { Command } from "commander";
import { InvalidArgumentError, Option } from "commander";
import type { RunningServer } from "../../api/http.js";
import { DEFAULT_LIMITS } from "../../api/limits.js";
import { announceListening, replicaNumber, ReplicaStartError, startReplicas } from "../../api/replicas.js";
import type { ApiLimits } from "../../api/limits.js";
import { createStaticHandler } from "../../explorer/static.js";
import type { GraphStore } from "../../graph/store.js";
import { action, UserError } from "../errors.js";

export interface ServeOptions {
  port: number;
  host: string;
  apiKey?: string;
  cors?: string[];
  rateLimit: number;
  timeout: number;
  maxBody: number;
  /** Embedded store: reload the file when another process saves it (`--no-watch`: keep the first load). */
  watch: boolean;
}

function integer(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}`);
    }
    return n;
  };
}

function origins(value: string, previous: string[] = []): string[] {
  for (const origin of value.split(",").map((o) => o.trim())) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new InvalidArgumentError(`"${origin}" is not an origin like https://example.org (no path)`);
    }
    previous.push(origin);
  }
  return previous;
}

/** The server options both `serve` and `start` take. */
export function addServeOptions(command: Command): Command {
  return command
    .addOption(
      new Option("--port <n>", "port to listen on").default(4000).argParser(integer("--port", 0, 65535)),
    )
    .option("--host <address>", "address to bind (0.0.0.0 to accept other machines)", "127.0.0.1")
    .addOption(
      new Option(
        "--api-key <key>",
        "require this key (Authorization: Bearer KEY or X-API-Key) on /graphql",
      ).env("POLICYGRAPH_API_KEY"),
    )
    .option(
      "--cors <origin>",
      "allow browser pages of this origin to call the API (repeatable; off by default)",
      origins,
    )
    .addOption(
      new Option("--rate-limit <n>", "requests per minute per client address, 0 = unlimited")
        .default(DEFAULT_LIMITS.rateLimitPerMinute)
        .argParser(integer("--rate-limit", 0, 1_000_000)),
    )
    .addOption(
      new Option("--timeout <ms>", "longest time one request may take")
        .default(DEFAULT_LIMITS.timeoutMs)
        .argParser(integer("--timeout", 100, 600_000)),
    )
    .addOption(
      new Option("--max-body <bytes>", "largest request body accepted")
        .default(DEFAULT_LIMITS.maxBodyBytes)
        .argParser(integer("--max-body", 1000, 10_000_000)),
    )
    .option(
      "--no-watch",
      "embedded store: keep serving the graph loaded at start when another process saves the file",
    );
}

/** The embedded store, following its file unless --no-watch; any other store as it is. */
async function followFile(store: GraphStore, options: ServeOptions): Promise<GraphStore> {
  const file = (store as { file?: string | null }).file;
  if (store.kind !== "embedded" || !file || options.watch === false) return store;
  const [{ ReloadingStore }, { MemoryGraphStore }] = await Promise.all([
    import("../../graph/reloading.js"),
    import("../../graph/memory/store.js"),
  ]);
  return ReloadingStore.follow(store, file, {
    load: async () => {
      const next = new MemoryGraphStore(file);
      await next.open();
      return next;
    },
    log: (message) => console.log(`serve: ${message}`),
  });
}

const isLoopback = (host: string) => ["127.0.0.1", "::1", "localhost"].includes(host);

function printBanner(url: string, storeLabel: string, options: ServeOptions): void {
  console.log(`PolicyGraph on ${storeLabel}`);
  console.log(`  GraphQL API and IDE  ${url}/graphql`);
  console.log(`  explorer             ${url}/`);
  console.log(`  health               ${url}/health`);
  if (options.apiKey) console.log("  an API key is required on /graphql");
  else if (!isLoopback(options.host))
    console.warn(`  warning: listening on ${options.host} without an API key (--api-key)`);
}

/** Resolves with the first SIGINT/SIGTERM. */
function stopSignal(signals: NodeJS.Signals[]): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    for (const s of signals) process.once(s, resolve);
  });
}

/** Serve an open store until SIGINT/SIGTERM; closes the store on the way out. */
export async function serveStore(
  opened: GraphStore,
  options: ServeOptions,
  storeLabel: string,
  replica: number | null = null,
): Promise<void> {
  const limits: Partial<ApiLimits> = {
    rateLimitPerMinute: options.rateLimit,
    timeoutMs: options.timeout,
    maxBodyBytes: options.maxBody,
  };
  // Listen for signals before the server is up, so that a stop request during startup is not lost.
  // A replica stops when its primary says so (SIGTERM); Ctrl-C reaches the whole
  // process group, and the primary forwards it.
  if (replica) process.on("SIGINT", () => {});
  const stopped = stopSignal(replica ? ["SIGTERM"] : ["SIGINT", "SIGTERM"]);
  // Apollo, graphql and the stores load when serving starts, not with every command (--help stays quick).
  const { startHttpServer } = await import("../../api/http.js");
  const store = await followFile(opened, options);
  let running: RunningServer;
  try {
    running = await startHttpServer({
      store,
      host: options.host,
      port: options.port,
      ...(options.apiKey ? { apiKey: options.apiKey } : {}),
      ...(options.cors ? { corsOrigins: options.cors } : {}),
      limits,
      site: createStaticHandler(),
      ...(replica ? { replica } : {}),
    });
  } catch (err) {
    await store.close().catch(() => undefined);
    const code = (err as { code?: string }).code;
    if (code === "EADDRINUSE")
      throw new UserError(`port ${options.port} on ${options.host} is in use: pick another with --port`);
    if (code === "EADDRNOTAVAIL") throw new UserError(`cannot bind ${options.host}: no such local address`);
    if (code === "EACCES")
      throw new UserError(`not allowed to listen on port ${options.port}: use a port above 1023`);
    throw err;
  }
  if (replica) {
    announceListening(running.url);
    await stopped;
    await running.close();
    await store.close();
    // The channel to the primary would keep this process alive.
    process.disconnect?.();
    return;
  }
  printBanner(running.url, storeLabel, options);
  console.log("Press Ctrl-C to stop.");

  const signal = await stopped;
  console.log(`\n${signal}: finishing requests in flight, closing the store…`);
  // A second signal means "now".
  process.once("SIGINT", () => process.exit(130));
  process.once("SIGTERM", () => process.exit(143));
  await running.close();
  await store.close();
  console.log("stopped.");
}

/** `--replicas N`: this process forks N replicas of the command and only supervises them. */
async function serveReplicas(count: number, options: ServeOptions, storeLabel: string): Promise<void> {
  const stopped = stopSignal(["SIGINT", "SIGTERM"]);
  const replicas = await startReplicas(count, (message) => console.error(`serve: ${message}`)).catch(
    (err: unknown) => {
      if (err instanceof ReplicaStartError) throw new UserError(`${err.message}: see its error above`);
      throw err;
    },
  );
  printBanner(replicas.url, storeLabel, options);
  console.log(`  replicas             ${count} (pids ${replicas.pids().join(", ")})`);
  console.log("Press Ctrl-C to stop.");
  const signal = await stopped;
  console.log(`\n${signal}: the replicas finish requests in flight and close the store…`);
  process.once("SIGINT", () => (replicas.kill(), process.exit(130)));
  process.once("SIGTERM", () => (replicas.kill(), process.exit(143)));
  await replicas.stop();
  console.log("stopped.");
}

async function storeLabelOf(options: { store?: string; neo4j?: string }): Promise<string> {
  const { scrubSecrets } = await import("../../api/errors.js");
  return options.neo4j
    ? `Neo4j (${scrubSecrets(options.neo4j)})`
    : `the embedded store (${options.store ?? "data/graph.json"})`;
}

export function register(program: Command): void {
  const command = program
    .command("serve")
    .description("serve the graph: GraphQL API and offline IDE at /graphql, explorer at /, /health")
    .option("--store <file>", "embedded store file (default: data/graph.json)")
    .option("--neo4j <uri>", 'serve from Neo4j at this bolt URI ("managed" for the managed server)')
    .addOption(
      new Option(
        "--replicas <n>",
        "server processes sharing the port (node:cluster), for more than one core; each opens the store (the embedded one is loaded into each)",
      )
        .default(1)
        .argParser(integer("--replicas", 1, 64)),
    );
  addServeOptions(command).action(
    action(async (options: ServeOptions & { store?: string; neo4j?: string; replicas: number }) => {
      if (options.replicas > 1 && cluster.isPrimary)
        return serveReplicas(options.replicas, options, await storeLabelOf(options));
      const { openStore } = await import("../../graph/open.js");
      const store = await openStore({
        ...(options.store ? { store: options.store } : {}),
        ...(options.neo4j ? { neo4j: options.neo4j } : {}),
        // Neo4j terminates a read that outlives the request, so a timed-out query stops there too.
        readTimeoutMs: options.timeout,
      });
      await serveStore(store, options, await storeLabelOf(options), replicaNumber());
    }),
  );
}
