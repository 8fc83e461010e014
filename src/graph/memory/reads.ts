// Read paths of the embedded store, as pure functions over GraphState: turning
// the compact stored form back into interchange records, and the indexed queries
// (names, search, announcements, zone industries, bounded shortest paths).
import { normaliseName } from "../../ids.js";
import type { Evidence, Mention, NodeLabel, RelationType } from "../../types.js";
import type {
  Announcement,
  AnnouncementQuery,
  Neighbour,
  Page,
  PageResult,
  PathResult,
  RelationQuery,
  StoredEntity,
  StoredRelation,
  ZoneIndustryLink,
  ZoneIndustryQuery,
} from "../store.js";
import { cmp, compareEvidence, compareMentions } from "../prepare.js";
import { perVersion, rememberEntity } from "./records.js";
import type { GraphState } from "./state.js";
import { EVIDENCE_WIDTH, MENTION_WIDTH } from "./state.js";

/** The record of entity `id` (shared and frozen: see records.ts), or null. */
export function entityOf(state: GraphState, id: string): StoredEntity | null {
  return rememberEntity(state, id, decodeEntity);
}

function decodeEntity(state: GraphState, id: string): StoredEntity | null {
  if (!state.graph.hasNode(id)) return null;
  const a = state.graph.getNodeAttributes(id);
  const entity: StoredEntity = {
    id,
    label: a.label,
    name: a.name,
    aliases: a.aliases.length < 2 ? a.aliases.slice() : [...a.aliases].sort(cmp),
    properties: { ...a.properties },
    documentCount: a.docs.length,
  };
  if (a.degree !== undefined) entity.degree = a.degree;
  if (a.pagerank !== undefined) entity.pagerank = a.pagerank;
  if (a.community !== undefined) entity.community = a.community;
  return entity;
}

export function mentionsOfNode(state: GraphState, id: string): Mention[] {
  const flat = state.graph.getNodeAttributes(id).mentions;
  const s = state.strings;
  const out: Mention[] = [];
  for (let i = 0; i < flat.length; i += MENTION_WIDTH)
    out.push({
      documentId: s.get(flat[i]!),
      start: flat[i + 1]!,
      end: flat[i + 2]!,
      text: s.get(flat[i + 3]!),
    });
  return out.sort(compareMentions);
}

function evidenceOf(state: GraphState, ev: readonly number[], length: number): Evidence[] {
  const s = state.strings;
  const evidence: Evidence[] = [];
  for (let i = 0; i < length; i += EVIDENCE_WIDTH)
    evidence.push({
      documentId: s.get(ev[i]!),
      sentence: s.get(ev[i + 1]!),
      start: ev[i + 2]!,
      end: ev[i + 3]!,
      rule: s.get(ev[i + 4]!),
    });
  return evidence.sort(compareEvidence);
}

/**
 * `lazy`: evidence is decoded when first read (an own enumerable getter), for
 * pages whose callers may not show it (most GraphQL queries do not select it). It
 * reads the tuples as they are now: ingestion only appends to that array or
 * replaces it, never rewrites it. The getter is written in the object literal:
 * Object.defineProperty on each record costs several times the whole record.
 */
export function relationOf(state: GraphState, key: string, lazy = false): StoredRelation {
  const g = state.graph;
  const a = g.getEdgeAttributes(key);
  const [source, target] = g.extremities(key);
  const ev = a.ev;
  const length = ev.length;
  if (!lazy) {
    return {
      key,
      type: a.type,
      source,
      target,
      properties: { ...a.properties },
      evidence: evidenceOf(state, ev, length),
    };
  }
  let decoded: Evidence[] | undefined;
  return {
    key,
    type: a.type,
    source,
    target,
    properties: { ...a.properties },
    get evidence(): Evidence[] {
      return (decoded ??= evidenceOf(state, ev, length));
    },
    set evidence(value: Evidence[]) {
      decoded = value;
    },
  };
}

export function findByName(state: GraphState, name: string, label?: NodeLabel): StoredEntity[] {
  const ids = state.names.get(normaliseName(name));
  return ids
    .map((id) => entityOf(state, id)!)
    .filter((e) => !label || e.label === label)
    .sort(byProminence);
}

function byProminence(a: StoredEntity, b: StoredEntity): number {
  return b.documentCount - a.documentCount || cmp(a.id, b.id);
}

/** Exact name or alias first, then prefix, then substring; ties by document count. */
export function search(state: GraphState, text: string, labels: NodeLabel[] | undefined): StoredEntity[] {
  const q = normaliseName(text);
  if (q === "") return [];
  const wanted = labels?.length ? new Set<string>(labels) : null;
  const rank = state.names.rank((name) =>
    name === q ? 0 : name.startsWith(q) ? 1 : name.includes(q) ? 2 : -1,
  );
  const hits: { e: StoredEntity; r: number }[] = [];
  for (const [id, r] of rank) {
    const e = entityOf(state, id)!;
    if (!wanted || wanted.has(e.label)) hits.push({ e, r });
  }
  hits.sort((a, b) => a.r - b.r || byProminence(a.e, b.e) || a.e.name.length - b.e.name.length);
  return hits.map((h) => h.e);
}

export function neighbours(state: GraphState, id: string, query: RelationQuery): Neighbour[] {
  const g = state.graph;
  if (!g.hasNode(id)) return [];
  const types = query.types?.length ? new Set<RelationType>(query.types) : null;
  const dir = query.direction ?? "BOTH";
  const out: Neighbour[] = [];
  const visit = (key: string, direction: "OUT" | "IN", other: string) => {
    if (types && !types.has(g.getEdgeAttribute(key, "type"))) return;
    out.push({ relation: relationOf(state, key, true), direction, other: entityOf(state, other)! });
  };
  if (dir !== "IN") g.forEachOutEdge(id, (key, _a, _s, target) => visit(key, "OUT", target));
  if (dir !== "OUT") g.forEachInEdge(id, (key, _a, source) => visit(key, "IN", source));
  return out.sort((a, b) => cmp(a.relation.type, b.relation.type) || cmp(a.relation.key, b.relation.key));
}

const ANNOUNCING: readonly RelationType[] = ["ISSUED", "ANNOUNCED", "STATED"];

/** The date of an announcement: the relation's, else the announced thing's, else its first document's. */
function announcementDate(state: GraphState, key: string): string | null {
  const g = state.graph;
  const a = g.getEdgeAttributes(key);
  const own = a.properties.date ?? g.getNodeAttribute(g.target(key), "properties").date;
  if (typeof own === "string") return own;
  let best: string | null = null;
  for (let i = 0; i < a.ev.length; i += EVIDENCE_WIDTH) {
    const date = state.documents.get(state.strings.get(a.ev[i]!))?.date ?? null;
    if (date && (!best || date < best)) best = date;
  }
  return best;
}

interface Dated {
  key: string;
  date: string | null;
}

const byDateDesc = (a: Dated, b: Dated) => cmp(b.date ?? "", a.date ?? "") || cmp(a.key, b.key);

/**
 * Sorted key lists per query, kept until the graph changes (least recently used
 * dropped past CACHE_SIZE): a server answering the same hub query from many clients
 * sorts once and then only builds the requested page.
 */
const sortedLists = perVersion(() => new Map<string, unknown[]>());
const CACHE_SIZE = 1024;

function cached<T>(state: GraphState, name: string, build: () => T[]): T[] {
  const lists = sortedLists(state);
  let list = lists.get(name) as T[] | undefined;
  if (list) lists.delete(name);
  else list = build();
  lists.set(name, list);
  if (lists.size > CACHE_SIZE) lists.delete(lists.keys().next().value!);
  return list;
}

function page<T, R>(all: readonly T[], p: Page, make: (item: T) => R): PageResult<R> {
  return { items: all.slice(p.offset, p.offset + p.limit).map(make), totalCount: all.length };
}

/**
 * Keys and dates are gathered and sorted first; only the requested page is turned
 * into records (a speaker with thousands of statements costs a sort of small
 * objects, not thousands of evidence lists).
 */
export function announcements(
  state: GraphState,
  query: AnnouncementQuery,
  p: Page,
): PageResult<Announcement> {
  const g = state.graph;
  let dated: Dated[];
  const filtered = !!(query.by?.length || query.about?.length || query.since || query.until);
  if (!filtered) {
    dated = cached(state, "announcements", () =>
      ANNOUNCING.flatMap((t) =>
        state.edgesOfType(t).map((key) => ({ key, date: announcementDate(state, key) })),
      ).sort(byDateDesc),
    );
  } else
    dated = cached(state, `announcements ${JSON.stringify(query)}`, () =>
      filteredAnnouncements(state, query),
    );
  return page(dated, p, ({ key, date }) => ({
    kind: g.getEdgeAttribute(key, "type") as Announcement["kind"],
    speaker: entityOf(state, g.source(key))!,
    what: entityOf(state, g.target(key))!,
    date,
    relation: relationOf(state, key, true),
  }));
}

function filteredAnnouncements(state: GraphState, query: AnnouncementQuery): Dated[] {
  const g = state.graph;
  let keys: Iterable<string>;
  if (query.by?.length) {
    const set = new Set<string>();
    for (const id of query.by)
      if (g.hasNode(id))
        g.forEachOutEdge(id, (key, a) => {
          if (ANNOUNCING.includes(a.type)) set.add(key);
        });
    keys = set;
  } else keys = ANNOUNCING.flatMap((t) => state.edgesOfType(t));
  let whats: Set<string> | null = null;
  if (query.about?.length) {
    // "About X": the announced thing is X, or links to X (FOCUSES_ON an industry, a
    // statement that MENTIONS it, a policy ISSUED for a zone …), in either direction.
    whats = new Set<string>();
    for (const id of query.about)
      if (g.hasNode(id)) {
        whats.add(id);
        g.forEachNeighbor(id, (n) => whats!.add(n));
      }
  }
  const dated: Dated[] = [];
  for (const key of keys) {
    if (whats && !whats.has(g.target(key))) continue;
    const date = announcementDate(state, key);
    if (query.since && (!date || date < query.since)) continue;
    if (query.until && (!date || date.slice(0, query.until.length) > query.until)) continue;
    dated.push({ key, date });
  }
  return dated.sort(byDateDesc);
}

interface Weighted {
  key: string;
  evidence: number;
}

const byEvidenceDesc = (a: Weighted, b: Weighted) => b.evidence - a.evidence || cmp(a.key, b.key);

export function zoneIndustries(
  state: GraphState,
  query: ZoneIndustryQuery,
  p: Page,
): PageResult<ZoneIndustryLink> {
  const g = state.graph;
  const weigh = (key: string): Weighted => ({
    key,
    evidence: g.getEdgeAttributes(key).ev.length / EVIDENCE_WIDTH,
  });
  const zoneEdge = (key: string, type: RelationType, source: string) =>
    type === "FOCUSES_ON" && g.getNodeAttribute(source, "label") === "Zone";
  let list: Weighted[];
  if (!query.zones?.length && !query.industries?.length) {
    list = cached(state, "zoneIndustries", () =>
      state
        .edgesOfType("FOCUSES_ON")
        .filter((k) => g.getNodeAttribute(g.source(k), "label") === "Zone")
        .map(weigh)
        .sort(byEvidenceDesc),
    );
  } else
    list = cached(state, `zoneIndustries ${JSON.stringify(query)}`, () => {
      const keys = new Set<string>();
      if (query.zones?.length) {
        for (const z of query.zones)
          if (g.hasNode(z)) g.forEachOutEdge(z, (k, a, s) => zoneEdge(k, a.type, s) && keys.add(k));
      } else {
        for (const i of query.industries!)
          if (g.hasNode(i)) g.forEachInEdge(i, (k, a, s) => zoneEdge(k, a.type, s) && keys.add(k));
      }
      const industries = query.industries?.length ? new Set(query.industries) : null;
      return [...keys]
        .filter((k) => !industries || industries.has(g.target(k)))
        .map(weigh)
        .sort(byEvidenceDesc);
    });
  return page(list, p, (w) => {
    // Ends added to the lazy record (spreading it would decode its evidence).
    const link = relationOf(state, w.key, true) as ZoneIndustryLink;
    link.zone = entityOf(state, link.source)!;
    link.industry = entityOf(state, link.target)!;
    return link;
  });
}

/**
 * Fewest hops between two entities, ignoring direction, never longer than maxHops:
 * a bidirectional breadth-first search that stops at the bound instead of
 * exploring the whole graph.
 */
export function shortestPath(
  state: GraphState,
  from: string,
  to: string,
  maxHops: number,
): PathResult | null {
  const g = state.graph;
  if (!g.hasNode(from) || !g.hasNode(to)) return null;
  if (from === to) return { nodes: [entityOf(state, from)!], relations: [] };
  const prevF = new Map<string, string | null>([[from, null]]);
  const prevB = new Map<string, string | null>([[to, null]]);
  let frontF = [from];
  let frontB = [to];
  let meet: string | null = null;
  for (let hops = 0; hops < maxHops && !meet && frontF.length && frontB.length; hops++) {
    const forward = frontF.length <= frontB.length;
    const [front, seen, other] = forward ? [frontF, prevF, prevB] : [frontB, prevB, prevF];
    const next: string[] = [];
    for (const node of front) {
      for (const n of g.neighbors(node)) {
        if (seen.has(n)) continue;
        seen.set(n, node);
        if (other.has(n)) {
          meet = n;
          break;
        }
        next.push(n);
      }
      if (meet) break;
    }
    if (forward) frontF = next;
    else frontB = next;
  }
  if (!meet) return null;
  const path: string[] = [];
  for (let n: string | null = meet; n !== null; n = prevF.get(n) ?? null) path.unshift(n);
  for (let n = prevB.get(meet) ?? null; n !== null; n = prevB.get(n) ?? null) path.push(n);
  const relations: StoredRelation[] = [];
  for (let i = 0; i + 1 < path.length; i++) {
    const [a, b] = [path[i]!, path[i + 1]!];
    const key = [...g.edges(a, b), ...g.edges(b, a)].sort(cmp)[0]!;
    relations.push(relationOf(state, key));
  }
  return { nodes: path.map((id) => entityOf(state, id)!), relations };
}

interface NeighbourRef {
  key: string;
  type: RelationType;
  direction: "OUT" | "IN";
  other: string;
  name: string;
}

/** The order both stores page neighbours in (see GraphStore.neighbourPages). */
const byNeighbourOrder = (a: NeighbourRef, b: NeighbourRef) =>
  cmp(a.type, b.type) || cmp(a.name, b.name) || cmp(a.other, b.other) || cmp(a.direction, b.direction);

/** Below this degree sorting is cheaper than a cache entry. */
const CACHED_DEGREE = 64;

function neighbourRefs(state: GraphState, id: string, query: RelationQuery): NeighbourRef[] {
  const g = state.graph;
  const types = query.types?.length ? new Set<RelationType>(query.types) : null;
  const dir = query.direction ?? "BOTH";
  const refs: NeighbourRef[] = [];
  const visit = (key: string, type: RelationType, direction: "OUT" | "IN", other: string) => {
    if (!types || types.has(type))
      refs.push({ key, type, direction, other, name: g.getNodeAttribute(other, "name") });
  };
  if (dir !== "IN") g.forEachOutEdge(id, (key, a, _s, target) => visit(key, a.type, "OUT", target));
  if (dir !== "OUT") g.forEachInEdge(id, (key, a, source) => visit(key, a.type, "IN", source));
  return refs.sort(byNeighbourOrder);
}

/**
 * One page of an entity's neighbours. A hub's sorted list of edge references is
 * kept until the graph changes, so a request costs the page it shows, not a sort
 * of thousands of relations.
 */
export function neighbourPage(
  state: GraphState,
  id: string,
  query: RelationQuery,
  p: Page,
): PageResult<Neighbour> {
  const g = state.graph;
  if (!g.hasNode(id)) return { items: [], totalCount: 0 };
  const refs =
    g.degree(id) < CACHED_DEGREE
      ? neighbourRefs(state, id, query)
      : cached(
          state,
          `neighbours ${id}\u0000${query.direction ?? "BOTH"}\u0000${[...new Set(query.types ?? [])].sort().join(",")}`,
          () => neighbourRefs(state, id, query),
        );
  return page(refs, p, (r) => ({
    relation: relationOf(state, r.key, true),
    direction: r.direction,
    other: entityOf(state, r.other)!,
  }));
}
