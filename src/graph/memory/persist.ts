// The embedded store's file: versioned NDJSON (one record a line, so a million
// relationships never build one giant string), strings compacted to those still
// referenced, and an end marker so that a truncated file is refused rather than
// half-loaded. Saving writes a temporary file, fsyncs it and renames it over the
// old one: a crash at any moment leaves either the old graph or the new one.
import { createReadStream } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import type { DocumentRecord } from "../../types.js";
import { GraphStoreError } from "../store.js";
import type { EdgeAttrs, NodeAttrs } from "./state.js";
import { edgeDocList, EVIDENCE_WIDTH, GraphState, LEGACY, MENTION_WIDTH } from "./state.js";

export const FORMAT = "policygraph-embedded";
export const FORMAT_VERSION = 2;
const CHUNK = 1 << 20;
/** Which slots of a mention / evidence tuple hold interned strings. */
const MENTION_STRINGS = [0, 3] as const;
const EVIDENCE_STRINGS = [0, 1, 4] as const;

type Line =
  | { t: "header"; format: string; version: number }
  | { t: "s"; v: string[] }
  | { t: "d"; v: DocumentRecord }
  | { t: "n"; k: string; a: NodeAttrs }
  | { t: "e"; k: string; s: string; g: string; a: EdgeAttrs }
  | { t: "end"; nodes: number; edges: number };

/** Every line of the file, strings renumbered to the ones still in use. */
export function* serialise(state: GraphState): Generator<string> {
  const { graph, strings } = state;
  // Pass 1 numbers the strings still referenced; pass 2 streams the records.
  const remap = new Int32Array(strings.size).fill(-1);
  const kept: string[] = [];
  const use = (i: number): number => {
    if (remap[i] === -1) {
      remap[i] = kept.length;
      kept.push(strings.get(i));
    }
    return remap[i]!;
  };
  const markTuples = (flat: number[], width: number, slots: readonly number[]): void => {
    for (let i = 0; i < flat.length; i += width) for (const j of slots) use(flat[i + j]!);
  };
  for (const id of state.documents.keys()) use(strings.intern(id));
  graph.forEachNode((_k, a) => {
    a.docs.forEach(use);
    markTuples(a.mentions, MENTION_WIDTH, MENTION_STRINGS);
    a.prov?.forEach((p) => p.d !== LEGACY && use(p.d));
  });
  graph.forEachEdge((_k, a) => {
    edgeDocList(a.docs).forEach(use);
    markTuples(a.ev, EVIDENCE_WIDTH, EVIDENCE_STRINGS);
    a.prov?.forEach((p) => p.d !== LEGACY && use(p.d));
  });
  const map = (i: number): number => remap[i]!;
  const mapProv = <P extends { d: number }>(prov: P[] | undefined) =>
    prov?.map((p) => ({ ...p, d: p.d === LEGACY ? LEGACY : remap[p.d]! }));
  const mapTuples = (flat: number[], width: number, slots: readonly number[]): number[] =>
    flat.map((v, i) => (slots.includes(i % width) ? remap[v]! : v));

  yield JSON.stringify({ t: "header", format: FORMAT, version: FORMAT_VERSION });
  for (let i = 0; i < kept.length; i += 10_000)
    yield JSON.stringify({ t: "s", v: kept.slice(i, i + 10_000) });
  for (const doc of state.documents.values()) yield JSON.stringify({ t: "d", v: doc });
  for (const { node: k, attributes: a } of graph.nodeEntries()) {
    const attrs: NodeAttrs = {
      ...a,
      docs: a.docs.map(map),
      mentions: mapTuples(a.mentions, MENTION_WIDTH, MENTION_STRINGS),
    };
    if (a.prov) attrs.prov = mapProv(a.prov)!;
    yield JSON.stringify({ t: "n", k, a: attrs });
  }
  for (const { edge: k, attributes: a, source: s, target: g } of graph.edgeEntries()) {
    const attrs: EdgeAttrs = {
      ...a,
      docs: edgeDocList(a.docs).map(map),
      ev: mapTuples(a.ev, EVIDENCE_WIDTH, EVIDENCE_STRINGS),
    };
    if (a.prov) attrs.prov = mapProv(a.prov)!;
    yield JSON.stringify({ t: "e", k, s, g, a: attrs });
  }
  yield JSON.stringify({ t: "end", nodes: graph.order, edges: graph.size });
}

/** Write atomically: temp file in the same folder, fsync, rename, fsync the folder. */
export async function saveState(state: GraphState, file: string): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  await mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const fh = await open(tmp, "w", 0o644);
  try {
    let buffer = "";
    for (const line of serialise(state)) {
      buffer += line + "\n";
      if (buffer.length >= CHUNK) {
        await fh.write(buffer);
        buffer = "";
      }
    }
    if (buffer) await fh.write(buffer);
    await fh.sync();
  } catch (err) {
    await fh.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw err;
  }
  await fh.close();
  await rename(tmp, file);
  const dh = await open(dir, "r").catch(() => null);
  if (dh)
    await dh
      .sync()
      .catch(() => undefined)
      .finally(() => dh.close());
}

/** Reads lines into a fresh state; `done()` checks the end marker was seen. */
class StateReader {
  readonly state = new GraphState();
  private lineNo = 0;
  private ended = false;
  constructor(private readonly where: string) {}

  private fail(why: string): never {
    throw new GraphStoreError("CORRUPT_STORE", `${this.where}: ${why}`);
  }

  read(text: string): void {
    this.lineNo++;
    if (text === "") return;
    if (this.ended) this.fail(`data after the end marker (line ${this.lineNo})`);
    let line: Line;
    try {
      line = JSON.parse(text) as Line;
    } catch {
      this.fail(`line ${this.lineNo} is not JSON (truncated or not a PolicyGraph store)`);
    }
    const state = this.state;
    if (this.lineNo === 1) {
      if (line.t !== "header" || line.format !== FORMAT) this.fail("not a PolicyGraph embedded store");
      if (line.version > FORMAT_VERSION)
        this.fail(`format version ${line.version} is newer than this program reads (${FORMAT_VERSION})`);
      return;
    }
    switch (line.t) {
      case "s":
        for (const s of line.v) state.strings.intern(s);
        break;
      case "d":
        state.documents.set(line.v.id, line.v);
        break;
      case "n":
        state.restoreNode(line.k, line.a);
        break;
      case "e":
        state.restoreEdge(line.k, line.s, line.g, line.a);
        break;
      case "end":
        if (line.nodes !== state.graph.order || line.edges !== state.graph.size)
          this.fail("node or edge count mismatch");
        this.ended = true;
        break;
      default:
        this.fail(`unknown record on line ${this.lineNo}`);
    }
  }

  done(): GraphState {
    if (this.lineNo === 0) this.fail("empty file");
    if (!this.ended) this.fail("no end marker (truncated file)");
    return this.state;
  }
}

export async function loadState(file: string): Promise<GraphState> {
  const reader = new StateReader(file);
  const lines = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  for await (const text of lines) reader.read(text);
  return reader.done();
}

/** A deep copy through the file format (used by dry runs, which must not touch the real graph). */
export function cloneState(state: GraphState): GraphState {
  const reader = new StateReader("(copy)");
  for (const line of serialise(state)) reader.read(line);
  return reader.done();
}
