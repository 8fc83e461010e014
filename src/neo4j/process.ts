// The server process: launch detached with its pid recorded, recognise it again
// later (a pid file can outlive its process and the pid be reused), and stop it.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, openSync, closeSync, readFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { UserError } from "../cli/errors.js";
import { mainClass } from "./conf.js";
import type { InstancePaths } from "./options.js";

export interface ServerState {
  pid: number;
  boltPort: number;
  httpPort: number;
  host: string;
  version: string;
  startedAt: string;
}

export function javaCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.JAVA_HOME ? `${env.JAVA_HOME}/bin/java` : "java";
}

/** Neo4j 5.26 runs on Java 17 or 21; fail early with one line instead of a JVM stack trace. */
export function assertJava(): void {
  const java = javaCommand();
  const result = spawnSync(java, ["-version"], { encoding: "utf8" });
  if (result.error) throw new UserError(`Java (${java}) was not found; the Neo4j mode needs Java 17 or 21`);
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr ?? "");
  const major = match ? Number(match[1] === "1" ? match[2] : match[1]) : NaN;
  if (!(major >= 17)) {
    throw new UserError(`Neo4j 5.26 needs Java 17 or 21, but ${java} is version ${match?.[1] ?? "unknown"}`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
  // A zombie (exited, not yet reaped by its parent) still answers signal 0.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true;
  }
}

/** Is pid the Neo4j of this instance? Checks the command line where /proc exists. */
export function isInstanceProcess(pid: number, paths: InstancePaths): boolean {
  if (!alive(pid)) return false;
  const cmdlineFile = `/proc/${pid}/cmdline`;
  if (!existsSync(cmdlineFile)) return true;
  try {
    const args = readFileSync(cmdlineFile, "utf8").split("\0");
    return args.includes(mainClass) && args.includes(`--home-dir=${paths.home}`);
  } catch {
    return false;
  }
}

export function readState(paths: InstancePaths): ServerState | undefined {
  try {
    return JSON.parse(readFileSync(paths.stateFile, "utf8")) as ServerState;
  } catch {
    return undefined;
  }
}

/** The recorded server if it is still running; stale records are ignored. */
export function runningServer(paths: InstancePaths): ServerState | undefined {
  const state = readState(paths);
  if (state && isInstanceProcess(state.pid, paths)) return state;
  if (existsSync(paths.pidFile)) {
    const pid = Number(readFileSync(paths.pidFile, "utf8").trim());
    if (Number.isInteger(pid) && pid > 0 && isInstanceProcess(pid, paths)) {
      return state ? { ...state, pid } : undefined;
    }
  }
  return undefined;
}

export async function launch(
  args: string[],
  paths: InstancePaths,
  state: Omit<ServerState, "pid">,
): Promise<number> {
  await mkdir(paths.run, { recursive: true });
  await mkdir(paths.logs, { recursive: true });
  // The JVM's own stdout/stderr (startup failures before Neo4j's logging is up).
  const out = openSync(paths.consoleLog, "a");
  try {
    const child = spawn(javaCommand(), args, {
      detached: true,
      stdio: ["ignore", out, out],
      cwd: paths.home,
    });
    const pid = child.pid;
    if (pid === undefined) throw new UserError(`could not launch ${javaCommand()}; see ${paths.consoleLog}`);
    child.unref();
    await writeFile(paths.pidFile, `${pid}\n`);
    await writeFile(paths.stateFile, JSON.stringify({ ...state, pid }, null, 2) + "\n");
    return pid;
  } finally {
    closeSync(out);
  }
}

export function processAlive(pid: number): boolean {
  return alive(pid);
}

export async function clearState(paths: InstancePaths): Promise<void> {
  await rm(paths.pidFile, { force: true });
  await rm(paths.stateFile, { force: true });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** SIGTERM (Neo4j shuts down cleanly on it), then SIGKILL after the grace period. */
export async function terminate(pid: number, graceMs = 60_000): Promise<"stopped" | "killed"> {
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    return "stopped";
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!alive(pid)) return "stopped";
    await sleep(200);
  }
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    return "stopped";
  }
  while (alive(pid)) await sleep(100);
  return "killed";
}
