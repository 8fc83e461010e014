// Store-level latency of the three read paths the GraphQL benchmark exercises
// (announcements by a speaker, zones of an industry, an entity's relations), on
// the busiest entities of a graph, called one after another: what the store adds
// to each request before GraphQL, DataLoader and HTTP.
import type { GraphStore } from "./store.js";

export interface ReadLatency {
  p50: number;
  p99: number;
  max: number;
  calls: number;
}

function percentiles(ms: number[]): ReadLatency {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1)!, calls: sorted.length };
}

async function time(calls: number, work: (i: number) => Promise<unknown>): Promise<ReadLatency> {
  const ms: number[] = [];
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    await work(i);
    ms.push(performance.now() - started);
  }
  return percentiles(ms);
}

/** Hubs: the agencies, industries and entities with the most relations (by stored degree after analytics). */
export async function readLatencies(store: GraphStore, calls = 200): Promise<Record<string, ReadLatency>> {
  const page = { limit: 10, offset: 0 };
  const [agencies, industries] = await Promise.all([
    store.search("局", ["Agency"], { limit: 20, offset: 0 }),
    store.search("", ["Industry"], { limit: 20, offset: 0 }),
  ]);
  const industryIds = industries.items.length
    ? industries.items.map((e) => e.id)
    : (await store.search("能", ["Industry"], { limit: 20, offset: 0 })).items.map((e) => e.id);
  const agencyIds = agencies.items.map((e) => e.id);
  const pick = (ids: string[], i: number) => ids[i % Math.max(1, ids.length)] ?? "none";
  return {
    announcements: await time(calls, (i) => store.announcements({ by: [pick(agencyIds, i)] }, page)),
    zoneIndustries: await time(calls, (i) =>
      store.zoneIndustries({ industries: [pick(industryIds, i)] }, page),
    ),
    entityRelations: await time(calls, (i) =>
      store.neighbours([pick(industryIds, i)], { direction: "BOTH" }),
    ),
  };
}
