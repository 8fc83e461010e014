// The answer to "which zones focus on <industry>, and where does the text say
// so?". Real pages rarely use one fixed name: 人工智能 also appears as
// 通用人工智能 or 人工智能大模型, and a zone is often tied to an industry through a
// programme it joined (南京高新区 → 国家高新区人工智能产业协同创新网络 → 人工智能).
// So the answer has three parts, each with its evidence: zones linked directly,
// zones linked through a programme, and the other places and bodies that focus on it.
import type { EntityRef, ExplorerApi, RelationItem, ZoneIndustryItem } from "./api.js";

/** Industries whose name contains the question's, at most this many. */
const MAX_INDUSTRIES = 8;
const PAGE = 100;

export interface ViaProgram {
  zone: EntityRef;
  program: EntityRef;
  industry: EntityRef;
  membership: RelationItem;
  focus: RelationItem;
}

export interface IndustryAnswer {
  query: string;
  industries: EntityRef[];
  direct: ZoneIndustryItem[];
  directTotal: number;
  viaProgram: ViaProgram[];
  /** Regions, enterprises, policies … that focus on the industry (not zones, not programmes with zone members). */
  others: { industry: EntityRef; relation: RelationItem }[];
}

export async function answerIndustry(api: ExplorerApi, query: string): Promise<IndustryAnswer> {
  const found = await api.search(query, MAX_INDUSTRIES * 2, ["Industry"]);
  // The exact name first, then names that contain it (search also finds looser matches).
  const industries = found.items
    .filter((i) => i.name.includes(query) || i.aliases.some((a) => a.includes(query)))
    .sort((a, b) => Number(b.name === query) - Number(a.name === query) || a.name.length - b.name.length)
    .slice(0, MAX_INDUSTRIES);
  if (industries.length === 0) {
    const exact = await api.entityByName(query, "Industry");
    if (exact) industries.push(exact);
  }

  const perIndustry = await Promise.all(
    industries.map(async (industry) => {
      const [zones, focused] = await Promise.all([
        api.zoneIndustries({ industry: industry.name }, PAGE),
        api.relations(industry.id, ["FOCUSES_ON"], PAGE, null, "IN"),
      ]);
      return { industry, zones, focused: focused.items };
    }),
  );

  const direct = dedupe(
    perIndustry.flatMap((r) => r.zones.items),
    (z) => `${z.zone.id}|${z.industry.id}`,
  );
  const directZones = new Set(direct.map((z) => z.zone.id));

  const programs = perIndustry.flatMap((r) =>
    r.focused
      .filter((rel) => rel.other.label === "Program")
      .map((focus) => ({ industry: r.industry, focus })),
  );
  const members = await Promise.all(
    programs.map(async (p) => ({
      ...p,
      members: (await api.relations(p.focus.other.id, ["MEMBER_OF"], PAGE, null, "IN")).items,
    })),
  );
  const viaProgram: ViaProgram[] = members.flatMap((p) =>
    p.members
      .filter((m) => m.other.label === "Zone" && !directZones.has(m.other.id))
      .map((membership) => ({
        zone: membership.other,
        program: p.focus.other,
        industry: p.industry,
        membership,
        focus: p.focus,
      })),
  );

  const shownPrograms = new Set(viaProgram.map((v) => v.program.id));
  const others = perIndustry.flatMap((r) =>
    r.focused
      .filter((rel) => rel.other.label !== "Zone" && !shownPrograms.has(rel.other.id))
      .map((relation) => ({ industry: r.industry as EntityRef, relation })),
  );

  return {
    query,
    industries,
    direct,
    directTotal: perIndustry.reduce((n, r) => n + r.zones.totalCount, 0),
    viaProgram: dedupe(viaProgram, (v) => `${v.zone.id}|${v.program.id}`),
    others,
  };
}

function dedupe<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
