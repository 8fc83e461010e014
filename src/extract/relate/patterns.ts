// The regular expressions of the relation families, built from the rule data
// once per rule set instead of once per article or per sentence: compiling an
// alternation of a few hundred words costs more than running it over a page.
import { alternation } from "./rules.js";
import type { RelationRules } from "./rules.js";

const QTY =
  "[\\d.]+\\s*(?:万亿|千亿|百亿|亿|千万|百万|万|千|百)?\\s*(?:余|多|\\+)?\\s*(?:家|个|项|所|名|款)?";

export interface RelationPatterns {
  /** Whole gap made of adverbials between a subject and its verb. */
  filler: RegExp;
  /** A title word (or 同志) right after a name: 李强总理表示. */
  titleAfterName: RegExp;
  /** A title phrase ending a chain segment: (prefix)(title words). */
  titlePhrase: RegExp;
  issuedActive: RegExp;
  issuedAttributive: RegExp;
  issuedPassiveTail: RegExp;
  announcedAtEnd: RegExp;
  announcedJointBefore: RegExp;
  announcedPassive: RegExp;
  programHead: RegExp;
  focusVerbAtEnd: RegExp;
  focusFieldTail: RegExp;
  /** Global: use with matchAll only (it copies the RegExp, so no shared lastIndex). */
  focusScale: RegExp;
  focusIndustryTail: RegExp;
  spokesperson: RegExp;
  visitLeadVerb: RegExp;
  /** Global word finders (matchAll only), one per word list. */
  words: Map<readonly string[], RegExp>;
  statedVerbs: readonly string[];
  conveneVerbs: readonly string[];
}

const cache = new WeakMap<RelationRules, RelationPatterns>();

export function relationPatterns(rules: RelationRules): RelationPatterns {
  let p = cache.get(rules);
  if (p) return p;
  const fillerParts = [alternation(rules.common.fillerWords), ...rules.common.fillerPatterns].map(
    (x) => `(?:${x})`,
  );
  const titles = alternation(rules.holds.titleWords);
  const issued = alternation(rules.issued.triggers);
  const announced = alternation(rules.announced.triggers);
  const f = rules.focuses;
  const statedVerbs = rules.stated.verbs.map((v) => v.word);
  const words = new Map<readonly string[], RegExp>();
  for (const list of [
    statedVerbs,
    rules.announced.jointTriggers,
    rules.announced.joinTriggers,
    rules.located.clusterVerbs,
    rules.visited.atPlaceVerbs,
    rules.visited.verbs,
    rules.stated.conveneVerbs,
  ])
    words.set(list, new RegExp(alternation(list), "gu"));
  p = {
    filler: new RegExp(`^(?:${fillerParts.join("|")}|[，,])*$`, "u"),
    titleAfterName: new RegExp(`^(?:${titles}|同志)`, "u"),
    titlePhrase: new RegExp(`^(.{0,${rules.holds.maxTitlePrefix}}?)((?:${titles})+)$`, "u"),
    issuedActive: new RegExp(`(${issued})(了)?\\s*$`, "u"),
    issuedAttributive: new RegExp(`(${issued})的\\s*$`, "u"),
    issuedPassiveTail: new RegExp(`^\\s*(${issued})`, "u"),
    announcedAtEnd: new RegExp(`(${announced})(了)?\\s*$`, "u"),
    announcedJointBefore: new RegExp(`(?:${alternation(rules.announced.jointTriggers)})\\s*$`, "u"),
    announcedPassive: new RegExp(`^(.{0,30}?)(${announced})`, "u"),
    programHead: new RegExp(
      `^[^，,。；;、“”《》\\s]{2,30}?(?:${alternation(rules.announced.programHeads)})`,
      "u",
    ),
    focusVerbAtEnd: new RegExp(`(${alternation(f.verbs)})\\s*(${QTY})?\\s*$`, "u"),
    // unrecognised items may follow the recognised ones (人工智能、高端制造、生物医药三大赛道)
    focusFieldTail: new RegExp(
      `^\\s*(?:、[^，。；、]{1,8}){0,6}\\s*(?:等[^，。；]{0,8}?)?(?:[\\d一二两三四五六七八九十]+大)?(?:${alternation(f.fieldWords)})`,
      "u",
    ),
    focusScale: new RegExp(
      `(?:产业集群|集群|产业)?(?:${alternation(f.metricWords)})\\s*(?:${alternation(f.metricVerbs)})\\s*(${QTY}\\s*(?:元|美元|亿元)?)`,
      "gu",
    ),
    focusIndustryTail: new RegExp(`^(?:${alternation(f.industryTails)})`, "u"),
    spokesperson: new RegExp(`^(?:${alternation(rules.stated.spokespersonWords)})`, "u"),
    visitLeadVerb: new RegExp(`^(?:${alternation(rules.visited.leadVerbs)})`, "u"),
    words,
    statedVerbs,
    conveneVerbs: rules.stated.conveneVerbs,
  };
  cache.set(rules, p);
  return p;
}
