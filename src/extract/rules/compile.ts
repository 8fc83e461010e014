// Compiles the rule data once into automata and lookup tables; the recogniser asks
// for `compiledRules()` and gets the cached result on every later call.
import { extractDir } from "../../paths.js";
import { normaliseName } from "../../ids.js";
import { AhoCorasick } from "./aho-corasick.js";
import { loadRuleData } from "./load.js";
import type { RuleData } from "./load.js";
import type {
  BookTitleRule,
  LexiconEntry,
  PatternRule,
  QuotedRule,
  SubunitRule,
  SuffixRule,
} from "./schema.js";

export interface SuffixKey {
  rule: SuffixRule | SubunitRule;
  suffix: string;
}

/** A key of the combined automaton: which table it belongs to, and its value there. */
export type ScanKey =
  | { table: "gazetteer"; value: LexiconEntry }
  | { table: "suffixes"; value: SuffixKey }
  | { table: "titles"; value: string }
  | { table: "cues"; value: string };

export interface CompiledRules {
  /** Every key of the four tables below in one automaton: an article is read once (see scan.ts). */
  combined: AhoCorasick<ScanKey>;
  gazetteer: AhoCorasick<LexiconEntry>;
  suffixes: AhoCorasick<SuffixKey>;
  titles: AhoCorasick<string>;
  cues: AhoCorasick<string>;
  /** Normalised name or alias → entries carrying it (for canonicalising pattern hits). */
  byName: Map<string, LexiconEntry[]>;
  /** Every suffix keyword of each label (a name may not run through another label's head word). */
  suffixLabels: Map<string, Set<string>>;
  surnames: Set<string>;
  compoundSurnames: Set<string>;
  classWords: Set<string>;
  stopWords: Set<string>;
  bookTitles: BookTitleRule[];
  quoted: QuotedRule[];
  rules: Map<string, PatternRule>;
}

export function compileRules(data: RuleData): CompiledRules {
  const combined = new AhoCorasick<ScanKey>();
  const gazetteer = new AhoCorasick<LexiconEntry>();
  const byName = new Map<string, LexiconEntry[]>();
  for (const entry of data.entries) {
    for (const name of [entry.canonical, ...entry.aliases]) {
      gazetteer.add(name, entry);
      combined.add(name, { table: "gazetteer", value: entry });
      const key = normaliseName(name);
      const list = byName.get(key) ?? [];
      if (!list.includes(entry)) list.push(entry);
      byName.set(key, list);
    }
  }
  const suffixes = new AhoCorasick<SuffixKey>();
  const suffixLabels = new Map<string, Set<string>>();
  for (const rule of data.rules) {
    if (rule.kind !== "suffix" && rule.kind !== "subunit") continue;
    for (const suffix of rule.suffixes) {
      suffixes.add(suffix, { rule, suffix });
      combined.add(suffix, { table: "suffixes", value: { rule, suffix } });
      const labels = suffixLabels.get(suffix) ?? new Set<string>();
      labels.add(rule.label);
      suffixLabels.set(suffix, labels);
    }
  }
  const titles = new AhoCorasick<string>();
  for (const t of data.words.titles ?? []) {
    titles.add(t, t);
    combined.add(t, { table: "titles", value: t });
  }
  const cues = new AhoCorasick<string>();
  for (const v of data.words["speech-verbs"] ?? []) {
    cues.add(v, v);
    combined.add(v, { table: "cues", value: v });
  }
  const surnameList = data.words.surnames ?? [];
  return {
    combined: combined.build(),
    gazetteer: gazetteer.build(),
    suffixes: suffixes.build(),
    titles: titles.build(),
    cues: cues.build(),
    byName,
    suffixLabels,
    surnames: new Set(surnameList.filter((s) => s.length === 1)),
    compoundSurnames: new Set(surnameList.filter((s) => s.length === 2)),
    classWords: new Set(data.words["class-words"] ?? []),
    stopWords: new Set(data.words["boundary-stop"] ?? []),
    bookTitles: data.rules.filter((r): r is BookTitleRule => r.kind === "book-title"),
    quoted: data.rules.filter((r): r is QuotedRule => r.kind === "quoted"),
    rules: new Map(data.rules.map((r) => [r.id, r])),
  };
}

let cached: CompiledRules | null = null;

/** The project's rules, loaded from extract/ and compiled on first use. */
export function compiledRules(): CompiledRules {
  cached ??= compileRules(loadRuleData(extractDir));
  return cached;
}
