// After a replaced document's facts are taken off, the entities and relationships
// that stay but to which it gave aliases or properties get them recomputed from
// the contributions of the documents that remain (kept on MENTIONS for entities,
// as propDoc/propJson lists on relationships). Rare (changed documents only), so
// done client-side: read the whole property map, compute, write it back whole.
import { normaliseName } from "../../ids.js";
import type { Properties } from "../../types.js";
import type { Run } from "./transactions.js";
import * as q from "./writes.js";
import { encodeProperties, storedName } from "./values.js";

export interface RelationRef {
  key: string;
  source: string;
  target: string;
}

type Props = Record<string, unknown>;

/** The stored map without the extracted properties listed in propKeys. */
function withoutExtracted(stored: Props): Props {
  const out = { ...stored };
  for (const key of (stored.propKeys as string[] | undefined) ?? []) delete out[storedName(key)];
  return out;
}

export function recomputedEntity(
  stored: Props,
  contributions: { aliases: string[] | null; props: string | null }[],
): Props {
  const name = stored.name as string;
  const aliases: string[] = [];
  const properties: Properties = {};
  for (const c of contributions) {
    for (const a of c.aliases ?? []) if (a !== name && !aliases.includes(a)) aliases.push(a);
    if (c.props) Object.assign(properties, JSON.parse(c.props) as Properties);
  }
  const names = [normaliseName(name)];
  for (const a of aliases) if (!names.includes(normaliseName(a))) names.push(normaliseName(a));
  return {
    ...withoutExtracted(stored),
    ...encodeProperties(properties),
    aliases,
    names,
    aliasText: aliases.map((a) => `${a}\n`).join(""),
    propKeys: Object.keys(properties),
  };
}

export function recomputedRelation(stored: Props): Props {
  const properties: Properties = {};
  for (const json of (stored.propJson as string[] | undefined) ?? [])
    Object.assign(properties, JSON.parse(json) as Properties);
  return { ...withoutExtracted(stored), ...encodeProperties(properties), propKeys: Object.keys(properties) };
}

export async function recompute(run: Run, entityIds: string[], relations: RelationRef[]): Promise<void> {
  if (entityIds.length > 0) {
    const rows = (await run(q.entityContributions, { ids: entityIds })).map((r) => {
      const stored = r.e as Props;
      const contributions = (r.contributions as { aliases: string[] | null; props: string | null }[]).filter(
        (c) => c.aliases !== null || c.props !== null,
      );
      return { id: stored.id as string, props: recomputedEntity(stored, contributions) };
    });
    await run(q.replaceEntityProperties, { rows });
  }
  if (relations.length > 0) {
    const rows = (await run(q.relationProperties, { refs: relations })).map((r) => ({
      ...(r.ref as RelationRef),
      props: recomputedRelation(r.props as Props),
    }));
    await run(q.replaceRelationProperties, { rows });
  }
}
