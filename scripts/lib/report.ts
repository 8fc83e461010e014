// Plain-text tables of the eval figures: one block per page, then the sums.
import type { Counts, Prf } from "./score.js";
import { prf } from "./score.js";
import type { PageDiff } from "./diff.js";

export interface Block {
  heading: string;
  rows: Counts[];
  titles: { agree: number; total: number };
  diff?: PageDiff;
}

const f3 = (x: number | null) => (x === null ? "  -  " : x.toFixed(3));
const rowF = (p: number | null, r: number | null) =>
  p !== null && r !== null ? (p + r ? (2 * p * r) / (p + r) : 0) : null;

function line(name: string, gold: number, sys: number, found: number, p: number | null, r: number | null) {
  return `  ${name.padEnd(16)} ${String(gold).padStart(5)} ${String(sys).padStart(5)} ${String(found).padStart(6)}  ${f3(p)}  ${f3(r)}  ${f3(rowF(p, r))}`;
}

const summary = (name: string, s: Prf) => line(name, s.gold, s.system, s.found, s.p, s.r);

function table(kind: "entity" | "relation", rows: Counts[]): string[] {
  const mine = rows.filter((r) => r.kind === kind);
  const out = [
    `  ${(kind === "entity" ? "entities" : "relations").padEnd(16)}  gold   sys  found  P      R      F1`,
  ];
  for (const r of mine)
    out.push(
      line(
        r.name,
        r.gold,
        r.system,
        r.found,
        r.correct === null ? null : r.scoredSystem ? r.correct / r.scoredSystem : null,
        r.gold ? r.found / r.gold : null,
      ),
    );
  out.push(summary("= core", prf(mine, true)));
  out.push(summary("= all", prf(mine)));
  return out;
}

function list(title: string, items: string[]): string[] {
  if (!items.length) return [];
  return [`  ${title} (${items.length}):`, ...items.map((i) => `    ${i}`)];
}

export function renderBlock(b: Block): string {
  const out = [`== ${b.heading}`, ...table("entity", b.rows), ...table("relation", b.rows)];
  const t = b.titles;
  out.push(
    `  HOLDS_POSITION title agreement ${t.total ? (t.agree / t.total).toFixed(3) : "  -  "} (${t.agree}/${t.total})`,
  );
  if (b.diff) {
    out.push(
      ...list("missed entities", b.diff.missedEntities),
      ...list("spurious entities (exhaustive labels)", b.diff.spuriousEntities),
      ...list("missed relations", b.diff.missedRelations),
      ...list("spurious relations (exhaustive types)", b.diff.spuriousRelations),
      ...list("title mismatches", b.diff.titleMismatches),
    );
  }
  return out.join("\n");
}

export const LEGEND =
  "core = exhaustive labels/types only (P and R both defined); all = the scorer's summary " +
  "(R over every gold label, P over exhaustive ones). P is '-' where the gold is not exhaustive.";
