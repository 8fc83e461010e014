// The contract every GraphStore implements, run against each store by its own
// test file (memory.test.ts, neo4j.neo4j.test.ts). Fixtures are hand-written
// extractions in tests/fixtures/graph/, independent of the extractor.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { entityId, relationKey } from "../../src/ids.js";
import type { GraphStore } from "../../src/graph/store.js";
import type { Extraction } from "../../src/types.js";

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/graph");
export function fixture(name: "base" | "third" | "changed-news2"): Extraction {
  return JSON.parse(readFileSync(path.join(fixtures, `${name}.json`), "utf8")) as Extraction;
}

export const ids = {
  miit: entityId("Agency", "工业和信息化部"),
  policy: entityId("Policy", "新材料中试平台建设指南(2024—2027年)"),
  wang: entityId("Person", "王江平"),
  statement: entityId("Statement", "下一步，工信部将推动新材料产业发展"),
  newMaterials: entityId("Industry", "新材料"),
  donghu: entityId("Zone", "武汉东湖高新区"),
  wuhan: entityId("Region", "武汉市"),
  optoelectronics: entityId("Industry", "光电子信息"),
  ai: entityId("Industry", "人工智能"),
  ic: entityId("Industry", "集成电路"),
  network: entityId("Program", "国家高新区人工智能产业协同创新网络"),
  suzhou: entityId("Zone", "苏州工业园区"),
};

const all = { limit: 100, offset: 0 };

/**
 * One document of a pair that both mention a company, its chairman and a policy.
 * `rich`: this version also gives the company's stock code, the chairman's title
 * and the sentence saying the agency issued the policy.
 */
function provenance(hash: string, rich: boolean, doc = "news-a.txt#0", date = "2024-01-01"): Extraction {
  const company = "甲科技股份有限公司";
  const person = "张三";
  const agency = "乙市发展改革委";
  const policy = "乙市促进人工智能产业发展若干措施";
  const sentence = (text: string, start: number) => ({
    documentId: doc,
    sentence: text,
    start,
    end: start + text.length,
  });
  const mention = (text: string, start: number) => ({
    documentId: doc,
    start,
    end: start + text.length,
    text,
  });
  return {
    documents: [{ id: doc, title: `${company}新闻`, date, source: doc.split("#")[0]!, hash }],
    entities: [
      {
        id: "c",
        label: "Enterprise",
        name: company,
        aliases: [],
        properties: rich ? { stockCode: "600000" } : {},
        mentions: [mention(company, 0)],
      },
      {
        id: "p",
        label: "Person",
        name: person,
        aliases: [],
        properties: {},
        mentions: [mention(person, 12)],
      },
      {
        id: "a",
        label: "Agency",
        name: agency,
        aliases: [],
        properties: {},
        mentions: [mention(agency, 30)],
      },
      {
        id: "y",
        label: "Policy",
        name: policy,
        aliases: [],
        properties: {},
        mentions: [mention(policy, 40)],
      },
    ],
    relations: [
      {
        type: "HOLDS_POSITION",
        source: "p",
        target: "c",
        properties: rich ? { title: "董事长" } : {},
        evidence: [{ ...sentence(`${company}董事长${person}表示`, 0), rule: "position.title-name" }],
      },
      ...(rich || doc !== "news-a.txt#0"
        ? [
            {
              type: "ISSUED" as const,
              source: "a",
              target: "y",
              properties: {},
              evidence: [{ ...sentence(`${agency}印发《${policy}》`, 30), rule: "issued.yinfa" }],
            },
          ]
        : []),
    ],
  };
}

/** Facts one document contributed, as seen through exportAll(). */
function factsOf(extraction: Extraction, documentId: string) {
  return {
    mentions: extraction.entities.flatMap((e) =>
      e.mentions.filter((m) => m.documentId === documentId).map((m) => ({ id: e.id, ...m })),
    ),
    evidence: extraction.relations.flatMap((r) =>
      r.evidence
        .filter((ev) => ev.documentId === documentId)
        .map((ev) => ({ key: relationKey(r.type, r.source, r.target), ...ev })),
    ),
  };
}

/**
 * A hub industry with neighbours whose names order differently by code unit than
 * by locale ("Beta" before "alpha"), two ends that share a name (told apart by id)
 * and one end linked both ways (told apart by direction).
 */
function hubGraph(doc: string, hash: string, firms: string[]): Extraction {
  const hub = entityId("Industry", "枢纽产业");
  const mention = (text: string) => ({ documentId: doc, start: 0, end: text.length, text });
  const entity = (label: "Industry" | "Enterprise" | "Zone" | "Program", name: string) => ({
    id: entityId(label, name),
    label,
    name,
    aliases: [],
    properties: {},
    mentions: [mention(name)],
  });
  const relation = (type: "FOCUSES_ON" | "MEMBER_OF", source: string, target: string) => ({
    type,
    source,
    target,
    properties: {},
    evidence: [{ documentId: doc, sentence: "句子。", start: 0, end: 3, rule: "test.hub" }],
  });
  const ends = [...firms.map((f) => entity("Enterprise", f)), entity("Zone", "同名")];
  const program = entity("Program", "双向计划");
  return {
    documents: [{ id: doc, title: "枢纽", date: "2024-05-01", source: doc.split("#")[0]!, hash }],
    entities: [entity("Industry", "枢纽产业"), ...ends, program],
    relations: [
      ...ends.map((e) => relation("FOCUSES_ON", e.id, hub)),
      relation("MEMBER_OF", hub, program.id),
      relation("MEMBER_OF", program.id, hub),
    ],
  };
}

export function describeGraphStore(name: string, makeStore: () => Promise<GraphStore>): void {
  describe(`GraphStore contract: ${name}`, () => {
    let store: GraphStore;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it("ingests entities, relations, documents and evidence", async () => {
      const summary = await store.ingest(fixture("base"));
      expect(summary.documents).toEqual({ added: 2, replaced: 0, unchanged: 0 });
      expect(summary.entities.created).toMatchObject({ Agency: 1, Zone: 1, Industry: 3, Statement: 1 });
      const stats = await store.stats();
      expect(stats.documents).toBe(2);
      expect(stats.nodes).toEqual({
        Agency: 1,
        Policy: 1,
        Person: 1,
        Statement: 1,
        Industry: 3,
        Zone: 1,
        Region: 1,
        Program: 1,
      });
      expect(stats.relations).toEqual({
        ISSUED: 1,
        FOCUSES_ON: 4,
        HOLDS_POSITION: 1,
        STATED: 1,
        MENTIONS: 1,
        LOCATED_IN: 1,
        ANNOUNCED: 1,
      });
      expect(stats.evidence).toBe(9);
      const [miit, missing] = await store.getEntities([ids.miit, "Agency:nothing"]);
      expect(missing).toBeNull();
      expect(miit).toMatchObject({
        name: "工业和信息化部",
        label: "Agency",
        aliases: ["工信部"],
        documentCount: 2,
      });
      const mentions = await store.mentionsOf(ids.miit, all);
      expect(mentions.totalCount).toBe(3);
      expect(mentions.items.map((m) => m.documentId)).toEqual(["news1.txt#0", "news1.txt#0", "news2.txt#0"]);
      const [doc] = await store.getDocuments(["news1.txt#0"]);
      expect(doc).toMatchObject({
        title: "工信部印发新材料中试平台建设指南",
        date: "2024-10-15",
        hash: "h1",
      });
    });

    it("changes nothing when the same extraction is ingested twice", async () => {
      await store.ingest(fixture("base"));
      const before = { stats: await store.stats(), all: await store.exportAll() };
      const summary = await store.ingest(fixture("base"));
      expect(summary.documents).toEqual({ added: 0, replaced: 0, unchanged: 2 });
      expect(summary.evidence).toEqual({ added: 0, removed: 0 });
      expect(await store.stats()).toEqual(before.stats);
      expect(await store.exportAll()).toEqual(before.all);
    });

    it("merges an entity seen in several documents: aliases unioned, every evidence kept", async () => {
      await store.ingest(fixture("base"));
      await store.ingest(fixture("third"));
      const [donghu] = await store.getEntities([ids.donghu]);
      expect(donghu!.aliases).toEqual(["中国光谷", "东湖高新区", "光谷"].sort());
      expect(donghu!.documentCount).toBe(2);
      const [[focus]] = await store.neighbours([ids.optoelectronics], {
        types: ["FOCUSES_ON"],
        direction: "IN",
      });
      expect(focus!.relation.evidence.map((e) => e.documentId)).toEqual(["news2.txt#0", "news3.txt#0"]);
      expect(focus!.relation.properties).toEqual({ metric: "规模突破5000亿元" });
    });

    it("replaces only a changed document's facts", async () => {
      await store.ingest(fixture("base"));
      await store.ingest(fixture("third"));
      const before = await store.exportAll();
      const summary = await store.ingest(fixture("changed-news2"));
      expect(summary.documents).toEqual({ added: 0, replaced: 1, unchanged: 0 });
      expect(summary.entities.removed).toMatchObject({ Region: 1 });
      const after = await store.exportAll();
      // Other documents' contributions are untouched.
      for (const doc of ["news1.txt#0", "news3.txt#0"])
        expect(factsOf(after, doc)).toEqual(factsOf(before, doc));
      // The changed document's old facts are gone, its new ones are there.
      const [wuhan, ic, network, ai] = await store.getEntities([ids.wuhan, ids.ic, ids.network, ids.ai]);
      expect(wuhan).toBeNull();
      expect(ic).toMatchObject({ name: "集成电路", documentCount: 1 });
      expect(network).toMatchObject({ documentCount: 1 });
      expect(ai).toMatchObject({ documentCount: 1 });
      const [out] = await store.neighbours([ids.donghu], { types: ["FOCUSES_ON"], direction: "OUT" });
      expect(out!.map((n) => n.other.name).sort()).toEqual(["光电子信息", "集成电路"].sort());
      const oe = out!.find((n) => n.other.id === ids.optoelectronics)!.relation;
      expect(oe.evidence.map((e) => e.documentId)).toEqual(["news2.txt#0", "news3.txt#0"]);
      expect(oe.evidence[0]!.sentence).toContain("集成电路");
      const announced = await store.announcements({ by: [ids.miit] }, all);
      expect(announced.items.map((a) => a.kind)).toEqual(["ISSUED"]);
      const [doc] = await store.getDocuments(["news2.txt#0"]);
      expect(doc).toMatchObject({ hash: "h2-changed", date: "2024-05-21" });
      // And the changed file ingested again is a no-op.
      const stats = await store.stats();
      await store.ingest(fixture("changed-news2"));
      expect(await store.stats()).toEqual(stats);
    });

    it("takes back the aliases only a replaced document gave", async () => {
      await store.ingest(fixture("base"));
      await store.ingest(fixture("third"));
      await store.ingest(fixture("changed-news2"));
      // news2 gave 东湖高新区, 中国光谷 and 光谷; its new version only 中国光谷; news3 gave 东湖高新区.
      const [donghu] = await store.getEntities([ids.donghu]);
      expect(donghu!.aliases).toEqual(["中国光谷", "东湖高新区"].sort());
      expect(await store.findByName("光谷")).toEqual([]);
      expect((await store.findByName("东湖高新区")).map((e) => e.id)).toEqual([ids.donghu]);
      // An alias every version still gives stays.
      const [miit] = await store.getEntities([ids.miit]);
      expect(miit!.aliases).toEqual(["工信部"]);
    });

    it("takes back properties and recomputes dates when a document is replaced", async () => {
      await store.ingest(provenance("a1", true));
      await store.ingest(provenance("b1", false, "news-b.txt#0", "2024-03-01"));
      const company = entityId("Enterprise", "甲科技股份有限公司");
      const [before] = await store.getEntities([company]);
      expect(before!.properties).toEqual({ stockCode: "600000" });
      const [[heldBefore]] = await store.neighbours([company], {
        types: ["HOLDS_POSITION"],
        direction: "IN",
      });
      expect(heldBefore!.relation.properties).toEqual({ title: "董事长" });
      const issuedBefore = await store.announcements({ by: [entityId("Agency", "乙市发展改革委")] }, all);
      expect(issuedBefore.items.map((a) => a.date)).toEqual(["2024-01-01"]);

      // Document A again, changed: no stock code, no title, no ISSUED sentence.
      await store.ingest(provenance("a2", false));
      const [after] = await store.getEntities([company]);
      expect(after!.properties).toEqual({});
      expect(after!.documentCount).toBe(2);
      const [[heldAfter]] = await store.neighbours([company], { types: ["HOLDS_POSITION"], direction: "IN" });
      expect(heldAfter!.relation.properties).toEqual({});
      expect(heldAfter!.relation.evidence.map((e) => e.documentId)).toEqual(["news-a.txt#0", "news-b.txt#0"]);
      const issuedAfter = await store.announcements({ by: [entityId("Agency", "乙市发展改革委")] }, all);
      expect(issuedAfter.items.map((a) => a.date)).toEqual(["2024-03-01"]);
      expect(await store.announcements({ until: "2024-02" }, all)).toEqual({ items: [], totalCount: 0 });
    });

    it("writes nothing on a dry run but reports what would change", async () => {
      const dry = await store.ingest(fixture("base"), { dryRun: true });
      expect(dry.dryRun).toBe(true);
      expect(await store.stats()).toEqual({ nodes: {}, relations: {}, documents: 0, evidence: 0 });
      const real = await store.ingest(fixture("base"));
      expect({ ...dry, dryRun: false }).toEqual(real);
      const dryChange = await store.ingest(fixture("changed-news2"), { dryRun: true });
      expect(dryChange.documents.replaced).toBe(1);
      expect(dryChange.entities.created).toMatchObject({ Industry: 1 });
      const [wuhan] = await store.getEntities([ids.wuhan]);
      expect(wuhan).not.toBeNull();
    });

    it("finds entities by canonical name or alias, normalised", async () => {
      await store.ingest(fixture("base"));
      expect((await store.findByName("光谷")).map((e) => e.id)).toEqual([ids.donghu]);
      expect((await store.findByName("《工信部》")).map((e) => e.id)).toEqual([ids.miit]);
      expect((await store.findByName("建设指南", "Policy")).map((e) => e.id)).toEqual([ids.policy]);
      expect(await store.findByName("建设指南", "Agency")).toEqual([]);
      expect((await store.findByName("ai")).map((e) => e.id)).toEqual([ids.ai]);
    });

    it("ranks search results exact, then prefix, then substring", async () => {
      await store.ingest(fixture("base"));
      const hits = await store.search("新材料", undefined, all);
      expect(hits.items.map((e) => e.id)).toEqual([ids.newMaterials, ids.policy, ids.statement]);
      expect(hits.totalCount).toBe(3);
      const industries = await store.search("人工智能", ["Industry"], all);
      expect(industries.items.map((e) => e.id)).toEqual([ids.ai]);
      const paged = await store.search("新材料", undefined, { limit: 1, offset: 1 });
      expect(paged).toMatchObject({ totalCount: 3, items: [{ id: ids.policy }] });
      expect((await store.search("光谷", undefined, all)).items[0]!.id).toBe(ids.donghu);
    });

    it("lists neighbours per id, by type and direction", async () => {
      await store.ingest(fixture("base"));
      const [out, none, inbound] = await store.neighbours([ids.donghu, "Zone:nowhere", ids.miit], {
        direction: "OUT",
      });
      expect(out!.map((n) => `${n.relation.type}>${n.other.name}`).sort()).toEqual(
        ["FOCUSES_ON>人工智能", "FOCUSES_ON>光电子信息", "LOCATED_IN>武汉市"].sort(),
      );
      expect(none).toEqual([]);
      expect(inbound!.map((n) => n.relation.type).sort()).toEqual(["ANNOUNCED", "ISSUED"]);
      const [both] = await store.neighbours([ids.miit], { direction: "BOTH" });
      const holds = both!.find((n) => n.relation.type === "HOLDS_POSITION")!;
      expect(holds).toMatchObject({ direction: "IN", other: { id: ids.wang } });
      expect(holds.relation).toMatchObject({
        key: relationKey("HOLDS_POSITION", ids.wang, ids.miit),
        properties: { title: "副部长" },
      });
      expect(holds.relation.evidence[0]).toMatchObject({
        documentId: "news1.txt#0",
        rule: "position.title-name",
      });
    });

    it("pages neighbours in the shared order (type, name by code unit, id, direction) with totals", async () => {
      const hub = entityId("Industry", "枢纽产业");
      const firms = ["alpha", "Beta", "同名", "乙公司", "甲公司", "丙公司", "Zeta"];
      await store.ingest(hubGraph("hub-a.txt#0", "h1", firms));
      const describe = (n: { relation: { type: string }; other: { id: string }; direction: string }) =>
        `${n.relation.type} ${n.other.id} ${n.direction}`;
      const [full, none] = await store.neighbourPages([hub, "Industry:nowhere"], {}, all);
      expect(none).toEqual({ items: [], totalCount: 0 });
      expect(full!.totalCount).toBe(10);
      expect(full!.items.map(describe)).toEqual([
        `FOCUSES_ON ${entityId("Enterprise", "Beta")} IN`,
        `FOCUSES_ON ${entityId("Enterprise", "Zeta")} IN`,
        `FOCUSES_ON ${entityId("Enterprise", "alpha")} IN`,
        `FOCUSES_ON ${entityId("Enterprise", "丙公司")} IN`,
        `FOCUSES_ON ${entityId("Enterprise", "乙公司")} IN`,
        `FOCUSES_ON ${entityId("Enterprise", "同名")} IN`,
        `FOCUSES_ON ${entityId("Zone", "同名")} IN`,
        `FOCUSES_ON ${entityId("Enterprise", "甲公司")} IN`,
        `MEMBER_OF ${entityId("Program", "双向计划")} IN`,
        `MEMBER_OF ${entityId("Program", "双向计划")} OUT`,
      ]);
      // Pages of 3 walk the same list; the same id twice in one batch gets the same page.
      const walked: string[] = [];
      for (let offset = 0; offset < 12; offset += 3) {
        const [p, again] = await store.neighbourPages(
          [hub, hub],
          { direction: "BOTH" },
          { limit: 3, offset },
        );
        expect(p!.totalCount).toBe(10);
        expect(again).toEqual(p);
        walked.push(...p!.items.map(describe));
      }
      expect(walked).toEqual(full!.items.map(describe));
      const [members] = await store.neighbourPages([hub], { types: ["MEMBER_OF"], direction: "OUT" }, all);
      expect(members!.totalCount).toBe(1);
      expect(members!.items[0]).toMatchObject({
        direction: "OUT",
        other: { name: "双向计划" },
        relation: { key: relationKey("MEMBER_OF", hub, entityId("Program", "双向计划")) },
      });
      expect(members!.items[0]!.relation.evidence[0]).toMatchObject({ rule: "test.hub" });
      // A later ingest is seen at once, not hidden by a list kept from before.
      await store.ingest(hubGraph("hub-b.txt#0", "h2", ["Aardvark"]));
      const [after] = await store.neighbourPages([hub], {}, { limit: 1, offset: 0 });
      expect(after!.totalCount).toBe(11);
      expect(after!.items.map(describe)).toEqual([`FOCUSES_ON ${entityId("Enterprise", "Aardvark")} IN`]);
    });

    it("answers announcements by speaker, by subject and by date", async () => {
      await store.ingest(fixture("base"));
      const byMiit = await store.announcements({ by: [ids.miit] }, all);
      expect(byMiit.items.map((a) => [a.kind, a.what.id, a.date])).toEqual([
        ["ISSUED", ids.policy, "2024-10-15"],
        ["ANNOUNCED", ids.network, "2024-05-20"],
      ]);
      const about = await store.announcements({ about: [ids.newMaterials] }, all);
      expect(about.items.map((a) => [a.kind, a.speaker.id]).sort()).toEqual(
        [
          ["ISSUED", ids.miit],
          ["STATED", ids.wang],
        ].sort(),
      );
      const aboutAi = await store.announcements({ about: [ids.ai], by: [ids.miit] }, all);
      expect(aboutAi.items.map((a) => a.what.id)).toEqual([ids.network]);
      const since = await store.announcements({ since: "2024-06-01" }, all);
      expect(since.items.map((a) => a.kind).sort()).toEqual(["ISSUED", "STATED"]);
      const until = await store.announcements({ until: "2024-06-01" }, all);
      expect(until.items.map((a) => a.kind)).toEqual(["ANNOUNCED"]);
    });

    it("lists zone–industry pairs", async () => {
      await store.ingest(fixture("base"));
      await store.ingest(fixture("third"));
      const ai = await store.zoneIndustries({ industries: [ids.ai] }, all);
      expect(ai.items.map((r) => r.source).sort()).toEqual([ids.donghu, ids.suzhou].sort());
      // Both ends come with the page, as the stored entities themselves.
      for (const r of ai.items) {
        expect(r.zone).toEqual((await store.getEntities([r.source]))[0]);
        expect(r.industry).toEqual((await store.getEntities([r.target]))[0]);
      }
      const donghu = await store.zoneIndustries({ zones: [ids.donghu] }, all);
      expect(donghu.items.map((r) => r.target).sort()).toEqual([ids.ai, ids.optoelectronics].sort());
      // Only zones: the programme's FOCUSES_ON is not a zone–industry pair.
      const everything = await store.zoneIndustries({}, all);
      expect(everything.totalCount).toBe(3);
      expect(everything.items[0]!.evidence.length).toBe(2);
    });

    it("finds the shortest path, ignoring direction, within the hop bound", async () => {
      await store.ingest(fixture("base"));
      await store.ingest(fixture("third"));
      const path = await store.shortestPath(ids.wang, ids.suzhou, 4);
      expect(path!.nodes.map((n) => n.id)).toEqual([ids.wang, ids.miit, ids.network, ids.suzhou]);
      expect(path!.relations.map((r) => r.type)).toEqual(["HOLDS_POSITION", "ANNOUNCED", "MEMBER_OF"]);
      expect(await store.shortestPath(ids.wang, ids.suzhou, 2)).toBeNull();
      expect(await store.shortestPath(ids.wang, "Zone:nowhere", 4)).toBeNull();
    });

    it("exports the whole graph in the interchange format, which ingests back identically", async () => {
      await store.ingest(fixture("base"));
      await store.ingest(fixture("third"));
      const exported = await store.exportAll();
      expect(exported.documents).toHaveLength(3);
      expect(exported.entities.find((e) => e.id === ids.statement)).toMatchObject({
        label: "Statement",
        properties: { date: "2024-10-15" },
      });
      const stats = await store.stats();
      // A fresh store (for Neo4j: the same database, emptied) gets the export back.
      const copy = await makeStore();
      try {
        await copy.ingest(exported);
        expect(await copy.exportAll()).toEqual(exported);
        expect(await copy.stats()).toEqual(stats);
      } finally {
        await copy.close();
      }
    });

    it("computes degree, PageRank and community for every entity", async () => {
      await store.ingest(fixture("base"));
      await store.ingest(fixture("third"));
      await store.computeAnalytics();
      const entities = await store.getEntities(Object.values(ids).filter((id) => id !== ids.ic));
      for (const e of entities) {
        expect(e!.degree).toBeGreaterThanOrEqual(1);
        expect(e!.pagerank).toBeGreaterThan(0);
        expect(Number.isInteger(e!.community)).toBe(true);
      }
      const [miit, suzhou] = await store.getEntities([ids.miit, ids.suzhou]);
      expect(miit!.degree).toBe(3);
      expect(suzhou!.degree).toBe(2);
    });
  });
}
