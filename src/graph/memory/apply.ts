// One ingest into the embedded graph: unchanged documents are skipped, changed
// ones first take back what they contributed, then the new facts are merged in.
import type { Extraction } from "../../types.js";
import type { IngestSummary } from "../store.js";
import { emptySummary, planDocuments, prepareFacts } from "../prepare.js";
import type { GraphState } from "./state.js";
import { bump } from "./state.js";

export function applyExtraction(state: GraphState, extraction: Extraction, dryRun: boolean): IngestSummary {
  const summary = emptySummary(dryRun);
  const plan = planDocuments(extraction.documents, (id) =>
    state.documents.has(id) ? (state.documents.get(id)!.hash ?? null) : undefined,
  );
  summary.documents = {
    added: plan.added.length,
    replaced: plan.replaced.length,
    unchanged: plan.unchanged.length,
  };
  const active = new Set([...plan.added, ...plan.replaced].map((d) => d.id));
  if (active.size === 0) return summary;
  const facts = prepareFacts(extraction, active);

  // What replaced documents drop but the new version brings back is "updated", not removed+created.
  const droppedEntities = new Map<string, string>();
  const droppedRelations = new Map<string, string>();
  for (const doc of plan.replaced) {
    const removal = state.removeDocument(doc.id);
    summary.evidence.removed += removal.evidence;
    for (const id of removal.removedEntities) droppedEntities.set(id, id.slice(0, id.indexOf(":")));
    for (const key of removal.removedRelations) droppedRelations.set(key, key.slice(0, key.indexOf("|")));
  }
  for (const doc of [...plan.added, ...plan.replaced]) state.addDocument(doc);
  // Indexed loops: for…of allocates an iterator result per step until optimised.
  const entities = facts.entities;
  for (let i = 0; i < entities.length; i++) {
    const row = entities[i]!;
    const change = state.addEntity(row);
    if (change === "created" && droppedEntities.size > 0 && droppedEntities.delete(row.id))
      bump(summary.entities.updated, row.label);
    else if (change !== "unchanged") bump(summary.entities[change], row.label);
  }
  // Both ends of every relation are among facts.entities (its documents are theirs).
  const relations = facts.relations;
  for (let i = 0; i < relations.length; i++) {
    const row = relations[i]!;
    const change = state.addRelation(row);
    summary.evidence.added += row.evidence.length;
    if (change === "created" && droppedRelations.size > 0 && droppedRelations.delete(row.key))
      bump(summary.relations.updated, row.type);
    else if (change !== "unchanged") bump(summary.relations[change], row.type);
  }
  for (const label of droppedEntities.values()) bump(summary.entities.removed!, label);
  for (const type of droppedRelations.values()) bump(summary.relations.removed!, type);
  return summary;
}
