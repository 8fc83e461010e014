// What the figures are made of: the gold items the system missed and the system
// items that match no gold, found with the same matching rules as the shared
// scorer (labels agree and name sets meet after normalisation; STATED by speaker;
// relations de-duplicated by endpoints). The figures themselves come from the
// scorer; these lists are for people tuning rules.
import type { EntityRecord, Extraction, RelationRecord } from "../../src/types.js";
import type { GoldEntity, GoldFile, GoldRef, GoldRelation } from "./gold.js";
import { normName } from "./gold.js";

interface Named {
  label: string;
  name: string;
  aliases?: string[];
}

export interface PageDiff {
  missedEntities: string[];
  spuriousEntities: string[];
  missedRelations: string[];
  spuriousRelations: string[];
  titleMismatches: string[];
}

const namesOf = (e: Named) => new Set([e.name, ...(e.aliases ?? [])].map(normName).filter(Boolean));

function matches(gold: Named, sys: Named | undefined): boolean {
  if (!sys || gold.label !== sys.label) return false;
  const g = namesOf(gold);
  for (const n of namesOf(sys)) if (g.has(n)) return true;
  return false;
}

const show = (e: Named) => `${e.label}:${e.name}`;
const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n)}…` : s);

export function diffPage(gold: GoldFile, sys: Extraction): PageDiff {
  const exhaustiveE = new Set<string>(gold.exhaustive?.entities ?? []);
  const exhaustiveR = new Set<string>(gold.exhaustive?.relations ?? []);
  const sysEntities = sys.entities.filter((e) => e.label !== "Statement");
  const sysById = new Map<string, EntityRecord>(sys.entities.map((e) => [e.id, e]));

  const goldIndex = new Map<string, GoldEntity>();
  for (const g of gold.entities) for (const n of namesOf(g)) goldIndex.set(`${g.label}|${n}`, g);
  const resolve = (ref: GoldRef): Named => goldIndex.get(`${ref.label}|${normName(ref.name)}`) ?? ref;

  const missedEntities = gold.entities.filter((g) => !sysEntities.some((s) => matches(g, s))).map(show);
  const spuriousEntities = sysEntities
    .filter((s) => exhaustiveE.has(s.label) && !gold.entities.some((g) => matches(g, s)))
    .map((s) => (s.aliases.length ? `${show(s)} (${s.aliases.join(", ")})` : show(s)));

  const found = (gr: GoldRelation, sr: RelationRecord) =>
    gr.type === sr.type &&
    matches(resolve(gr.source), sysById.get(sr.source)) &&
    (gr.type === "STATED" || matches(resolve(gr.target), sysById.get(sr.target)));

  // The scorer keeps the first system relation per endpoint pair (per speaker for STATED).
  const firstByEndpoints = new Map<string, RelationRecord>();
  for (const r of sys.relations) {
    if (r.type === "MENTIONS") continue;
    const key = r.type === "STATED" ? `${r.type}|${r.source}` : `${r.type}|${r.source}->${r.target}`;
    if (!firstByEndpoints.has(key)) firstByEndpoints.set(key, r);
  }
  const sysRels = [...firstByEndpoints.values()];
  const relText = (r: RelationRecord) => {
    const src = sysById.get(r.source);
    const tgt = sysById.get(r.target);
    const target = tgt ? (tgt.label === "Statement" ? `“${clip(tgt.name, 30)}”` : show(tgt)) : r.target;
    const rule = r.evidence[0]?.rule ? ` [${r.evidence[0].rule}]` : "";
    const title = typeof r.properties.title === "string" ? ` {${r.properties.title}}` : "";
    return `${r.type} ${src ? show(src) : r.source} → ${target}${title}${rule}`;
  };
  const goldRelText = (r: GoldRelation) =>
    `${r.type} ${show(r.source)} → ${r.target.label === "Statement" ? `“${clip(r.target.name, 30)}”` : show(r.target)}${r.title ? ` {${r.title}}` : ""}`;

  const missedRelations: string[] = [];
  const titleMismatches: string[] = [];
  for (const gr of gold.relations) {
    const hit = sysRels.find((sr) => found(gr, sr));
    if (!hit) missedRelations.push(goldRelText(gr));
    else if (
      gr.type === "HOLDS_POSITION" &&
      gr.title &&
      !String(hit.properties.title ?? "").includes(gr.title)
    )
      titleMismatches.push(`${goldRelText(gr)} but system says {${String(hit.properties.title ?? "")}}`);
  }
  const spuriousRelations = sysRels
    .filter((sr) => exhaustiveR.has(sr.type) && !gold.relations.some((gr) => found(gr, sr)))
    .map(relText);
  return { missedEntities, spuriousEntities, missedRelations, spuriousRelations, titleMismatches };
}
