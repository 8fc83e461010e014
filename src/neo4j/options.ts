// What a managed Neo4j instance is: where its files live and how it listens.
// Pure resolution from flags and environment, so that the CLI, the programmatic API
// and the test harness agree on defaults.
import path from "node:path";
import { neo4jHome } from "../paths.js";
import { UserError } from "../cli/errors.js";

/**
 * An instance is a folder .neo4j/<name>/ with its own conf, data, logs and password.
 * "server" is the one the CLI manages; "test" is the test harness's, so that tests
 * never wipe a user's data. Other names are for throw-away instances in tests.
 */
export type InstanceName = string;

export interface Neo4jOptions {
  instance: InstanceName;
  /** Always loopback: the managed server is a local tool, not a network service. */
  host: string;
  boltPort: number;
  httpPort: number;
  /** JVM heap (initial = max, as Neo4j recommends), e.g. "1g". */
  heap: string;
  pagecache: string;
  /** Explicit password (flag or env); undefined means "the stored one, or generate one". */
  password?: string;
}

export interface InstancePaths {
  home: string;
  conf: string;
  data: string;
  logs: string;
  run: string;
  pidFile: string;
  stateFile: string;
  passwordFile: string;
  consoleLog: string;
}

/** Jars and the unpacked Browser are shared by all instances; data is per instance. */
export const libDir = path.join(neo4jHome, "lib");
export const browserRoot = path.join(neo4jHome, "browser");
export const installMarker = path.join(libDir, ".installed");

export const neo4jUser = "neo4j";

/** Default ports and their environment variables: the user's server, and everything test-side. */
export function portSettings(instance: InstanceName) {
  return instance === "server"
    ? { boltPort: 7687, httpPort: 7474, boltEnv: "NEO4J_BOLT_PORT", httpEnv: "NEO4J_HTTP_PORT" }
    : { boltPort: 17687, httpPort: 17474, boltEnv: "NEO4J_TEST_BOLT_PORT", httpEnv: "NEO4J_TEST_HTTP_PORT" };
}

export function instancePaths(instance: InstanceName): InstancePaths {
  if (!/^[a-z][a-z0-9-]*$/.test(instance)) throw new Error(`invalid Neo4j instance name: ${instance}`);
  const home = path.join(neo4jHome, instance);
  const run = path.join(home, "run");
  return {
    home,
    conf: path.join(home, "conf"),
    data: path.join(home, "data"),
    logs: path.join(home, "logs"),
    run,
    pidFile: path.join(run, "neo4j.pid"),
    stateFile: path.join(run, "neo4j.json"),
    passwordFile: path.join(home, "password"),
    consoleLog: path.join(home, "logs", "console.log"),
  };
}

export interface OptionInput {
  boltPort?: string | number;
  httpPort?: string | number;
  heap?: string;
  pagecache?: string;
  password?: string;
}

export function parsePort(value: string | number, what: string): number {
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new UserError(`${what} must be a port number between 1 and 65535, got "${value}"`);
  }
  return n;
}

function parseSize(value: string, what: string): string {
  if (!/^\d+[kmgKMG]$/.test(value)) throw new UserError(`${what} must look like 512m or 2g, got "${value}"`);
  return value.toLowerCase();
}

/** Flags win over environment, environment over defaults. */
export function resolveOptions(
  instance: InstanceName,
  input: OptionInput = {},
  env: NodeJS.ProcessEnv = process.env,
): Neo4jOptions {
  const ports = portSettings(instance);
  const password = input.password ?? (instance === "server" ? env.NEO4J_PASSWORD : undefined);
  if (password !== undefined && password.length < 8) {
    throw new UserError("the Neo4j password must have at least 8 characters (Neo4j's minimum)");
  }
  const boltPort = parsePort(input.boltPort ?? env[ports.boltEnv] ?? ports.boltPort, "the Bolt port");
  const httpPort = parsePort(input.httpPort ?? env[ports.httpEnv] ?? ports.httpPort, "the HTTP port");
  if (boltPort === httpPort)
    throw new UserError(`the Bolt and HTTP ports must differ (both are ${boltPort})`);
  return {
    instance,
    host: "127.0.0.1",
    boltPort,
    httpPort,
    // Sized for a 2-core, 24 GiB machine shared with Node: enough heap for batched
    // UNWIND loads of a news corpus, page cache for a graph of a few million records.
    heap: parseSize(input.heap ?? env.NEO4J_HEAP ?? "1g", "the heap size"),
    pagecache: parseSize(input.pagecache ?? env.NEO4J_PAGECACHE ?? "512m", "the page cache size"),
    ...(password !== undefined ? { password } : {}),
  };
}
