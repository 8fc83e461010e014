// A first load of the managed Neo4j through `neo4j-admin database import full`:
// CSV written while the server still runs, then stop, import, swap, start, schema,
// the lists CSV cannot carry, indexes online. For an EMPTY database (or one the user
// replaces). Measured on the bench's 1M-relationship graph (2 cores, load average
// 7-10): 254 s against 1,009 s for the Cypher loader, 220 CPU-seconds against 596;
// the CSV writing (120 s of CPU, the whole graph in memory) is half of it, the import
// 41 s, schema and indexes 36 s, the lists 19 s, the restart 21 s.
//
// Nothing half-written: the importer builds the new store under a database name of
// its own (`pgbulk`: Community serves only `neo4j`, but the importer writes any
// name), and only a finished import is swapped in, the previous store kept aside
// under .neo4j/<instance>/bulk-previous/ until the server runs on the new one with
// its schema. Any failure on the way puts the previous store back and starts the
// server on it. Killed in the middle, the previous store is still in bulk-previous/
// (the next bulk load refuses to start until it is moved away).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import neo4j from "neo4j-driver";
import type { Driver } from "neo4j-driver";
import { UserError } from "../../../cli/errors.js";
import { instancePaths, startNeo4j, stopNeo4j } from "../../../neo4j/index.js";
import type { StartOptions } from "../../../neo4j/index.js";
import { libDir } from "../../../neo4j/options.js";
import { javaCommand } from "../../../neo4j/process.js";
import type { Extraction } from "../../../types.js";
import { processCpuSeconds } from "../../../process-cpu.js";
import { applySchema } from "../schema.js";
import { checked } from "../writes.js";
import { RELATION_TYPES } from "../../../types.js";
import { ARRAY_DELIMITER } from "./csv.js";
import type { BulkFiles, Fixup, Fixups, WriteProgress } from "./rows.js";
import { writeBulkCsv } from "./rows.js";

/** The database Community serves; the one the load replaces. */
const DATABASE = "neo4j";
/** Where the importer builds the new store before it is swapped in. */
const STAGING = "pgbulk";
const FIXUP_BATCH = 10_000;

export interface BulkLoadOptions {
  /** Managed instance (default "server"), and how it is (re)started: ports, heap … */
  start?: StartOptions;
  /** Discard a database that holds data (default: refuse). */
  replace?: boolean;
  /** Where the CSV files go (default .neo4j/<instance>/import/bulk); removed afterwards. */
  csvDir?: string;
  log?: (line: string) => void;
  onCsvProgress?: WriteProgress;
  /** Called with the files before the server stops (tests damage one to see a failed import undone). */
  afterCsv?: (files: BulkFiles) => Promise<void>;
}

export interface BulkLoadResult {
  files: BulkFiles;
  /** Seconds per stage, and in all. */
  seconds: {
    csv: number;
    stop: number;
    import: number;
    start: number;
    schema: number;
    fixups: number;
    total: number;
  };
  /** CPU seconds: this process (CSV), the importer's JVM (sampled), the server (schema and fix-ups). */
  cpu: { csv: number; import: number; server: number };
  /** The server, up on the new database. */
  connection: { uri: string; user: string; password: string };
  /** Nodes the database held before (non-zero only with `replace`). */
  replacedNodes: number;
}

function openDriver(conn: { uri: string; user: string; password: string }): Driver {
  return neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password), {
    disableLosslessIntegers: true,
    userAgent: "policygraph-bulk",
  });
}

async function countNodes(driver: Driver): Promise<number> {
  const { records } = await driver.executeQuery("MATCH (n) RETURN count(n) AS n", {}, { database: DATABASE });
  return Number(records[0]?.get("n") ?? 0);
}

/** CPU seconds a live process has used so far, where /proc tells; else 0. */
const cpuSecondsOf = (pid: number | undefined): number => processCpuSeconds(pid) ?? 0;

/** Runs neo4j-admin's import; resolves to its CPU seconds (sampled), rejects with its first error line. */
function runImport(
  home: string,
  conf: string,
  files: BulkFiles,
  log: (line: string) => void,
): Promise<number> {
  const multiline = [...files.nodes, ...files.relationships].filter((t) => t.multiline).map((t) => t.file);
  const args = [
    "-Xmx1g",
    "-cp",
    path.join(libDir, "*"),
    "org.neo4j.cli.AdminTool",
    "database",
    "import",
    "full",
    ...files.nodes.map((t) => `--nodes=${t.file}`),
    ...files.relationships.map((t) => `--relationships=${t.file}`),
    `--array-delimiter=U+${ARRAY_DELIMITER.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`,
    "--overwrite-destination=true",
    "--bad-tolerance=0",
    "--max-off-heap-memory=2g",
    `--report-file=${path.join(files.dir, "import.report")}`,
    ...(multiline.length > 0
      ? ["--multiline-fields-format=v2", `--multiline-fields=${multiline.join(",")}`]
      : []),
    STAGING,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(javaCommand(), args, {
      env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: conf },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let pending = "";
    let cpu = 0;
    const sampler = setInterval(() => (cpu = Math.max(cpu, cpuSecondsOf(child.pid))), 250);
    const take = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      output = (output + text).slice(-50_000);
      pending += text;
      const lines = pending.split("\n");
      pending = lines.pop()!;
      // The importer's stage lines, not its progress dots.
      for (const line of lines)
        if (/^\(\d\/\d\)|IMPORT DONE/.test(line.trim())) log(`  import: ${line.trim()}`);
    };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    child.on("error", (err) => {
      clearInterval(sampler);
      reject(new UserError(`could not run ${javaCommand()} for neo4j-admin: ${err.message}`));
    });
    child.on("close", (code) => {
      clearInterval(sampler);
      if (code === 0) return resolve(cpu);
      const lines = output.split("\n").map((l) => l.trim());
      const why =
        lines.find((l) => /error|exception|invalid|duplicate|failed/i.test(l) && !/^\.+/.test(l)) ??
        lines.filter(Boolean).pop() ??
        `exit status ${code}`;
      reject(
        new UserError(`neo4j-admin import failed (${why.slice(0, 300)}); the previous database is unchanged`),
      );
    });
  });
}

/** A closed-set label or type, spliced into a fix-up statement. */
function target(f: Fixup): { pattern: string; element: string } {
  switch (f.target) {
    case "Document":
    case "Entity":
      return { pattern: `(x:${f.target})`, element: "x" };
    case "MENTIONS":
      return { pattern: "(:Document)-[x:MENTIONS]->(:Entity)", element: "x" };
    default:
      return { pattern: `(:Entity)-[x:${checked(f.target, RELATION_TYPES)}]->(:Entity)`, element: "x" };
  }
}

/** The same, with its ends (or node) matched by id: an index seek once the constraints exist. */
function seek(f: Fixup): string {
  switch (f.target) {
    case "Document":
    case "Entity":
      return `(x:${f.target} {id: row.ids[0]})`;
    case "MENTIONS":
      return "(:Document {id: row.ids[0]})-[x:MENTIONS]->(:Entity {id: row.ids[1]})";
    default:
      return `(:Entity {id: row.ids[0]})-[x:${checked(f.target, RELATION_TYPES)}]->(:Entity {id: row.ids[1]})`;
  }
}

/**
 * Set the lists the CSV left out. Where every row of a target has the property
 * (an entity's aliases, a mention's offsets), one scan sets it wherever it is
 * missing, in transactions of their own; the rest by ids, in batches.
 */
export async function applyFixups(driver: Driver, fixups: Fixups): Promise<number> {
  let count = 0;
  const session = driver.session({ database: DATABASE });
  try {
    for (const f of fixups) {
      if (f.everywhere) {
        const { pattern, element } = target(f);
        // Auto-commit: CALL … IN TRANSACTIONS cannot run inside an explicit transaction.
        const result = await session.run(
          `MATCH ${pattern} WHERE all(k IN $keys WHERE ${element}[k] IS NULL) CALL (${element}) { SET ${element} += $set } IN TRANSACTIONS OF ${FIXUP_BATCH} ROWS`,
          { keys: f.keys, set: Object.fromEntries(f.keys.map((k) => [k, []])) },
        );
        count += result.summary.counters.updates().propertiesSet;
        continue;
      }
      const query = `UNWIND $rows AS row MATCH ${seek(f)} SET x += row.set`;
      for (let i = 0; i < f.rows.length; i += FIXUP_BATCH) {
        const rows = f.rows
          .slice(i, i + FIXUP_BATCH)
          .map((r) => ({ ids: r.ids, set: { [f.keys[0]!]: r.value } }));
        await session.executeWrite((tx) => tx.run(query, { rows }));
        count += rows.length;
      }
    }
  } finally {
    await session.close();
  }
  return count;
}

/** Load `extraction` into the managed instance's database, replacing what it holds (see the header). */
export async function bulkLoadNeo4j(
  extraction: Extraction,
  options: BulkLoadOptions = {},
): Promise<BulkLoadResult> {
  const instance = options.start?.instance ?? "server";
  const start = { ...options.start, instance };
  const log = options.log ?? (() => {});
  const paths = instancePaths(instance);
  const databases = path.join(paths.data, "databases");
  const transactions = path.join(paths.data, "transactions");
  const previous = path.join(paths.home, "bulk-previous");
  if (existsSync(previous))
    throw new UserError(
      `${previous} holds the database an interrupted bulk load set aside; move it away (or delete it) first`,
    );
  const t0 = performance.now();
  const lap = (since: number) => (performance.now() - since) / 1000;

  let conn = await startNeo4j({ ...start, log });
  let driver = openDriver(conn);
  let replacedNodes: number;
  try {
    replacedNodes = await countNodes(driver);
  } finally {
    await driver.close();
  }
  if (replacedNodes > 0 && !options.replace)
    throw new UserError(
      `the database of .neo4j/${instance} holds ${replacedNodes} node(s); the bulk load replaces a database: add --replace to discard them, or add to them with \`policygraph ingest <paths> --neo4j managed\` (without --bulk)`,
    );

  const csvDir = options.csvDir ?? path.join(paths.home, "import", "bulk");
  await rm(csvDir, { recursive: true, force: true });
  const seconds = { csv: 0, stop: 0, import: 0, start: 0, schema: 0, fixups: 0, total: 0 };
  const cpu = { csv: 0, import: 0, server: 0 };
  try {
    let t = performance.now();
    const ownCpu = process.cpuUsage();
    log(`Writing CSV for neo4j-admin into ${csvDir} …`);
    const files = await writeBulkCsv(extraction, csvDir, options.onCsvProgress);
    seconds.csv = lap(t);
    const used = process.cpuUsage(ownCpu);
    cpu.csv = (used.user + used.system) / 1e6;
    log(
      `CSV: ${files.nodeCount} nodes, ${files.relationshipCount} relationships in ${files.nodes.length + files.relationships.length} file(s), ${seconds.csv.toFixed(1)} s`,
    );

    await options.afterCsv?.(files);
    t = performance.now();
    log(`Stopping .neo4j/${instance} for the import …`);
    await stopNeo4j({ instance });
    seconds.stop = lap(t);
    // Whatever step failed, a store set aside goes back in place of what is there now.
    const restore = async () => {
      await stopNeo4j({ instance });
      for (const [kind, live] of [
        ["databases", path.join(databases, DATABASE)],
        ["transactions", path.join(transactions, DATABASE)],
      ] as const) {
        const saved = path.join(previous, kind);
        if (!existsSync(saved)) continue;
        await rm(live, { recursive: true, force: true });
        await rename(saved, live);
      }
      await rm(previous, { recursive: true, force: true });
      await startNeo4j({ ...start, log });
    };
    try {
      t = performance.now();
      log(`Importing with neo4j-admin database import full …`);
      // Left over by a load that was killed: the importer would refuse a half-written store.
      await rm(path.join(databases, STAGING), { recursive: true, force: true });
      await rm(path.join(transactions, STAGING), { recursive: true, force: true });
      cpu.import = await runImport(paths.home, paths.conf, files, log);
      seconds.import = lap(t);

      await mkdir(previous, { recursive: true });
      await rename(path.join(databases, DATABASE), path.join(previous, "databases"));
      await rename(path.join(transactions, DATABASE), path.join(previous, "transactions"));
      await rename(path.join(databases, STAGING), path.join(databases, DATABASE));
      await rename(path.join(transactions, STAGING), path.join(transactions, DATABASE));

      t = performance.now();
      const started = await startNeo4j({ ...start, log });
      conn = started;
      seconds.start = lap(t);
      const serverCpu = cpuSecondsOf(started.pid);
      driver = openDriver(conn);
      try {
        t = performance.now();
        log("Creating constraints and indexes (waiting until they are online) …");
        await applySchema(driver, DATABASE);
        seconds.schema = lap(t);
        t = performance.now();
        const n = await applyFixups(driver, files.fixups);
        seconds.fixups = lap(t);
        cpu.server = cpuSecondsOf(started.pid) - serverCpu;
        if (n > 0) log(`Set ${n} empty list(s) the CSV cannot carry in ${seconds.fixups.toFixed(1)} s`);
      } finally {
        await driver.close();
      }
    } catch (err) {
      log(`Bulk load failed; putting the previous database back …`);
      await rm(path.join(databases, STAGING), { recursive: true, force: true });
      await rm(path.join(transactions, STAGING), { recursive: true, force: true });
      await restore();
      throw err instanceof UserError
        ? err
        : new UserError(
            `bulk load failed (${(err instanceof Error ? err.message : String(err)).split("\n")[0]}); the previous database is back`,
          );
    }
    await rm(previous, { recursive: true, force: true });
    seconds.total = lap(t0);
    return {
      files,
      seconds,
      cpu,
      replacedNodes,
      connection: { uri: conn.uri, user: conn.user, password: conn.password },
    };
  } finally {
    await rm(csvDir, { recursive: true, force: true });
  }
}
