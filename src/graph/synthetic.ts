// A synthetic Extraction of any size, shaped like real ones (documents that
// mention agencies, zones, enterprises and industries, relations with evidence
// sentences), for measuring ingestion and memory without the extractor.
// Deterministic for a given seed.
import { entityId } from "../ids.js";
import type { EntityRecord, Extraction, NodeLabel, RelationRecord, RelationType } from "../types.js";
import { seededRandom } from "./analytics.js";

const CHARS =
  "华新科技智能光电信息材料集成电路汽车能源生物医药数字经济产业园区高新发展创业投资东西南北中江河山海湖";
const SUFFIX: Record<string, string> = {
  Agency: "局",
  Zone: "高新区",
  Enterprise: "股份有限公司",
  Industry: "",
  Person: "",
  Policy: "实施方案",
  Program: "专项行动",
  Region: "市",
};

export interface SyntheticOptions {
  documents: number;
  relationsPerDocument?: number;
  seed?: number;
  /** Distinct entities per label: larger pools give more distinct relationships. */
  pool?: number;
}

export function syntheticExtraction(options: SyntheticOptions): Extraction {
  const random = seededRandom(options.seed ?? 7);
  const perDoc = options.relationsPerDocument ?? 10;
  const pool = options.pool ?? Math.max(50, options.documents * 2);
  const pick = (n: number) => Math.floor(random() * n);
  // Built with join(), which gives a flat string: names grown with += stay chains of
  // concatenations that a real (JSON-parsed) extraction never has, and would inflate
  // the heap measured for the graph that keeps them.
  const name = (label: NodeLabel, i: number) => {
    const chars: string[] = [];
    for (let k = i + 1; k > 0; k = Math.floor(k / CHARS.length)) chars.push(CHARS[k % CHARS.length]!);
    if (label !== "Person" && chars.length < 3) chars.push("华");
    chars.push(SUFFIX[label] ?? "");
    return chars.join("");
  };
  const shapes: [RelationType, NodeLabel, NodeLabel][] = [
    ["FOCUSES_ON", "Zone", "Industry"],
    ["FOCUSES_ON", "Enterprise", "Industry"],
    ["LOCATED_IN", "Enterprise", "Zone"],
    ["LOCATED_IN", "Zone", "Region"],
    ["ISSUED", "Agency", "Policy"],
    ["ANNOUNCED", "Agency", "Program"],
    ["HOLDS_POSITION", "Person", "Enterprise"],
    ["MEMBER_OF", "Enterprise", "Program"],
    ["VISITED", "Person", "Zone"],
  ];
  const poolOf = (label: NodeLabel) => (label === "Industry" ? 300 : label === "Region" ? 400 : pool);
  const entities = new Map<string, EntityRecord>();
  const entity = (label: NodeLabel, i: number, documentId: string, at: number) => {
    const n = name(label, i);
    const id = entityId(label, n);
    let e = entities.get(id);
    if (!e) entities.set(id, (e = { id, label, name: n, aliases: [], properties: {}, mentions: [] }));
    e.mentions.push({ documentId, start: at, end: at + n.length, text: n });
    return id;
  };
  const documents: Extraction["documents"] = [];
  const relations: RelationRecord[] = [];
  for (let d = 0; d < options.documents; d++) {
    const documentId = `synthetic_${String(d).padStart(6, "0")}.txt#0`;
    documents.push({
      id: documentId,
      title: `合成新闻${d}`,
      date: `2024-${String((d % 12) + 1).padStart(2, "0")}-${String((d % 28) + 1).padStart(2, "0")}`,
      source: `synthetic_${d}.txt`,
      hash: `h${d}`,
    });
    for (let r = 0; r < perDoc; r++) {
      const [type, from, to] = shapes[pick(shapes.length)]!;
      const at = r * 60;
      const source = entity(from, pick(poolOf(from)), documentId, at);
      const target = entity(to, pick(poolOf(to)), documentId, at + 20);
      // join() makes a flat string, as JSON.parse does for real extractions; a template
      // literal leaves a tree of concatenation objects behind each stored sentence,
      // which would inflate the heap figures measured on this graph.
      const sentence = [
        entities.get(source)!.name,
        "与",
        entities.get(target)!.name,
        "相关的第",
        d,
        "篇第",
        r,
        "句新闻内容。",
      ].join("");
      relations.push({
        type,
        source,
        target,
        properties: type === "HOLDS_POSITION" ? { title: "董事长" } : {},
        evidence: [
          {
            documentId,
            sentence,
            start: at,
            end: at + sentence.length,
            rule: `synthetic.${type.toLowerCase()}`,
          },
        ],
      });
    }
  }
  return { documents, entities: [...entities.values()], relations };
}

/** Characters of text an extraction stands for (the sentences and titles it carries). */
export function extractionTextSize(extraction: Extraction): number {
  let n = 0;
  for (const d of extraction.documents) n += d.title.length;
  for (const r of extraction.relations) for (const e of r.evidence) n += e.sentence.length;
  return n;
}
