// GraphQL latency under load: autocannon with N concurrent connections on
// loopback for a bounded duration, cycling through a set of query variables.
// Percentiles come from every response time (autocannon reports no p95).
import autocannon from "autocannon";
import type { QueryNames } from "./graph.js";

export interface LoadFigures {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
}

export const QUERIES = {
  announcements: {
    query: `query($v: String) { announcements(by: $v, first: 20) { totalCount edges { node { kind date speaker { name } what { name } } } } }`,
    names: (n: QueryNames) => n.speakers,
  },
  zoneIndustries: {
    query: `query($v: String) { zoneIndustries(industry: $v, first: 20) { totalCount edges { node { zone { name } industry { name } metric } } } }`,
    names: (n: QueryNames) => n.industries,
  },
  entityRelations: {
    query: `query($v: String) { entity(name: $v) { name relations(first: 20) { totalCount edges { type direction node { name label } } } } }`,
    names: (n: QueryNames) => n.entities,
  },
} as const;

export type QueryName = keyof typeof QUERIES;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** One request of each body, checked for data and no errors, before measuring. */
async function check(url: string, bodies: string[]): Promise<void> {
  for (const body of bodies.slice(0, 3)) {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
    const json = (await res.json()) as { data?: unknown; errors?: { message: string }[] };
    if (!res.ok || json.errors || !json.data)
      throw new Error(`query failed (${res.status}): ${json.errors?.[0]?.message ?? "no data"}`);
  }
}

/** The body of one real answer to `name`'s first variables: the bare-HTTP floor replays it. */
export async function sampleResponse(baseUrl: string, name: QueryName, names: QueryNames): Promise<string> {
  const { query, names: pick } = QUERIES[name];
  const body = JSON.stringify({ query, variables: { v: pick(names)[0] } });
  const res = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  return res.text();
}

export async function loadTest(
  baseUrl: string,
  name: QueryName,
  names: QueryNames,
  options: { connections: number; duration: number },
): Promise<LoadFigures> {
  const url = `${baseUrl}/graphql`;
  const { query, names: pick } = QUERIES[name];
  const bodies = pick(names).map((v) => JSON.stringify({ query, variables: { v } }));
  if (bodies.length === 0) throw new Error(`no names to query ${name} with`);
  await check(url, bodies);
  let next = 0;
  const times: number[] = [];
  let bad = 0;
  const instance = autocannon({
    url,
    connections: options.connections,
    duration: options.duration,
    method: "POST",
    headers: { "content-type": "application/json" },
    requests: [{ setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }) }],
  });
  instance.on("response", (_client: unknown, status: number, _bytes: number, time: number) => {
    times.push(time);
    if (status !== 200) bad++;
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    rps: result.requests.total / result.duration,
    requests: result.requests.total,
    errors: bad + result.errors + result.timeouts,
  };
}
