// Between interchange records and Neo4j properties. Extracted properties (title,
// date, metric …) become ordinary node/relationship properties, so that analysts
// can write `WHERE r.title = '副部长'` in Neo4j Browser; `propKeys` remembers which
// ones they are. Neo4j keeps neither nulls nor mixed lists, so those are dropped or
// turned into strings.
import type { Evidence, NodeLabel, Properties, RelationType, Scalar } from "../../types.js";
import type { StoredEntity, StoredRelation } from "../store.js";
import { cmp, compareEvidence } from "../prepare.js";

const RESERVED = new Set([
  "id",
  "key",
  "label",
  "name",
  "normName",
  "aliases",
  "aliasText",
  "names",
  "docs",
  "documentCount",
  "degree",
  "pagerank",
  "community",
  "propKeys",
  "firstDate",
  "evDoc",
  "evSentence",
  "evStart",
  "evEnd",
  "evRule",
  "propDoc",
  "propJson",
]);

/** Stored property name of an extracted property (reserved names get a prefix). */
export const storedName = (key: string): string => (RESERVED.has(key) ? `p_${key}` : key);

export function encodeProperties(properties: Properties): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (value === null) continue;
    if (Array.isArray(value)) {
      const items = value.filter((v): v is Exclude<Scalar, null> => v !== null);
      const same = items.every((v) => typeof v === typeof items[0]);
      out[storedName(key)] = same ? items : items.map(String);
    } else out[storedName(key)] = value;
  }
  return out;
}

type Props = Record<string, unknown>;

export function decodeProperties(stored: Props): Properties {
  const out: Properties = {};
  for (const key of (stored.propKeys as string[] | undefined) ?? []) {
    const value = stored[storedName(key)];
    if (value !== undefined && value !== null) out[key] = value as Scalar | Scalar[];
  }
  return out;
}

export function toEntity(p: Props): StoredEntity {
  const entity: StoredEntity = {
    id: p.id as string,
    label: p.label as NodeLabel,
    name: p.name as string,
    aliases: [...((p.aliases as string[] | undefined) ?? [])].sort(cmp),
    properties: decodeProperties(p),
    documentCount: Number(p.documentCount ?? 0),
  };
  if (p.degree != null) entity.degree = Number(p.degree);
  if (p.pagerank != null) entity.pagerank = Number(p.pagerank);
  if (p.community != null) entity.community = Number(p.community);
  return entity;
}

export function toRelation(type: string, source: string, target: string, p: Props): StoredRelation {
  const docs = (p.evDoc as string[] | undefined) ?? [];
  const evidence: Evidence[] = docs.map((documentId, i) => ({
    documentId,
    sentence: (p.evSentence as string[])[i]!,
    start: Number((p.evStart as number[])[i]),
    end: Number((p.evEnd as number[])[i]),
    rule: (p.evRule as string[])[i]!,
  }));
  return {
    key: p.key as string,
    type: type as RelationType,
    source,
    target,
    properties: decodeProperties(p),
    evidence: evidence.sort(compareEvidence),
  };
}
