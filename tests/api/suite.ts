// The query suite every store must pass: each case is a GraphQL operation over
// the fixture graph (tests/fixtures/api/graph.json) and what its answer must
// show. queries.test.ts runs it on the embedded store; queries.neo4j.test.ts on
// Neo4j, and also checks that both stores give equal answers.
import { expect } from "vitest";

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are checked structurally */
type Data = any;

export interface QueryCase {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  check(data: Data): void;
}

const EVIDENCE = "evidence { documentId title date sentence rule }";
const names = (edges: Data[]) => edges.map((e) => e.node.name as string);

export const QUERY_CASES: QueryCase[] = [
  {
    name: "entity by alias resolves to the canonical entity",
    query: `{ entity(name: "工信部") { id label name aliases documentCount } }`,
    check: ({ entity }) => {
      expect(entity).toEqual({
        id: "Agency:工业和信息化部",
        label: "Agency",
        name: "工业和信息化部",
        aliases: ["工信部"],
        documentCount: 2,
      });
    },
  },
  {
    name: "entity by alias with a label; the wrong label finds nothing",
    query: `{ zone: entity(name: "光谷", label: Zone) { name } industry: entity(name: "光谷", label: Industry) { name }
              byId: entity(id: "Industry:人工智能") { name label } }`,
    check: (d) => {
      expect(d.zone).toEqual({ name: "武汉东湖高新区" });
      expect(d.industry).toBeNull();
      expect(d.byId).toEqual({ name: "人工智能", label: "Industry" });
    },
  },
  {
    name: "search finds substrings, filters by label and ranks the exact name first",
    query: `{ all: search(text: "高新区") { totalCount edges { node { name label } } }
              zones: search(text: "高新区", labels: [Zone]) { totalCount edges { node { name label } } }
              exact: search(text: "人工智能") { edges { node { name label } } } }`,
    check: (d) => {
      const all = names(d.all.edges);
      expect(all).toEqual(
        expect.arrayContaining(["南京高新区", "武汉东湖高新区", "国家高新区人工智能产业协同创新网络"]),
      );
      expect(all).not.toContain("工业和信息化部");
      expect(d.zones.edges.every((e: Data) => e.node.label === "Zone")).toBe(true);
      expect(d.zones.totalCount).toBeLessThan(d.all.totalCount);
      expect(d.exact.edges[0].node).toEqual({ name: "人工智能", label: "Industry" });
    },
  },
  {
    name: "search leaves statements out unless asked for them",
    query: `{ names: search(text: "新材料中试平台") { edges { node { label name } } }
              said: search(text: "新材料中试平台", labels: [Statement]) { edges { node { label } } } }`,
    check: (d) => {
      expect(d.names.edges.map((e: Data) => e.node)).toEqual([
        { label: "Policy", name: "新材料中试平台建设指南(2024—2027年)" },
      ]);
      expect(d.said.edges).toEqual([{ node: { label: "Statement" } }]);
    },
  },
  {
    name: "announcements by an alias: what the agency issued, with date, document and evidence",
    query: `{ announcements(by: "工信部") { totalCount edges { node {
              kind date speaker { name } what { name label } document { id title } ${EVIDENCE} } } } }`,
    check: ({ announcements }) => {
      expect(announcements.totalCount).toBe(2);
      const items = announcements.edges.map((e: Data) => e.node);
      expect(items.every((a: Data) => a.kind === "ISSUED" && a.speaker.name === "工业和信息化部")).toBe(true);
      expect(items.map((a: Data) => a.what.name).sort()).toEqual([
        "产业结构调整指导目录(2024年本)",
        "新材料中试平台建设指南(2024—2027年)",
      ]);
      const guide = items.find((a: Data) => a.what.name.startsWith("新材料"));
      expect(guide.date).toBe("2024-10-15");
      expect(guide.document).toEqual({
        id: "api_a.txt#0",
        title: "工信部印发《新材料中试平台建设指南(2024—2027年)》",
      });
      expect(guide.evidence[0]).toMatchObject({
        documentId: "api_a.txt#0",
        date: "2024-10-15",
        rule: "issued.yinfa",
      });
      expect(guide.evidence[0].sentence).toContain("印发");
    },
  },
  {
    name: "announcements since a date, and statements with kind STATED",
    query: `{ recent: announcements(by: "工业和信息化部", since: "2024-01-01") { totalCount edges { node { what { name } } } }
              old: announcements(until: "2023-12-31") { totalCount edges { node { speaker { name } what { name } } } }
              said: announcements(by: "王江平") { edges { node { kind what { label name } date } } } }`,
    check: (d) => {
      expect(d.recent.totalCount).toBe(1);
      expect(d.recent.edges[0].node.what.name).toBe("新材料中试平台建设指南(2024—2027年)");
      expect(d.old.totalCount).toBe(2);
      expect(d.old.edges.map((e: Data) => e.node.speaker.name).sort()).toEqual([
        "国家发展改革委",
        "工业和信息化部",
      ]);
      expect(d.said.edges).toHaveLength(1);
      expect(d.said.edges[0].node).toMatchObject({
        kind: "STATED",
        what: { label: "Statement" },
        date: "2024-10-15",
      });
    },
  },
  {
    name: "announcements about an industry reach the programme that focuses on it",
    query: `{ announcements(about: "人工智能") { totalCount edges { node { kind speaker { name } what { name } } } } }`,
    check: ({ announcements }) => {
      const items = announcements.edges.map((e: Data) => e.node);
      expect(items.length).toBeGreaterThanOrEqual(1);
      expect(items.every((a: Data) => a.what.name === "国家高新区人工智能产业协同创新网络")).toBe(true);
      expect(items.map((a: Data) => a.speaker.name)).toContain("中关村国家自主创新示范区");
    },
  },
  {
    name: "announcements by an unknown name are empty, not an error",
    query: `{ announcements(by: "不存在的机构") { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }`,
    check: ({ announcements }) => {
      expect(announcements).toEqual({
        totalCount: 0,
        edges: [],
        pageInfo: { hasNextPage: false, endCursor: null },
      });
    },
  },
  {
    name: "zoneIndustries by industry: every zone with its metric and evidence",
    query: `{ zoneIndustries(industry: "人工智能") { totalCount edges { node { zone { name label } industry { name } metric ${EVIDENCE} } } } }`,
    check: ({ zoneIndustries }) => {
      const items = zoneIndustries.edges.map((e: Data) => e.node);
      expect(items.map((z: Data) => z.zone.name).sort()).toEqual([
        "中关村国家自主创新示范区",
        "南京高新区",
        "武汉东湖高新区",
        "苏州工业园区",
      ]);
      expect(items.every((z: Data) => z.zone.label === "Zone" && z.industry.name === "人工智能")).toBe(true);
      expect(items.find((z: Data) => z.zone.name === "苏州工业园区").metric).toBe("产值突破千亿元");
      expect(items.find((z: Data) => z.zone.name === "南京高新区").metric).toBeNull();
      expect(items.every((z: Data) => z.evidence.length > 0 && z.evidence[0].title)).toBe(true);
    },
  },
  {
    name: "zoneIndustries by zone alias",
    query: `{ zoneIndustries(zone: "光谷") { totalCount edges { node { zone { name } industry { name } metric } } } }`,
    check: ({ zoneIndustries }) => {
      expect(zoneIndustries.totalCount).toBe(2);
      const byIndustry = Object.fromEntries(
        zoneIndustries.edges.map((e: Data) => [e.node.industry.name, e.node.metric]),
      );
      expect(byIndustry).toEqual({ 光电子信息: "规模突破5000亿元", 人工智能: null });
    },
  },
  {
    name: "path between two names alternates nodes and relationships",
    query: `{ path(from: "王江平", to: "国家发改委") { length nodes { name } relationships { type source { name } target { name } }
              elements { __typename ... on Entity { name } ... on Relationship { type } } }
              short: path(from: "王江平", to: "国家发改委", maxHops: 2) { length } }`,
    check: ({ path, short }) => {
      expect(path.length).toBe(3);
      expect(path.nodes.map((n: Data) => n.name)).toEqual([
        "王江平",
        "工业和信息化部",
        "产业结构调整指导目录(2024年本)",
        "国家发展改革委",
      ]);
      expect(path.elements.map((e: Data) => e.__typename)).toEqual([
        "Entity",
        "Relationship",
        "Entity",
        "Relationship",
        "Entity",
        "Relationship",
        "Entity",
      ]);
      expect(path.relationships.map((r: Data) => r.type)).toEqual(["HOLDS_POSITION", "ISSUED", "ISSUED"]);
      expect(path.relationships[2]).toMatchObject({
        source: { name: "国家发展改革委" },
        target: { name: "产业结构调整指导目录(2024年本)" },
      });
      expect(short).toBeNull();
    },
  },
  {
    name: "stats: counts per label and relation type",
    query: `{ stats { entities relationships documents evidence labels { label count } relationTypes { type count } } }`,
    check: ({ stats }) => {
      expect(stats).toMatchObject({ entities: 16, documents: 4 });
      expect(stats.relationships).toBeGreaterThanOrEqual(17);
      const labels = Object.fromEntries(stats.labels.map((l: Data) => [l.label, l.count]));
      expect(labels).toMatchObject({
        Agency: 3,
        Zone: 4,
        Industry: 3,
        Policy: 2,
        Statement: 1,
        Enterprise: 0,
      });
      const types = Object.fromEntries(stats.relationTypes.map((r: Data) => [r.type, r.count]));
      expect(types).toMatchObject({ FOCUSES_ON: 7, ISSUED: 3, ANNOUNCED: 2, MEMBER_OF: 2, STATED: 1 });
    },
  },
  {
    name: "relations of an entity: other end, direction, properties and evidence",
    query: `{ entity(name: "东湖高新区") { relations(types: [FOCUSES_ON, LOCATED_IN], direction: OUT) { totalCount
              edges { type direction properties node { name label } ${EVIDENCE} relationship { key source { name } } } } }
              wang: entity(name: "王江平") { relations(types: [HOLDS_POSITION]) { edges { properties node { name } } } } }`,
    check: ({ entity, wang }) => {
      const edges = entity.relations.edges;
      expect(entity.relations.totalCount).toBe(3);
      expect(
        edges.every((e: Data) => e.direction === "OUT" && e.relationship.source.name === "武汉东湖高新区"),
      ).toBe(true);
      const opto = edges.find((e: Data) => e.node.name === "光电子信息");
      expect(opto).toMatchObject({
        type: "FOCUSES_ON",
        properties: { metric: "规模突破5000亿元" },
        node: { label: "Industry" },
      });
      expect(opto.evidence).toEqual([
        {
          documentId: "api_c.txt#0",
          title: "中国光谷光电子信息产业规模突破5000亿元",
          date: "2024-03-02",
          sentence: "东湖高新区光电子信息产业规模突破5000亿元。",
          rule: "focus.guimo",
        },
      ]);
      expect(edges.find((e: Data) => e.type === "LOCATED_IN").node.name).toBe("武汉市");
      expect(wang.relations.edges).toEqual([
        { properties: { title: "副部长" }, node: { name: "工业和信息化部" } },
      ]);
    },
  },
  {
    name: "relations IN: who points at a programme",
    query: `{ entity(name: "国家高新区人工智能产业协同创新网络") { relations(direction: IN) { totalCount edges { type direction node { name } } } } }`,
    check: ({ entity }) => {
      const edges = entity.relations.edges;
      expect(edges.every((e: Data) => e.direction === "IN")).toBe(true);
      expect(
        edges
          .filter((e: Data) => e.type === "MEMBER_OF")
          .map((e: Data) => e.node.name)
          .sort(),
      ).toEqual(["南京高新区", "苏州工业园区"]);
      expect(edges.some((e: Data) => e.type === "FOCUSES_ON")).toBe(false);
    },
  },
  {
    name: "mentions and documents",
    query: `{ entity(name: "工信部") { mentions { totalCount edges { node { documentId text document { title date } } } } }
              document(id: "api_c.txt#0") { id title date source }
              missing: document(id: "nope.txt#0") { id } }`,
    check: (d) => {
      expect(d.entity.mentions.totalCount).toBe(2);
      expect(d.entity.mentions.edges.map((e: Data) => e.node.documentId).sort()).toEqual([
        "api_a.txt#0",
        "api_d.txt#0",
      ]);
      expect(d.entity.mentions.edges.every((e: Data) => e.node.document.title.length > 0)).toBe(true);
      expect(d.document).toMatchObject({ id: "api_c.txt#0", date: "2024-03-02" });
      expect(d.missing).toBeNull();
    },
  },
];

export const PAGINATED_FIELDS = [
  {
    name: "zoneIndustries",
    query: `query($after: String) { page: zoneIndustries(industry: "人工智能", first: 2, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { zone { id } } } } }`,
    key: (node: Data) => node.zone.id as string,
  },
  {
    name: "search",
    query: `query($after: String) { page: search(text: "区", first: 2, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } }`,
    key: (node: Data) => node.id as string,
  },
  {
    name: "relations",
    query: `query($after: String) { entity(name: "人工智能") { page: relations(first: 2, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor type node { id } } } } }`,
    key: (node: Data) => node.id as string,
  },
  {
    name: "announcements",
    query: `query($after: String) { page: announcements(first: 1, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { kind speaker { id } what { id } } } } }`,
    key: (node: Data) => `${node.kind} ${node.speaker.id} ${node.what.id}`,
  },
];

export type RunData = (query: string, variables?: Record<string, unknown>) => Promise<Data>;

/** Follow endCursor to the end; returns every key seen, in order, after checking pageInfo on each page. */
export async function walkPages(
  runData: RunData,
  field: (typeof PAGINATED_FIELDS)[number],
): Promise<string[]> {
  const keys: string[] = [];
  let after: string | null = null;
  let total = -1;
  for (let pageNo = 0; pageNo < 50; pageNo++) {
    const data = await runData(field.query, { after });
    const page = data.page ?? data.entity.page;
    if (total < 0) total = page.totalCount;
    expect(page.totalCount).toBe(total);
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    keys.push(...page.edges.map((e: Data) => field.key(e.node)));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(keys).toHaveLength(total);
  return keys;
}
