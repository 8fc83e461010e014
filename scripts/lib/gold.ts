// Gold annotation files (tests/gold/*.json, tests/gold/{examples,heldout,heldout2}/*.json): the
// format of ../shared/ONTOLOGY.md "Gold annotations", read and checked here so
// that the eval script and the gold-shape test agree on what a gold file is.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { ENTITY_LABELS, RELATION_TYPES } from "../../src/types.js";
import type { EntityLabel, RelationType } from "../../src/types.js";

export interface GoldRef {
  label: EntityLabel | "Statement";
  name: string;
}

export interface GoldEntity {
  label: EntityLabel;
  name: string;
  aliases: string[];
}

export interface GoldRelation {
  type: RelationType;
  source: GoldRef;
  target: GoldRef;
  /** HOLDS_POSITION only: the principal post, which a correct system title contains. */
  title?: string;
  /** FOCUSES_ON only, informative (not scored): the text of the figure. */
  metric?: string;
}

export interface GoldFile {
  /** File name of the page this gold annotates (its basename in the corpus or examples folder). */
  document: string;
  exhaustive: { entities: EntityLabel[]; relations: RelationType[] };
  entities: GoldEntity[];
  relations: GoldRelation[];
}

/** Endpoint labels each relation type admits (ONTOLOGY.md "Relation types"). */
export const RELATION_ENDPOINTS: Record<
  Exclude<RelationType, "MENTIONS">,
  { from: string[]; to: string[] }
> = {
  ISSUED: { from: ["Agency", "Region", "Organization", "Enterprise"], to: ["Policy", "Report"] },
  HOLDS_POSITION: { from: ["Person"], to: ["Agency", "Enterprise", "Organization"] },
  STATED: { from: ["Person", "Agency", "Enterprise", "Organization"], to: ["Statement"] },
  // The ontology's own ANNOUNCED example has a Zone as initiator (中关村示范区 … 共同成立 → network).
  ANNOUNCED: {
    from: ["Agency", "Person", "Enterprise", "Organization", "Zone"],
    to: ["Program", "Policy", "Event"],
  },
  LOCATED_IN: { from: ["Zone", "Enterprise", "Organization", "Agency"], to: ["Region", "Zone"] },
  FOCUSES_ON: {
    from: ["Zone", "Region", "Enterprise", "Organization", "Policy", "Program"],
    to: ["Industry"],
  },
  MEMBER_OF: { from: ["Zone", "Enterprise", "Organization", "Agency"], to: ["Program"] },
  PART_OF: { from: ["Agency", "Enterprise"], to: ["Agency", "Enterprise"] },
  VISITED: { from: ["Person"], to: ["Enterprise", "Organization", "Zone", "Region"] },
};

/** The scorer's name normalisation (../shared/tools/score.mjs), mirrored for checks and diffs. */
export function normName(s: string): string {
  return s
    .normalize("NFKC")
    .replace(/[\s《》〈〉“”"'‘’「」『』]/g, "")
    .toLowerCase();
}

/** Problems with a parsed gold file's shape; empty when it is well formed. */
export function validateGold(gold: unknown): string[] {
  const problems: string[] = [];
  if (typeof gold !== "object" || gold === null) return ["not a JSON object"];
  const g = gold as Partial<GoldFile>;
  if (typeof g.document !== "string" || !g.document) problems.push("missing `document`");
  const labels = new Set<string>(ENTITY_LABELS);
  const types = new Set<string>(RELATION_TYPES);
  for (const l of g.exhaustive?.entities ?? [])
    if (!labels.has(l)) problems.push(`exhaustive label ${l} unknown`);
  for (const t of g.exhaustive?.relations ?? [])
    if (!types.has(t)) problems.push(`exhaustive type ${t} unknown`);
  if (!Array.isArray(g.entities)) return [...problems, "missing `entities` array"];
  if (!Array.isArray(g.relations)) return [...problems, "missing `relations` array"];

  const known = new Map<string, GoldEntity>();
  for (const e of g.entities) {
    const where = `entity ${e?.label}:${e?.name}`;
    if (!labels.has(e?.label)) problems.push(`${where}: label not in the ontology`);
    if (typeof e?.name !== "string" || !e.name.trim()) problems.push(`${where}: empty name`);
    if (!Array.isArray(e?.aliases)) problems.push(`${where}: aliases must be an array`);
    if (typeof e?.name === "string" && /^[《“"].*[》”"]$/.test(e.name))
      problems.push(`${where}: name keeps its 《》 or quotes`);
    for (const n of [e?.name, ...(e?.aliases ?? [])]) {
      if (typeof n !== "string") continue;
      const key = `${e.label}|${normName(n)}`;
      const other = known.get(key);
      if (other && other !== e) problems.push(`${where}: name ${n} also names ${other.label}:${other.name}`);
      known.set(key, e);
    }
  }
  const refOk = (ref: GoldRef | undefined) =>
    !!ref && (ref.label === "Statement" ? !!ref.name : known.has(`${ref.label}|${normName(ref.name ?? "")}`));
  for (const r of g.relations) {
    const where = `relation ${r?.type} ${r?.source?.name} → ${r?.target?.name}`;
    if (!types.has(r?.type) || r.type === "MENTIONS") {
      problems.push(`${where}: type not in the ontology`);
      continue;
    }
    const ends = RELATION_ENDPOINTS[r.type];
    if (!ends.from.includes(r.source?.label))
      problems.push(`${where}: ${r.source?.label} cannot be a source`);
    if (!ends.to.includes(r.target?.label)) problems.push(`${where}: ${r.target?.label} cannot be a target`);
    if (!refOk(r.source)) problems.push(`${where}: source is not an entity of this file`);
    if (!refOk(r.target)) problems.push(`${where}: target is not an entity of this file`);
    if (r.type === "HOLDS_POSITION" && !(typeof r.title === "string" && r.title.trim()))
      problems.push(`${where}: HOLDS_POSITION without a title`);
  }
  return problems;
}

export interface GoldSet {
  /** "corpus" for tests/gold, "examples" for tests/gold/examples, "heldout"/"heldout2" for tests/gold/heldout*. */
  section: "corpus" | "examples" | "examples-en" | "heldout" | "heldout2";
  /** Folder holding the pages named by the gold files' `document`. */
  pagesDir: string;
  files: { path: string; gold: GoldFile }[];
}

/** Every `*.json` directly inside `dir`, parsed (an absent folder gives none). */
export function readGoldDir(dir: string): { path: string; gold: GoldFile }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const p = path.join(dir, f);
      return { path: p, gold: JSON.parse(readFileSync(p, "utf8")) as GoldFile };
    });
}
