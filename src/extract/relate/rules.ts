// Loads the relation rules (data in extract/relations/*.json) once per process.
// Rules are data so an analyst can add a trigger verb or a title word without
// touching the engine; the engine only knows the rule ids and the field names.
import { readFileSync } from "node:fs";
import path from "node:path";
import { extractDir } from "../../paths.js";
import type { NodeLabel } from "../../types.js";

export interface RuleInfo {
  id: string;
  description: string;
}

interface RuleFile {
  description: string;
  rules?: RuleInfo[];
}

export interface CommonRules extends RuleFile {
  listConnectors: string[];
  fillerWords: string[];
  fillerPatterns: string[];
}

export interface IssuedRules extends RuleFile {
  issuerLabels: NodeLabel[];
  documentLabels: NodeLabel[];
  triggers: string[];
}

export interface ShortForm {
  label: NodeLabel;
  suffix: string;
}

export interface HoldsRules extends RuleFile {
  personLabels: NodeLabel[];
  orgLabels: NodeLabel[];
  titleWords: string[];
  shortForms: Record<string, ShortForm>;
  subUnitSuffixes: string[];
  branchSuffixes: string[];
  /** Units of a company named inside a post (终端BG董事长): Enterprise sub-units. */
  enterpriseSubUnitSuffixes: string[];
  /** Endings of a company's legal name, for a branch whose parent is not named on its own. */
  enterpriseParentSuffixes: string[];
  maxTitlePrefix: number;
}

export interface StatedVerb {
  word: string;
  /** May the reported clause follow with no punctuation (强调要…)? */
  bare: boolean;
  /** Words that, right after a verb that is not bare, still open its reported clause (宣布完成…). */
  bareBefore?: string[];
}

export interface StatedRules extends RuleFile {
  speakerLabels: NodeLabel[];
  verbs: StatedVerb[];
  notBefore: string[];
  notAfter: string[];
  spokespersonWords: string[];
  pronouns: Record<string, "person" | "speaker">;
  /** Clause heads that make the meeting the speaker (会议强调): it speaks for whoever convened it. */
  meetingWords: string[];
  conveneVerbs: string[];
  maxStatementChars: number;
}

export interface AnnouncedRules extends RuleFile {
  subjectLabels: NodeLabel[];
  targetLabels: NodeLabel[];
  triggers: string[];
  memberLabels: NodeLabel[];
  programLabels: NodeLabel[];
  jointTriggers: string[];
  joinTriggers: string[];
  memberNouns: string[];
  /** Head words that make an unrecognised object of 共同成立 a programme (…协同创新网络, …联盟). */
  programHeads: string[];
}

export interface LocatedRules extends RuleFile {
  thingLabels: NodeLabel[];
  placeLabels: NodeLabel[];
  prefixThingLabels: NodeLabel[];
  /** Region names too broad to locate anything by name prefix (中国电信 is not "in 中国" by its name). */
  notPrefixRegions: string[];
  /** Endings a region's short form drops (武汉市 → 武汉). */
  regionSuffixes: string[];
  clusterVerbs: string[];
}

export interface FocusesRules extends RuleFile {
  subjectLabels: NodeLabel[];
  industryLabels: NodeLabel[];
  verbs: string[];
  fieldWords: string[];
  industryTails: string[];
  metricWords: string[];
  metricVerbs: string[];
}

export interface VisitedRules extends RuleFile {
  visitorLabels: NodeLabel[];
  placeLabels: NodeLabel[];
  verbs: string[];
  atPlaceVerbs: string[];
  leadVerbs: string[];
}

export interface RelationRules {
  common: CommonRules;
  issued: IssuedRules;
  holds: HoldsRules;
  stated: StatedRules;
  announced: AnnouncedRules;
  located: LocatedRules;
  focuses: FocusesRules;
  visited: VisitedRules;
}

export const relationRulesDir = path.join(extractDir, "relations");

function readRuleFile<T extends RuleFile>(name: string): T {
  const file = path.join(relationRulesDir, `${name}.json`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new Error(`${file}: cannot read relation rules (${(err as Error).message})`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new Error(`${file}: relation rules must be a JSON object`);
  }
  return data as T;
}

let cached: RelationRules | undefined;

export function loadRelationRules(): RelationRules {
  cached ??= {
    common: readRuleFile<CommonRules>("common"),
    issued: readRuleFile<IssuedRules>("issued"),
    holds: readRuleFile<HoldsRules>("holds"),
    stated: readRuleFile<StatedRules>("stated"),
    announced: readRuleFile<AnnouncedRules>("announced"),
    located: readRuleFile<LocatedRules>("located"),
    focuses: readRuleFile<FocusesRules>("focuses"),
    visited: readRuleFile<VisitedRules>("visited"),
  };
  return cached;
}

/** Every rule id the relation stage can emit (for documentation and tests). */
export function relationRuleIds(rules: RelationRules = loadRelationRules()): string[] {
  return Object.values(rules).flatMap((file: RuleFile) => (file.rules ?? []).map((r) => r.id));
}

/** Alternation of literal words, longest first so 介绍说 wins over 介绍. */
export function alternation(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
}
