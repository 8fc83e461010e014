// A small, hand-written policy graph for the explorer's browser tests: two
// news items, the agencies, officials, zones and industries they name, and
// evidence sentences for every relation. Built in code so ids follow src/ids.ts.
import { entityId } from "../../src/ids.js";
import type { EntityRecord, Extraction, NodeLabel, RelationRecord, RelationType } from "../../src/types.js";

interface Doc {
  id: string;
  title: string;
  date: string;
  text: string;
}

const DOCS: Doc[] = [
  {
    id: "web-fixture-1.txt#0",
    title: "工信部印发《新材料中试平台建设指南(2024—2027年)》",
    date: "2024-10-15",
    text:
      "近日，工业和信息化部、国家发展改革委联合印发《新材料中试平台建设指南(2024—2027年)》。" +
      "工业和信息化部副部长王江平表示，下一步，工信部将加快推动新材料中试平台建设。" +
      "工信部启动“人工智能赋能新型工业化”专项行动。",
  },
  {
    id: "web-fixture-2.txt#0",
    title: "国家高新区人工智能产业协同创新网络成立",
    date: "2024-05-20",
    text:
      "武汉东湖高新区集聚了1.6万家光电子信息企业，人工智能产业规模突破500亿元。" +
      "中关村示范区重点发展人工智能和集成电路产业。" +
      "南京高新区聚焦人工智能，苏州工业园区发展纳米新材料产业。" +
      "武汉东湖高新区位于武汉市。北方华创位于中关村示范区。" +
      "苏州工业园区与南京高新区共同成立国家高新区人工智能产业协同创新网络。",
  },
];

const entities = new Map<string, EntityRecord>();
const relations: RelationRecord[] = [];

function entity(label: NodeLabel, name: string, aliases: string[] = []): string {
  const id = entityId(label, name);
  if (!entities.has(id)) {
    const mentions = DOCS.flatMap((doc) =>
      [name, ...aliases]
        .map((surface) => ({ surface, at: doc.text.indexOf(surface) }))
        .filter(({ at }) => at >= 0)
        .map(({ surface, at }) => ({
          documentId: doc.id,
          start: at,
          end: at + surface.length,
          text: surface,
        })),
    );
    entities.set(id, { id, label, name, aliases, properties: {}, mentions });
  }
  return id;
}

function relate(
  type: RelationType,
  source: string,
  target: string,
  cue: string,
  properties: RelationRecord["properties"] = {},
): void {
  const doc = DOCS.find((d) => d.text.includes(cue));
  if (!doc) throw new Error(`fixture: no document says “${cue}”`);
  const sentences = doc.text.split(/(?<=[。！？])/);
  const sentence = sentences.find((s) => s.includes(cue)) ?? cue;
  const start = doc.text.indexOf(sentence);
  relations.push({
    type,
    source,
    target,
    properties,
    evidence: [
      {
        documentId: doc.id,
        sentence,
        start,
        end: start + sentence.length,
        rule: `fixture.${type.toLowerCase()}`,
      },
    ],
  });
}

const miit = entity("Agency", "工业和信息化部", ["工信部"]);
const ndrc = entity("Agency", "国家发展改革委", ["国家发改委"]);
const wang = entity("Person", "王江平");
const guide = entity("Policy", "新材料中试平台建设指南(2024—2027年)", ["建设指南"]);
const statement = entity("Statement", "下一步，工信部将加快推动新材料中试平台建设");
const action = entity("Program", "“人工智能赋能新型工业化”专项行动");
const ai = entity("Industry", "人工智能");
const optics = entity("Industry", "光电子信息");
const ic = entity("Industry", "集成电路");
const nano = entity("Industry", "纳米新材料");
const materials = entity("Industry", "新材料");
const donghu = entity("Zone", "武汉东湖高新区", ["东湖高新区", "光谷"]);
const zgc = entity("Zone", "中关村国家自主创新示范区", ["中关村示范区"]);
const nanjing = entity("Zone", "南京高新区");
const suzhou = entity("Zone", "苏州工业园区");
const wuhan = entity("Region", "武汉市", ["武汉"]);
const network = entity("Program", "国家高新区人工智能产业协同创新网络");
const naura = entity("Enterprise", "北方华创科技集团股份有限公司", ["北方华创"]);

entities.get(statement)!.properties = { date: "2024-10-15" };

relate("ISSUED", miit, guide, "联合印发", { date: "2024-10-15" });
relate("ISSUED", ndrc, guide, "联合印发", { date: "2024-10-15" });
relate("HOLDS_POSITION", wang, miit, "副部长王江平", { title: "副部长" });
relate("STATED", wang, statement, "王江平表示");
relate("ANNOUNCED", miit, action, "启动");
relate("FOCUSES_ON", guide, materials, "新材料中试平台");
relate("FOCUSES_ON", donghu, optics, "集聚了1.6万家", { metric: "集聚了1.6万家光电子信息企业" });
relate("FOCUSES_ON", donghu, ai, "规模突破500亿元", { metric: "人工智能产业规模突破500亿元" });
relate("FOCUSES_ON", zgc, ai, "中关村示范区重点发展");
relate("FOCUSES_ON", zgc, ic, "集成电路产业");
relate("FOCUSES_ON", nanjing, ai, "南京高新区聚焦人工智能");
relate("FOCUSES_ON", suzhou, nano, "纳米新材料");
relate("LOCATED_IN", donghu, wuhan, "位于武汉市");
relate("LOCATED_IN", naura, zgc, "北方华创位于");
relate("MEMBER_OF", suzhou, network, "共同成立");
relate("MEMBER_OF", nanjing, network, "共同成立");
relate("FOCUSES_ON", network, ai, "共同成立");

export const webFixture: Extraction = {
  documents: DOCS.map((d) => ({
    id: d.id,
    title: d.title,
    date: d.date,
    source: d.id.split("#")[0]!,
    hash: d.id,
  })),
  entities: [...entities.values()],
  relations,
};
