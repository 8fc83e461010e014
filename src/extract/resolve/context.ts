// Partial names completed from the article: 省工业和信息化厅 in an item about
// Shandong is 山东省工业和信息化厅; 部党组 after 工业和信息化部 is that ministry.
// A partial name the article cannot complete is dropped: it names no one thing.
import type { CompiledRules } from "../rules/compile.js";
import type { EntityMention } from "../types.js";

/** The region of each level the article is most about (cities count for their province). */
export function dominantRegions(
  mentions: readonly EntityMention[],
  rules: CompiledRules,
): { province?: string; city?: string } {
  const provinces = new Map<string, number>();
  const cities = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
  for (const m of mentions) {
    if (m.label !== "Region") continue;
    if (m.rule.startsWith("gaz.region.province") && m.name !== "中国") bump(provinces, m.name);
    if (m.rule.startsWith("gaz.region.city")) {
      bump(cities, m.name);
      const parent = m.properties?.parent;
      if (typeof parent === "string") bump(provinces, parent);
    }
    // A local body's region counts too (广东省工信厅 …).
  }
  for (const m of mentions) {
    if (m.label === "Agency" && m.rule === "agency.local.body" && !m.properties?.partial) {
      const entries = rules.gazetteer
        .search(m.name)
        .filter((h) => h.start === 0 && h.value.label === "Region");
      for (const h of entries) bump(h.value.rule.includes(".city:") ? cities : provinces, h.value.canonical);
    }
  }
  const top = (m: Map<string, number>): string | undefined => [...m].sort((a, b) => b[1] - a[1])[0]?.[0];
  return { province: top(provinces), city: top(cities) };
}

export function completePartials(
  text: string,
  mentions: EntityMention[],
  rules: CompiledRules,
): EntityMention[] {
  const partials = mentions.filter((m) => typeof m.properties?.partial === "string");
  const out = mentions.filter((m) => !partials.includes(m));
  if (partials.length > 0) {
    const { province, city } = dominantRegions(mentions, rules);
    for (const m of partials) {
      const level = m.properties!.partial as string;
      const region = level === "省" || level === "自治区" ? province : level === "市" ? city : undefined;
      if (!region) continue;
      const { partial: _drop, ...properties } = m.properties!;
      const name = region + m.name.slice(level.length);
      const aliases = (m.aliases ?? []).filter((x) => x !== name && x !== m.surface);
      out.push({ ...m, name, aliases, properties, rule: `${m.rule}+resolve.context` });
    }
  }
  // 部党组, 部领导: the ministry the article last named.
  const ministries = out.filter((m) => m.label === "Agency" && m.name.endsWith("部"));
  if (ministries.length > 0) {
    const re = /部(?=党组|领导|机关)/g;
    for (let r = re.exec(text); r; r = re.exec(text)) {
      const at = r.index;
      if (/[\u4e00-\u9fff]/.test(text[at - 1] ?? "")) continue;
      const last = [...ministries].reverse().find((m) => m.end <= at);
      if (!last || out.some((m) => m.start <= at && at < m.end)) continue;
      out.push({
        label: "Agency",
        name: last.name,
        surface: "部",
        start: at,
        end: at + 1,
        rule: "resolve.context.ministry",
      });
    }
  }
  void rules;
  return out.sort((a, b) => a.start - b.start);
}
