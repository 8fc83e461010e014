import { describe, expect, it } from "vitest";
import { processCpuSeconds } from "../src/process-cpu.js";

describe("processCpuSeconds", () => {
  it("reads a live process's CPU time from /proc, close to what the process says of itself", () => {
    let x = 0;
    for (let i = 0; i < 3e7; i++) x += i % 7;
    expect(x).toBeGreaterThan(0);
    const own = process.cpuUsage();
    const seconds = processCpuSeconds(process.pid)!;
    expect(seconds).toBeGreaterThan(0);
    // /proc counts in 1/100 s ticks: allow a few ticks either way.
    expect(Math.abs(seconds - (own.user + own.system) / 1e6)).toBeLessThan(0.1);
  });

  it("is null without a pid or for a process that does not exist", () => {
    expect(processCpuSeconds(undefined)).toBeNull();
    expect(processCpuSeconds(2 ** 30)).toBeNull();
  });
});
