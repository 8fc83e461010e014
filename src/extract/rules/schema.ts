// The shapes of the rule data in extract/ and their validation. Every problem is
// reported with its file and line so that whoever edits a rule file sees all of
// them at once (spaCy's MatchPatternError does the same).
import { ENTITY_LABELS } from "../../types.js";
import type { EntityLabel } from "../../types.js";

/** One gazetteer entry: an official name and its short forms. */
export interface LexiconEntry {
  label: EntityLabel;
  canonical: string;
  aliases: string[];
  /** `<file rule id>:<canonical>`, stable as long as the entry's name is. */
  rule: string;
  /** Enclosing region (the province of a city), when the file gives one. */
  parent?: string;
}

interface RuleBase {
  id: string;
  label: EntityLabel;
  reason: string;
}

/** How far left a suffix name may reach, and what it must start with. */
export type Anchor = "free" | "region" | "after-region" | "national" | "state" | "zone" | "event" | "named";

export interface SuffixRule extends RuleBase {
  kind: "suffix";
  suffixes: string[];
  minCore: number;
  maxLength: number;
  anchor: Anchor;
  /** Short body names expanded to the official one for the canonical name (工信厅 → 工业和信息化厅). */
  expand: Record<string, string>;
  /** Drop the head word from the name (X产业 → X). */
  strip: boolean;
}

export interface SubunitRule extends RuleBase {
  kind: "subunit";
  suffixes: string[];
  minCore: number;
  maxLength: number;
}

export interface BookTitleRule extends RuleBase {
  kind: "book-title";
  heads: string[];
}

export interface QuotedRule extends RuleBase {
  kind: "quoted";
  suffixes: string[];
  maxGap: number;
}

export interface PersonRule extends RuleBase {
  kind: "person-title" | "person-cue" | "person-apposition" | "repeat";
}

export type PatternRule = SuffixRule | SubunitRule | BookTitleRule | QuotedRule | PersonRule;

export class RuleError extends Error {
  override readonly name = "RuleError";
  readonly code = "RULE_INVALID";
  constructor(readonly problems: string[]) {
    super(`invalid rules:\n  ${problems.join("\n  ")}`);
  }
}

const ANCHORS: readonly Anchor[] = [
  "free",
  "region",
  "after-region",
  "national",
  "state",
  "zone",
  "event",
  "named",
];
const isLabel = (v: unknown): v is EntityLabel => ENTITY_LABELS.includes(v as EntityLabel);
const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === "string" && s.length > 0);

/** Validates one parsed JSONL record; returns the rule or pushes problems ("file:line: …"). */
export function validateRule(raw: unknown, where: string, problems: string[]): PatternRule | null {
  const bad = (msg: string): null => {
    problems.push(`${where}: ${msg}`);
    return null;
  };
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    return bad("a rule must be a JSON object");
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== "string" || !/^[a-z][a-z0-9.-]*$/.test(r.id))
    return bad("`id` must be a dotted lower-case string");
  if (!isLabel(r.label)) return bad(`rule ${r.id}: unknown label ${JSON.stringify(r.label)}`);
  if (typeof r.reason !== "string" || r.reason.length === 0)
    return bad(`rule ${r.id}: \`reason\` is required`);
  const base = { id: r.id, label: r.label, reason: r.reason };
  const num = (v: unknown, dflt: number): number =>
    typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : dflt;
  switch (r.kind) {
    case "suffix": {
      if (!isStringArray(r.suffixes))
        return bad(`rule ${r.id}: \`suffixes\` must be a non-empty string array`);
      const anchor = (r.anchor ?? "free") as Anchor;
      if (!ANCHORS.includes(anchor)) return bad(`rule ${r.id}: unknown anchor ${JSON.stringify(r.anchor)}`);
      const expand = (r.expand ?? {}) as Record<string, unknown>;
      if (typeof expand !== "object" || Object.values(expand).some((v) => typeof v !== "string"))
        return bad(`rule ${r.id}: \`expand\` must map strings to strings`);
      return {
        ...base,
        kind: "suffix",
        suffixes: r.suffixes,
        minCore: num(r.minCore, 2),
        maxLength: num(r.maxLength, 24),
        anchor,
        expand: expand as Record<string, string>,
        strip: r.strip === true,
      };
    }
    case "subunit":
      if (!isStringArray(r.suffixes))
        return bad(`rule ${r.id}: \`suffixes\` must be a non-empty string array`);
      return {
        ...base,
        kind: "subunit",
        suffixes: r.suffixes,
        minCore: num(r.minCore, 1),
        maxLength: num(r.maxLength, 10),
      };
    case "book-title":
      if (!isStringArray(r.heads)) return bad(`rule ${r.id}: \`heads\` must be a non-empty string array`);
      return { ...base, kind: "book-title", heads: r.heads };
    case "quoted":
      if (!isStringArray(r.suffixes))
        return bad(`rule ${r.id}: \`suffixes\` must be a non-empty string array`);
      return { ...base, kind: "quoted", suffixes: r.suffixes, maxGap: num(r.maxGap, 2) };
    case "person-title":
    case "person-apposition":
    case "person-cue":
    case "repeat":
      return { ...base, kind: r.kind };
    default:
      return bad(`rule ${r.id}: unknown kind ${JSON.stringify(r.kind)}`);
  }
}
