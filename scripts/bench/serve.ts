// The GraphQL part of the benchmark serves through the real command users run,
// `node bin/policygraph.js serve` (built dist/, NODE_ENV=production as the launcher
// sets it), optionally with --replicas, and measures its CPU time per request from
// /proc next to the latency: with N clients in a closed loop latency is about
// N / rps, so on a shared machine CPU per request is the steadier figure.
import { spawn } from "node:child_process";
import path from "node:path";
import { projectRoot } from "../../src/paths.js";
import { processCpuSeconds } from "../../src/process-cpu.js";

export interface ServeTarget {
  store: "embedded" | "neo4j";
  /** Embedded store file. */
  file?: string;
  neo4j?: { uri: string; user: string; password: string };
  replicas: number;
}

export interface RunningServe {
  url: string;
  /** CPU seconds (user + system) of the serving processes so far. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** CPU seconds of a serving process, NaN where /proc cannot tell. */
export const cpuOf = (pid: number): number => processCpuSeconds(pid) ?? NaN;

export async function startServe(target: ServeTarget): Promise<RunningServe> {
  const args = [path.join(projectRoot, "bin", "policygraph.js"), "serve", "--port", "0", "--rate-limit", "0"];
  if (target.replicas > 1) args.push("--replicas", String(target.replicas));
  if (target.store === "embedded") args.push("--store", target.file!);
  else args.push("--neo4j", target.neo4j!.uri);
  const proc = spawn(process.execPath, ["--max-old-space-size=8192", ...args], {
    cwd: projectRoot,
    env: {
      ...process.env,
      ...(target.neo4j ? { NEO4J_USER: target.neo4j.user, NEO4J_PASSWORD: target.neo4j.password } : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  proc.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const ready = new Promise<{ url: string; pids: number[] }>((resolve, reject) => {
    proc.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const url = /GraphQL API and IDE\s+(\S+)\/graphql/.exec(out)?.[1];
      const pids = /pids ([\d, ]+)\)/.exec(out)?.[1];
      if (url && (target.replicas <= 1 || pids))
        resolve({ url, pids: pids ? pids.split(",").map((p) => Number(p.trim())) : [proc.pid!] });
    });
    proc.once("exit", (code) =>
      reject(new Error(`serve exited with ${code}: ${err.trim().split("\n").at(-1) ?? ""}`)),
    );
  });
  const { url, pids } = await ready;
  const all = target.replicas > 1 ? [proc.pid!, ...pids] : pids;
  return {
    url,
    cpuSeconds: () => all.reduce((sum, pid) => sum + cpuOf(pid), 0),
    stop: async () => {
      const exited = new Promise((resolve) => proc.once("exit", resolve));
      proc.kill("SIGTERM");
      await exited;
    },
  };
}
