// The English extractor's data, read once from extract/english/ and
// extract/bilingual/: the bilingual alias table, entity head words, titles and
// relation verb lists. Loading is lazy so that Chinese-only runs never pay for it.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { extractDir } from "../../paths.js";
import type { NodeLabel } from "../../types.js";

/** One entry of the bilingual table: a Chinese canonical name and its English forms. */
export interface BilingualEntry {
  label: NodeLabel;
  rule: string;
  /** Chinese canonical name (as the Chinese gazetteers name it). */
  zh: string;
  /** English forms; the first is the official name. */
  en: string[];
}

export interface EntityFamily {
  rule: string;
  label: NodeLabel;
  heads: string[];
  ofComplement: boolean;
}

export interface EnglishEntityRules {
  families: EntityFamily[];
  connectors: string[];
  notStart: string[];
  quoted: {
    policyRule: string;
    reportRule: string;
    programRule: string;
    programClassWords: string[];
    policyClassWords: string[];
  };
  persons: { pinyinRule: string; titleRule: string; nlpRule: string; shortRule: string; notNames: string[] };
  acronymRule: string;
  ministerRule: string;
}

export interface TitleEntry {
  en: string;
  zh: string[];
}

type RuleIds<K extends string> = { rules: Record<K, string> };
export interface EnglishRelationRules {
  stated: RuleIds<"before" | "inverted" | "pronoun" | "according"> & {
    verbs: string[];
    pronouns: string[];
    maxStatementChars: number;
  };
  issued: RuleIds<"active" | "passive"> & { verbs: string[] };
  announced: RuleIds<"single" | "joint" | "initiator"> & { verbs: string[]; jointly: string[] };
  member: RuleIds<"joined" | "include"> & { verbs: string[]; include: string[] };
  visited: RuleIds<"verb"> & { verbs: string[] };
  located: RuleIds<"link" | "based" | "possessive" | "hosts"> & { links: string[]; hosts: string[] };
  focuses: RuleIds<"verb" | "possessive" | "in" | "named"> & { verbs: string[]; industryNouns: string[] };
  holds: RuleIds<
    | "orgTitleName"
    | "titleOfOrgName"
    | "nameTitleOfOrg"
    | "nameOrgTitle"
    | "titleNameOfOrg"
    | "minister"
    | "titleOfAnaphor"
  >;
  partOf: RuleIds<"of" | "possessive">;
}

const bilingualDir = () => path.join(extractDir, "bilingual");
const englishDir = () => path.join(extractDir, "english");

/** Parses the bilingual table format (see extract/bilingual/README.md). */
export function parseBilingual(text: string, file: string): BilingualEntry[] {
  const entries: BilingualEntry[] = [];
  let label: NodeLabel | null = null;
  let rule: string | null = null;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith("#")) return;
    const directive = /^@(label|rule)\s+(\S+)$/.exec(line);
    if (directive) {
      if (directive[1] === "label") label = directive[2] as NodeLabel;
      else rule = directive[2]!;
      return;
    }
    const eq = line.indexOf(" = ");
    if (eq < 0 || !label || !rule)
      throw new Error(`${file}:${i + 1}: expected "@label", "@rule" or "中文 = English | …"`);
    const en = line
      .slice(eq + 3)
      .split("|")
      .map((s) => s.trim())
      .filter(Boolean);
    entries.push({ label, rule, zh: line.slice(0, eq).trim(), en });
  });
  return entries;
}

let bilingual: BilingualEntry[] | null = null;
export function bilingualTable(): BilingualEntry[] {
  if (!bilingual) {
    const dir = bilingualDir();
    bilingual = readdirSync(dir)
      .filter((f) => f.endsWith(".txt"))
      .sort()
      .flatMap((f) => parseBilingual(readFileSync(path.join(dir, f), "utf8"), f));
  }
  return bilingual;
}

let entityRules: EnglishEntityRules | null = null;
export function englishEntityRules(): EnglishEntityRules {
  entityRules ??= JSON.parse(
    readFileSync(path.join(englishDir(), "entities.json"), "utf8"),
  ) as EnglishEntityRules;
  return entityRules;
}

let relationRules: EnglishRelationRules | null = null;
export function englishRelationRules(): EnglishRelationRules {
  relationRules ??= JSON.parse(
    readFileSync(path.join(englishDir(), "relations.json"), "utf8"),
  ) as EnglishRelationRules;
  return relationRules;
}

let titles: TitleEntry[] | null = null;
/** English titles, longest first. */
export function englishTitles(): TitleEntry[] {
  if (!titles) {
    titles = readFileSync(path.join(englishDir(), "titles.txt"), "utf8")
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#"))
      .map((l) => {
        const [en, zh = ""] = l.split(" = ");
        return {
          en: en!.trim(),
          zh: zh
            .split("|")
            .map((s) => s.trim())
            .filter(Boolean),
        };
      })
      .sort((a, b) => b.en.length - a.en.length);
  }
  return titles;
}

/** Escapes a literal for a RegExp. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A RegExp alternation of literal phrases, longest first, spaces matching any run of spaces. */
export function phrases(words: string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRe(w).replace(/ /g, "\\s+"))
    .join("|");
}
