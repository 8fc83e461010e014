// prepareFacts()'s bookkeeping per entity (a holder: its row, the documents seen,
// where its aliases and properties came from) and the per-document contributions
// built from it at the end.
import type { Mention, Properties } from "../types.js";
import { isEmpty } from "./empty.js";
import type { Contribution, EntityRow } from "./prepare.js";

/** Aliases and properties of one input record, and the documents they belong to ("row": all of the row's). */
export interface PendingContribution {
  docs: string[] | "row";
  aliases: string[];
  properties: Properties;
}

/**
 * Per-document contributions in input order: a document's aliases are unioned, its
 * properties merged (later records win), as the row's own aliases and properties are.
 */
export function contributionsOf(
  pending: PendingContribution[] | undefined,
  rowDocs: string[],
): Contribution[] {
  if (!pending) return [];
  const byDoc = new Map<string, Contribution>();
  for (const p of pending)
    for (const doc of p.docs === "row" ? rowDocs : p.docs) {
      let c = byDoc.get(doc);
      if (!c) byDoc.set(doc, (c = { doc, aliases: [], properties: {} }));
      for (const a of p.aliases) if (!c.aliases.includes(a)) c.aliases.push(a);
      Object.assign(c.properties, p.properties);
    }
  return [...byDoc.values()].filter((c) => c.aliases.length > 0 || !isEmpty(c.properties));
}

export function pend(list: PendingContribution[] | undefined, c: PendingContribution): PendingContribution[] {
  if (list) list.push(c);
  return list ?? [c];
}

export interface Holder {
  /** Its docs are the documents (of this ingest) that contribute the entity, in first-seen order. */
  row: EntityRow;
  /** The document added last (most additions repeat it), and a set once there are many. */
  lastDoc: string | undefined;
  docSet?: Set<string>;
  /** Mentioned anywhere in the extraction (active document or not). */
  mentioned: boolean;
  /** row.mentions is its own array (else empty, or a record's list that must not be pushed into). */
  ownMentions?: boolean;
  /**
   * Mention lists of its records, for the rare relation without evidence: the first
   * alone, the others in a list (a list per entity, grown to 17 slots by its first
   * push, was the largest of prepareFacts' allocations).
   */
  firstRecord?: Mention[];
  records?: Mention[][];
  mentionDocs?: Set<string>;
  pending?: PendingContribution[];
}

/**
 * Add a document to an entity's unless already there (a Set past a few, so hubs stay
 * linear). The first two get arrays of their exact size (row.docs starts as a shared
 * empty one): most entities of an ingest have one or two documents, and an array
 * grows to 17 slots at its first push.
 */
export function addDoc(h: Holder, doc: string): void {
  if (doc === h.lastDoc) return;
  h.lastDoc = doc;
  const docs = h.row.docs;
  if (docs.length === 0) {
    h.row.docs = [doc];
    return;
  }
  if (h.docSet) {
    if (h.docSet.has(doc)) return;
    h.docSet.add(doc);
  } else if (docs.includes(doc)) return;
  else if (docs.length === 1) {
    h.row.docs = [docs[0]!, doc];
    return;
  } else if (docs.length >= 16) h.docSet = new Set(docs).add(doc);
  docs.push(doc);
}

/** Every document that mentions the entity, active or not (computed once, on demand). */
export function mentionDocs(h: Holder): Set<string> {
  if (!h.mentionDocs) {
    h.mentionDocs = new Set();
    for (const m of h.firstRecord ?? []) h.mentionDocs.add(m.documentId);
    for (const list of h.records ?? []) for (const m of list) h.mentionDocs.add(m.documentId);
  }
  return h.mentionDocs;
}
