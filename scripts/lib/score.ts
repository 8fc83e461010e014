// Runs the shared scorer (../shared/tools/score.mjs --json) on one page and
// turns its per-label rows back into counts, so that pages can be summed
// (micro-averaged) instead of averaging their ratios.
import { spawnSync } from "node:child_process";

/** One row of `score.mjs --json`. */
interface ScorerRow {
  kind: "entity" | "relation";
  name: string;
  gold: number;
  system: number;
  recall: number | null;
  precision?: number | null;
}
interface ScorerOutput {
  titleAgreement: number | null;
  rows: ScorerRow[];
}

/** Counts for one label or relation type; `correct` is null where precision is not scored (non-exhaustive). */
export interface Counts {
  kind: "entity" | "relation";
  name: string;
  gold: number;
  system: number;
  found: number;
  /** System count on the pages where precision is scored (equals `system` on one page). */
  scoredSystem: number;
  correct: number | null;
}

export interface PageScore {
  rows: Counts[];
  titles: { agree: number; total: number };
}

export interface Prf {
  p: number | null;
  r: number | null;
  f: number | null;
  /** The sums behind the ratios, so that a reader can judge how much a figure rests on. */
  gold: number;
  found: number;
  system: number;
  correct: number;
}

/** Scores `extraction` (interchange JSON) against the gold file with the shared scorer. */
export function runScorer(scorer: string, goldPath: string, extraction: unknown): PageScore {
  const res = spawnSync(process.execPath, [scorer, goldPath, "-", "--json"], {
    input: JSON.stringify(extraction),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.status !== 0)
    throw new Error(`${scorer}: ${(res.stderr || res.error?.message || "failed").trim()}`);
  const out = JSON.parse(res.stdout) as ScorerOutput;
  const rows = out.rows.map((row): Counts => ({
    kind: row.kind,
    name: row.name,
    gold: row.gold,
    system: row.system,
    // The scorer prints ratios; counts are integers, so rounding recovers them exactly.
    found: Math.round((row.recall ?? 0) * row.gold),
    scoredSystem: row.precision === undefined ? 0 : row.system,
    correct: row.precision === undefined ? null : Math.round((row.precision ?? 0) * row.system),
  }));
  // Every gold HOLDS_POSITION carries a title (the gold test checks it), so the pairs
  // whose titles were compared are exactly the gold HOLDS_POSITION relations found.
  const hp = rows.find((r) => r.kind === "relation" && r.name === "HOLDS_POSITION");
  const total = hp?.found ?? 0;
  return { rows, titles: { total, agree: Math.round((out.titleAgreement ?? 0) * total) } };
}

/** Sums rows of the same kind and name across pages. */
export function sumRows(pages: PageScore[]): Counts[] {
  const byKey = new Map<string, Counts>();
  for (const page of pages)
    for (const row of page.rows) {
      const key = `${row.kind}|${row.name}`;
      const acc = byKey.get(key);
      if (!acc) {
        byKey.set(key, { ...row });
        continue;
      }
      acc.gold += row.gold;
      acc.found += row.found;
      acc.system += row.system;
      // Precision sums only the pages whose gold lists the label as exhaustive.
      if (row.correct !== null) {
        acc.correct = (acc.correct ?? 0) + row.correct;
        acc.scoredSystem += row.scoredSystem;
      }
    }
  return [...byKey.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
}

const ratio = (a: number, b: number) => (b ? a / b : null);

/**
 * Precision over the rows whose precision is scored, recall over `recallRows`: the
 * scorer's own summary (recall over every gold label, precision over exhaustive ones).
 */
export function prf(rows: Counts[], onlyExhaustive = false): Prf {
  const scored = rows.filter((r) => r.correct !== null);
  const recallRows = onlyExhaustive ? scored : rows;
  const gold = recallRows.reduce((s, r) => s + r.gold, 0);
  const found = recallRows.reduce((s, r) => s + r.found, 0);
  const system = scored.reduce((s, r) => s + r.scoredSystem, 0);
  const correct = scored.reduce((s, r) => s + (r.correct ?? 0), 0);
  const p = ratio(correct, system);
  const r = ratio(found, gold);
  const f =
    p !== null && r !== null && p + r > 0 ? (2 * p * r) / (p + r) : p !== null && r !== null ? 0 : null;
  return { p, r, f, gold, found, system, correct };
}

export function sumTitles(pages: PageScore[]): { agree: number; total: number } {
  return pages.reduce(
    (acc, p) => ({ agree: acc.agree + p.titles.agree, total: acc.total + p.titles.total }),
    {
      agree: 0,
      total: 0,
    },
  );
}
