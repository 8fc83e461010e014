// Short forms within one article: after 北方华创科技集团股份有限公司, a bare
// 北方华创 or 北方华创公司 is the same company. The short form is the name without
// its region prefix, its legal form and its trade words. Also adds the
// region-less form of a name as an alias (东莞市宇瞳光学科技股份有限公司 →
// 宇瞳光学科技股份有限公司), which is how other pages often write it.
import type { CompiledRules } from "../rules/compile.js";
import { memoByRules } from "../rules/memo.js";
import type { EntityMention } from "../types.js";

const LEGAL =
  /(集团股份有限公司|集团有限公司|股份有限公司|有限责任公司|控股有限公司|有限公司|控股集团|集团|公司|控股|股份)$/;
const TRADE =
  /(科技|技术|信息|电子|智能|光学|锂电|新能源|能源|电气|电器|通信|网络|软件|半导体|材料|生物|医药|制药|药业|汽车|装备|实业|发展|投资|贸易|工业|产业)$/;

/** Length of the region names that open `name` (广东省东莞市 …). */
export const regionPrefixLength = memoByRules((name: string, rules: CompiledRules): number => {
  let at = 0;
  for (;;) {
    const hit = rules.gazetteer
      .search(name.slice(at, at + 12))
      .filter((h) => h.start === 0 && h.value.label === "Region")
      .sort((a, b) => b.end - a.end)[0];
    if (!hit) return at;
    at += hit.end;
  }
});

export const coreName = memoByRules((name: string, rules: CompiledRules): string => {
  let core = name.slice(regionPrefixLength(name, rules)).replace(/[（(][^）)]*[）)]/g, "");
  for (let prev = ""; prev !== core;) {
    prev = core;
    core = core.replace(LEGAL, "");
    if (core.length > 2) core = core.replace(TRADE, "") || prev;
  }
  return core.length >= 2 ? core : "";
});

export function shortForms(text: string, mentions: EntityMention[], rules: CompiledRules): EntityMention[] {
  const full = mentions.filter((m) => m.label === "Enterprise" && LEGAL.test(m.name) && m.name.length >= 6);
  let out = mentions;
  for (const f of full) {
    const core = coreName(f.name, rules);
    if (!core || core === f.name || rules.classWords.has(core)) continue;
    // Shorter enterprise mentions built on the same core are this company.
    // The length test comes before the core-name lookup it makes unnecessary for most mentions.
    out = out.map((m) =>
      m !== f &&
      m.label === "Enterprise" &&
      m.name !== f.name &&
      m.name.length < f.name.length &&
      (m.name === core || coreName(m.name, rules) === core)
        ? { ...m, name: f.name, rule: `${m.rule}+resolve.short` }
        : m,
    );
    if (core.length < 3) continue;
    const covered = (s: number, e: number): boolean => out.some((m) => m.start < e && s < m.end);
    const added: EntityMention[] = [];
    for (let at = text.indexOf(core); at >= 0; at = text.indexOf(core, at + core.length)) {
      if (covered(at, at + core.length)) continue;
      added.push({
        label: "Enterprise",
        name: f.name,
        surface: core,
        start: at,
        end: at + core.length,
        rule: "resolve.short",
      });
    }
    if (added.length > 0) {
      f.aliases = [...new Set([...(f.aliases ?? []), core])];
      out = [...out, ...added];
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Region-less form of zone, enterprise and organisation names, as an alias. */
export function regionlessAliases(mentions: EntityMention[], rules: CompiledRules): EntityMention[] {
  for (const m of mentions) {
    if (m.label !== "Zone" && m.label !== "Enterprise" && m.label !== "Organization") continue;
    if (!m.rule.includes(".suffix")) continue;
    const cut = regionPrefixLength(m.name, rules);
    if (cut === 0 || m.name.length - cut < 4) continue;
    const rest = m.name.slice(cut);
    if (rules.classWords.has(rest)) continue;
    m.aliases = [...new Set([...(m.aliases ?? []), rest])];
  }
  return mentions;
}
