// GraphML for yEd, Gephi and NetworkX. graphology-graphml only parses, so this
// writes it: one <key> per attribute, lists and objects as JSON strings, evidence
// summarised (count and first sentence) so that the file stays readable.
import type { Extraction } from "../../types.js";
import { relationKey } from "../../ids.js";

const escape = (s: string) =>
  s
    .replace(
      /[&<>"']/g,
      (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!,
    )
    // XML 1.0 forbids most control characters even escaped.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");

const NODE_KEYS = [
  ["label", "string"],
  ["name", "string"],
  ["aliases", "string"],
  ["properties", "string"],
  ["documentCount", "int"],
  ["degree", "int"],
  ["pagerank", "double"],
  ["community", "int"],
] as const;
const EDGE_KEYS = [
  ["type", "string"],
  ["properties", "string"],
  ["evidenceCount", "int"],
  ["evidence", "string"],
] as const;

export interface NodeExtras {
  documentCount?: number;
  degree?: number;
  pagerank?: number;
  community?: number;
}

export function* writeGraphML(
  extraction: Extraction,
  extras: Map<string, NodeExtras> = new Map(),
): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n';
  for (const [name, type] of NODE_KEYS)
    yield `  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>\n`;
  for (const [name, type] of EDGE_KEYS)
    yield `  <key id="e_${name}" for="edge" attr.name="${name}" attr.type="${type}"/>\n`;
  yield '  <graph id="policygraph" edgedefault="directed">\n';
  const data = (key: string, value: unknown) =>
    value === undefined || value === null ? "" : `<data key="${key}">${escape(String(value))}</data>`;
  for (const e of extraction.entities) {
    const x = extras.get(e.id) ?? {};
    yield `    <node id="${escape(e.id)}">${data("n_label", e.label)}${data("n_name", e.name)}${data("n_aliases", JSON.stringify(e.aliases))}${data("n_properties", JSON.stringify(e.properties))}${data("n_documentCount", x.documentCount)}${data("n_degree", x.degree)}${data("n_pagerank", x.pagerank)}${data("n_community", x.community)}</node>\n`;
  }
  for (const r of extraction.relations) {
    const key = relationKey(r.type, r.source, r.target);
    yield `    <edge id="${escape(key)}" source="${escape(r.source)}" target="${escape(r.target)}">${data("e_type", r.type)}${data("e_properties", JSON.stringify(r.properties))}${data("e_evidenceCount", r.evidence.length)}${data("e_evidence", JSON.stringify(r.evidence))}</edge>\n`;
  }
  yield "  </graph>\n</graphml>\n";
}
