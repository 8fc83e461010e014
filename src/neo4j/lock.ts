// A cross-process lock file (O_EXCL create, owner pid inside). Several CLI calls and
// test runs may share one checkout; the lock serialises starting an instance and,
// for tests, use of its single database. A lock whose owner died is taken over.
import { openSync, closeSync, writeSync, readFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function ownerAlive(file: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(file, "utf8").trim());
  } catch {
    return true; // being written right now
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export interface Lock {
  release(): void;
}

/**
 * Wait until the lock at `file` is ours. `onWait` is called once if we have to wait,
 * so that a user sees why nothing happens.
 */
export async function acquireLock(file: string, timeoutMs: number, onWait?: () => void): Promise<Lock> {
  mkdirSync(path.dirname(file), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    if (!ownerAlive(file)) {
      rmSync(file, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${file} (held by another process)`,
      );
    }
    if (!told) {
      onWait?.();
      told = true;
    }
    await sleep(250);
  }
}
