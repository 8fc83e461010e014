// Reading the rule data of extract/: lexicons (gazetteers), word lists and JSONL
// pattern rules. Everything is validated before anything is compiled; all problems
// are thrown together as one RuleError.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { ENTITY_LABELS } from "../../types.js";
import type { EntityLabel } from "../../types.js";
import { validateRule } from "./schema.js";
import type { LexiconEntry, PatternRule } from "./schema.js";
import { RuleError } from "./schema.js";

export interface RuleData {
  entries: LexiconEntry[];
  rules: PatternRule[];
  words: Record<string, string[]>;
}

const contentLines = (text: string): { line: number; text: string }[] =>
  text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((t, i) => ({ line: i + 1, text: t.trim() }))
    .filter((l) => l.text.length > 0 && !l.text.startsWith("#"));

/** Parses one lexicon file (format in extract/README.md). */
export function parseLexicon(text: string, file: string, problems: string[]): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  let label: EntityLabel | null = null;
  let rule: string | null = null;
  let suffix = "";
  let parent: string | undefined;
  let template: string[] | null = null;
  for (const { line, text: l } of contentLines(text)) {
    const where = `${file}:${line}`;
    if (l.startsWith("@")) {
      const [key, ...rest] = l.slice(1).split(/\s+/);
      const value = rest.join(" ");
      if (key === "label") {
        if (!ENTITY_LABELS.includes(value as EntityLabel)) problems.push(`${where}: unknown label ${value}`);
        else label = value as EntityLabel;
      } else if (key === "rule") rule = value;
      else if (key === "canonical-suffix") suffix = value;
      else if (key === "parent") parent = value || undefined;
      else if (key === "template") template = value === "none" ? null : value.split("|");
      else problems.push(`${where}: unknown directive @${key}`);
      continue;
    }
    if (!label || !rule) {
      problems.push(`${where}: entry before @label and @rule`);
      continue;
    }
    for (const item of l.split(/\s+/)) {
      const [head = "", ...extra] = item.split("|");
      if (!head || extra.some((a) => !a)) {
        problems.push(`${where}: empty name in ${JSON.stringify(item)}`);
        continue;
      }
      let names: string[];
      if (template) names = template.map((t) => t.replaceAll("{0}", head));
      else if (suffix && !/(自治州|盟|地区)$/.test(head)) {
        const bare = head.replace(/^!/, "");
        names = head.startsWith("!") ? [bare + suffix] : [bare + suffix, bare];
      } else names = [head];
      const [canonical = head, ...aliases] = [...names, ...extra];
      entries.push({
        label,
        canonical,
        aliases: [...new Set(aliases)],
        rule: `${rule}:${canonical}`,
        parent,
      });
    }
  }
  return entries;
}

export function parseWordList(text: string): string[] {
  return contentLines(text).flatMap((l) => l.text.split(/\s+/));
}

export function parseRules(text: string, file: string, problems: string[]): PatternRule[] {
  const rules: PatternRule[] = [];
  for (const { line, text: l } of contentLines(text)) {
    let raw: unknown;
    try {
      raw = JSON.parse(l);
    } catch (e) {
      problems.push(`${file}:${line}: not JSON (${(e as Error).message})`);
      continue;
    }
    const rule = validateRule(raw, `${file}:${line}`, problems);
    if (rule) rules.push(rule);
  }
  return rules;
}

const listFiles = (dir: string, ext: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort();

/** Reads every lexicon, word list and rule file under `dir` (extract/). */
export function loadRuleData(dir: string): RuleData {
  const problems: string[] = [];
  const rel = (p: string): string => path.relative(path.dirname(dir), p);
  const entries = listFiles(path.join(dir, "lexicon"), ".txt").flatMap((f) => {
    const p = path.join(dir, "lexicon", f);
    return parseLexicon(readFileSync(p, "utf8"), rel(p), problems);
  });
  const words: Record<string, string[]> = {};
  for (const f of listFiles(path.join(dir, "words"), ".txt"))
    words[f.replace(/\.txt$/, "")] = parseWordList(readFileSync(path.join(dir, "words", f), "utf8"));
  const rules = listFiles(path.join(dir, "rules"), ".jsonl").flatMap((f) => {
    const p = path.join(dir, "rules", f);
    return parseRules(readFileSync(p, "utf8"), rel(p), problems);
  });
  const seen = new Map<string, number>();
  for (const r of rules) seen.set(r.id, (seen.get(r.id) ?? 0) + 1);
  for (const [id, n] of seen) if (n > 1) problems.push(`extract/rules: rule id ${id} is used ${n} times`);
  for (const name of ["surnames", "titles", "speech-verbs", "class-words", "boundary-stop"])
    if (!words[name]) problems.push(`extract/words/${name}.txt: missing`);
  if (problems.length > 0) throw new RuleError(problems);
  return { entries, rules, words };
}
