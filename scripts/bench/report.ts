// The benchmark's table: each figure, its same-run baseline and the issue's target.
type Obj = Record<string, unknown>;

const num = (v: unknown, digits = 2) =>
  typeof v === "number" && Number.isFinite(v)
    ? v.toLocaleString("en-US", { maximumFractionDigits: digits })
    : "—";

function row(what: string, value: string, baseline: string, target: string): string {
  return `${what.padEnd(44)}${value.padStart(16)}  ${baseline.padEnd(34)}${target}`;
}

export function formatReport(report: Obj): string {
  const m = report.machine as Obj;
  const e = (report.extract ?? {}) as Obj;
  const i = (report.ingest ?? {}) as Obj;
  const g = (report.graphql ?? {}) as Record<string, Obj>;
  const [small, large] = (e.rssInputMb as number[]) ?? [20, 200];
  const lines = [
    `PolicyGraph benchmark — ${m.date}, ${m.nproc} × ${m.cpu}, Node ${m.node}${m.quick ? " (quick: small inputs)" : ""}`,
    "",
    row("figure", "value", "same-run baseline", "target"),
    row(
      `extraction, 1 worker (${num(e.inputMb, 1)} MB)`,
      `${num(e.mbPerSec1, 3)} MB/s`,
      `jieba tag() ${num(e.jiebaTagMbPerSec, 3)} MB/s`,
      "≥ 0.5× jieba",
    ),
    row("  ratio to jieba tag()", `${num(e.ratioVsJieba)}×`, `in CPU time: ${num(e.ratioVsJiebaCpu)}×`, ""),
    row(
      `extraction, ${e.workers} workers`,
      `${num(e.mbPerSecAll, 3)} MB/s`,
      `1 worker ${num(e.mbPerSec1, 3)} MB/s`,
      "≥ 1.7× on 2 workers",
    ),
    row("  parallel speed-up", `${num(e.parallelSpeedup)}×`, "", ""),
    row(
      `peak RSS, ${large} MB input`,
      `${num(e.rssMb200, 0)} MB`,
      `${small} MB input: ${num(e.rssMb20, 0)} MB`,
      "≤ 1.5× the small input",
    ),
    row("  ratio", `${num(e.rssRatio)}×`, "", ""),
    row(
      `ingestion, embedded (${num(i.sampleRelations, 0)} rels)`,
      `${num(i.embeddedRelsPerSec, 0)} rels/s`,
      `graphology ${num(i.bareGraphologyRelsPerSec, 0)}/s → ${num(i.embeddedVsBareGraphology, 2)}×`,
      "≥ 100,000 rels/s",
    ),
    row(
      "ingestion, Neo4j",
      `${num(i.neo4jRelsPerSec, 0)} rels/s`,
      `naive ${num(i.naiveRelsPerSec, 0)} rels/s`,
      "≥ 20,000 rels/s, ≥ 20× naive",
    ),
    row("  ratio to naive loader", `${num(i.ratioVsNaive, 1)}×`, "", ""),
    row(
      `  first ingest after start (${num(i.neo4jFirstSampleRelations, 0)} rels, plans cold)`,
      `${num(i.neo4jFirstRelsPerSec, 0)} rels/s`,
      "",
      "",
    ),
  ];
  const bulk = i.neo4jBulkSeconds as Obj | undefined;
  if (bulk)
    lines.push(
      row(
        `  first load, bulk import (${num(g.neo4j?.relationships, 0)} rels)`,
        `${num(i.neo4jBulkRelsPerSec, 0)} rels/s`,
        `CSV ${num(bulk.csv, 0)}, import ${num(bulk.import, 0)}, schema ${num(bulk.schema, 0)} s`,
        "≥ 20,000 rels/s",
      ),
    );
  for (const [store, fig] of Object.entries(g)) {
    lines.push(
      "",
      `GraphQL on ${store}: ${num(fig.relationships, 0)} relationships (built at ${num(fig.buildRelsPerSec, 0)} rels/s${store === "embedded" ? `, heap ${num(fig.heapMb, 0)} MB` : ""})`,
      row(
        "query",
        "p50 / p95 / p99 ms",
        "requests/s, server CPU/request",
        `target p99 < ${store === "embedded" ? 20 : 50} ms`,
      ),
    );
    const queries = (fig: Obj, label: string) => {
      for (const q of ["announcements", "zoneIndustries", "entityRelations"]) {
        const f = (fig[q] ?? {}) as Obj;
        lines.push(
          row(
            `  ${q}${label}`,
            `${num(f.p50, 1)} / ${num(f.p95, 1)} / ${num(f.p99, 1)}`,
            `${num(f.rps, 0)} rps, ${num(f.cpuMsPerRequest, 2)} ms (${num(f.errors, 0)} errors)`,
            "",
          ),
        );
      }
    };
    queries(fig, "");
    const floor = fig.bareHttp as Obj | undefined;
    if (floor)
      lines.push(
        row(
          "  floor: bare node:http, same answer bytes",
          `${num(floor.p50, 1)} / ${num(floor.p95, 1)} / ${num(floor.p99, 1)}`,
          `${num(floor.rps, 0)} rps, ${num(floor.cpuMsPerRequest, 2)} ms`,
          "",
        ),
      );
    for (const [key, value] of Object.entries(fig))
      if (key.startsWith("replicas")) queries(value as Obj, `, --replicas ${key.slice("replicas".length)}`);
  }
  for (const note of (report.notes as string[]) ?? []) lines.push(`note: ${note}`);
  lines.push(`(${num(report.seconds, 0)} s)`);
  return lines.join("\n") + "\n";
}
