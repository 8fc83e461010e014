// `serve --replicas N`: N stateless server processes behind one port (node:cluster;
// the primary accepts connections and hands them to the workers in turn). Each
// replica opens the store itself, read-only in effect: `serve` never writes, and
// the embedded store is loaded into each replica's memory. The primary only starts,
// restarts and stops the replicas.
import cluster from "node:cluster";
import type { Worker } from "node:cluster";

/** Set in a replica's environment: its number, 1..N. */
export const REPLICA_ENV = "POLICYGRAPH_REPLICA";

interface ListeningMessage {
  type: "policygraph:listening";
  url: string;
}

/** The replica number when this process is a replica, else null. */
export function replicaNumber(): number | null {
  if (!cluster.isWorker) return null;
  const n = Number(process.env[REPLICA_ENV]);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** In a replica: tell the primary where it listens. */
export function announceListening(url: string): void {
  const message: ListeningMessage = { type: "policygraph:listening", url };
  process.send?.(message);
}

export interface ReplicaSet {
  url: string;
  pids(): number[];
  /** SIGTERM every replica (each finishes its requests and closes its store); resolves when all exited. */
  stop(): Promise<void>;
  /** SIGKILL every replica. */
  kill(): void;
}

export class ReplicaStartError extends Error {}

/**
 * Fork `count` replicas of this command and resolve once all listen. A replica that
 * exits before listening fails the start (its own error is on stderr); one that dies
 * later is replaced.
 */
export function startReplicas(count: number, log: (message: string) => void): Promise<ReplicaSet> {
  const workers = new Map<number, Worker>();
  let stopping = false;
  let url = "";

  const fork = (n: number): Promise<string> =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork({ [REPLICA_ENV]: String(n) });
      workers.set(n, worker);
      let listening = false;
      worker.on("message", (message: ListeningMessage) => {
        if (message?.type !== "policygraph:listening") return;
        listening = true;
        resolve(message.url);
      });
      worker.once("exit", (code, signal) => {
        if (workers.get(n) === worker) workers.delete(n);
        if (!listening) {
          reject(
            new ReplicaStartError(`replica ${n} exited before it was listening (code ${code ?? signal})`),
          );
          return;
        }
        if (stopping) return;
        log(`replica ${n} (pid ${worker.process.pid}) exited (${code ?? signal}); starting another`);
        fork(n).catch((err: unknown) => log(err instanceof Error ? err.message : String(err)));
      });
    });

  const kill = () => {
    stopping = true;
    for (const w of workers.values()) w.process.kill("SIGKILL");
  };
  const set: ReplicaSet = {
    get url() {
      return url;
    },
    pids: () => [...workers.values()].map((w) => w.process.pid!),
    stop: async () => {
      stopping = true;
      await Promise.all(
        [...workers.values()].map(
          (w) =>
            new Promise<void>((resolve) => {
              if (w.isDead()) return resolve();
              w.once("exit", () => resolve());
              w.process.kill("SIGTERM");
            }),
        ),
      );
    },
    kill,
  };
  return Promise.all(Array.from({ length: count }, (_, i) => fork(i + 1))).then(
    (urls) => {
      url = urls[0]!;
      return set;
    },
    (err: unknown) => {
      kill();
      throw err;
    },
  );
}
