// CPU time of another local process, for the figures that put a server's or an
import { readFileSync } from "node:fs";
// importer's work beside our own (bulk load, benchmarks).

/** USER_HZ: the clock ticks per second /proc counts in on Linux. */
const TICKS = 100;

/** utime + stime of a live local process in seconds (Linux /proc), or null where /proc cannot tell. */
export function processCpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    // Fields after the command name (which may contain spaces and parentheses):
    // utime is the 12th, stime the 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return null;
  }
}
