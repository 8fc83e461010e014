// Entity recognition for one English article: the bilingual table, head-word
// patterns over capitalised runs, quoted/italic titles and persons propose
// candidates; the longest (then the most specific source) wins on overlap.
// Pattern names that the table knows are renamed to their Chinese canonical
// name; an acronym in brackets after a name becomes its alias and is
// recognised wherever it recurs.
import type { EntityMention } from "../types.js";
import type { Article } from "../types.js";
import { englishEntityRules, escapeRe } from "./data.js";
import { gazetteerMentions, lookupEnglish, tableMention } from "./gazetteer.js";
import { patternMentions } from "./patterns.js";
import { nlpPersons, pinyinPersons, titledPersons } from "./persons.js";
import { pinyinSurnames } from "./pinyin.js";
import { quotedMentions } from "./quoted.js";
import { titleLengthAt } from "./titles.js";
import { capitalisedRuns, tokenize } from "./tokens.js";

interface Candidate {
  mention: EntityMention;
  tier: number;
}

function select(candidates: Candidate[]): EntityMention[] {
  const sorted = [...candidates].sort(
    (a, b) =>
      b.mention.end - b.mention.start - (a.mention.end - a.mention.start) ||
      b.tier - a.tier ||
      a.mention.start - b.mention.start,
  );
  const chosen: EntityMention[] = [];
  for (const { mention } of sorted)
    if (!chosen.some((c) => c.start < mention.end && mention.start < c.end)) chosen.push(mention);
  return chosen.sort((a, b) => a.start - b.start);
}

/** Pattern names the table knows get their Chinese canonical name. */
function resolve(m: EntityMention, text: string): EntityMention {
  if (m.label === "Person" && !m.rule.startsWith("bi.")) {
    const entry = lookupEnglish(m.name);
    return entry?.label === "Person" ? tableMention(entry, text, m.start, m.end) : m;
  }
  if (m.rule.startsWith("bi.")) return m;
  const entry = lookupEnglish(m.name);
  if (entry && entry.label === m.label) return tableMention(entry, text, m.start, m.end, m.rule);
  return m;
}

/**
 * "Minister of Industry and Information Technology Jin Zhuanglong": the
 * ministry is named through the title. The mention spans "Minister of …" and
 * carries the ministry's official English name as its surface form, so that no
 * truncated name ("Industry and Information Technology") becomes an alias.
 */
function ministerMentions(text: string, rule: string): EntityMention[] {
  const out: EntityMention[] = [];
  const re = /\bminister of ([A-Za-z][\w-]*(?:\s+(?:[A-Za-z][\w-]*|&)){0,7})/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const words = m[1]!.split(/\s+/);
    // The longest prefix of the complement that names a ministry ("… Technology Jin Zhuanglong").
    for (let n = words.length; n > 0; n--) {
      const entry = lookupEnglish(`Ministry of ${words.slice(0, n).join(" ")}`);
      if (entry?.label !== "Agency") continue;
      const end = m.index + m[0].indexOf(m[1]!) + words.slice(0, n).join(" ").length;
      out.push({ ...tableMention(entry, text, m.index, end, rule), surface: entry.en[0]! });
      break;
    }
  }
  return out;
}

function acronyms(text: string, chosen: EntityMention[], rule: string): EntityMention[] {
  const extra: EntityMention[] = [];
  for (const m of chosen) {
    if (m.label === "Person" || m.label === "Statement") continue;
    const bracket = /^\s*\(([A-Z][A-Za-z&]{1,9})\)/.exec(text.slice(m.end, m.end + 16));
    if (!bracket) continue;
    const acronym = bracket[1]!;
    // "… Center of the Ministry of Science and Technology (MOST)": the acronym is the ministry's.
    const known = lookupEnglish(acronym);
    if (known && known.zh !== m.name) continue;
    m.aliases = [...(m.aliases ?? []), acronym];
    const re = new RegExp(`(?<![A-Za-z0-9])${escapeRe(acronym)}(?![A-Za-z0-9])`, "g");
    for (let hit = re.exec(text); hit; hit = re.exec(text)) {
      const start = hit.index;
      const end = start + acronym.length;
      if ([...chosen, ...extra].some((c) => c.start < end && start < c.end)) continue;
      extra.push({
        label: m.label,
        name: m.name,
        surface: acronym,
        start,
        end,
        rule,
        aliases: [...(m.aliases ?? [])],
      });
    }
  }
  return extra;
}

/**
 * "Wang said": after "Wang Jiangping" (or "Robin Li"), the family name alone is
 * the nearest person named before with that family name.
 */
function repeatedSurnames(text: string, chosen: EntityMention[], rule: string): EntityMention[] {
  const persons = chosen.filter((m) => m.label === "Person" && /\s/.test(m.surface));
  const extra: EntityMention[] = [];
  const surnames = pinyinSurnames();
  const keyOf = (p: EntityMention) => {
    const words = p.surface.split(/\s+/);
    return surnames.has(words[0]!) ? words[0]! : words[words.length - 1]!;
  };
  for (const key of new Set(persons.map(keyOf))) {
    const re = new RegExp(`(?<![A-Za-z0-9-])${escapeRe(key)}(?![A-Za-z0-9-])(?!\\s+[A-Z])`, "g");
    for (let hit = re.exec(text); hit; hit = re.exec(text)) {
      const start = hit.index;
      const end = start + key.length;
      if ([...chosen, ...extra].some((c) => c.start < end && start < c.end)) continue;
      const before = persons.filter((p) => p.end <= start && keyOf(p) === key);
      const who = before[before.length - 1];
      if (who)
        extra.push({
          label: "Person",
          name: who.name,
          surface: key,
          start,
          end,
          rule,
          ...(who.aliases ? { aliases: who.aliases } : {}),
        });
    }
  }
  return extra;
}

/** Every entity mention of an English article, sorted by start. */
export function recogniseEnglish(article: Article): EntityMention[] {
  const rules = englishEntityRules();
  const text = article.text;
  const tokens = tokenize(text);
  const breakers = new Set(
    rules.notStart.filter((w) => !["The", "A", "An", "Chinese", "China's"].includes(w)),
  );
  const runs = capitalisedRuns(
    text,
    tokens,
    new Set(rules.connectors),
    (i) => titleLengthAt(tokens, i),
    breakers,
  );
  const tiered = (tier: number) => (mention: EntityMention) => ({ mention, tier });
  const candidates: Candidate[] = [
    ...gazetteerMentions(text).map(tiered(4)),
    ...ministerMentions(text, rules.ministerRule).map(tiered(4)),
    ...quotedMentions(text, rules).map(tiered(3)),
    ...pinyinPersons(text, tokens, rules).map(tiered(3)),
    ...patternMentions(text, runs, rules, (name) => lookupEnglish(name) !== undefined).map(tiered(2)),
    ...titledPersons(text, tokens, rules).map(tiered(2)),
  ];
  // compromise's people only where no rule of our own found anything ("Premier Li" vs "Li Qiang").
  const overlaps = (m: EntityMention) =>
    candidates.some((c) => c.mention.start < m.end && m.start < c.mention.end);
  candidates.push(
    ...nlpPersons(text, rules)
      .filter((m) => !overlaps(m))
      .map(tiered(1)),
  );
  const chosen = select(candidates).map((m) => resolve(m, text));
  const all = [...chosen, ...acronyms(text, chosen, rules.acronymRule)];
  all.push(...repeatedSurnames(text, all, rules.persons.shortRule));
  return all.sort((a, b) => a.start - b.start);
}
