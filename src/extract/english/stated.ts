// STATED in English: "Wang said (that) …", "Wang Jiangping, vice minister of the
// MIIT, said …", '"…," said Wang', '"…," Wang said', "he said" (the last person
// named before), and "according to the NDRC, …". The Statement keeps the quoted
// text, or else the reported clause.
import type { NodeLabel } from "../../types.js";
import type { EntityMention, RelationMention, Span } from "../types.js";
import type { EnContext } from "./context.js";
import { hasLabel, relation } from "./context.js";
import type { EnglishRelationRules } from "./data.js";

const SPEAKERS: NodeLabel[] = ["Person", "Agency", "Enterprise", "Organization"];
const GAP =
  /^\)?\s*(?:,[^,;"“”]{1,160},\s*)?(?:(?:also|further|then|recently|earlier|has|have|had|once|on\s+\w+(?:\s+\d+)?|in\s+an?\s+[\w-]+(?:\s+[\w-]+)?|at\s+(?:an?|the)\s+[\w\s-]{1,40}?|during\s+(?:an?|the)\s+[\w\s-]{1,40}?|when\s+\w+ing\s+[\w\s-]{1,40}?)\s*,?\s*)*$/i;
const QUOTE = /“([^”]{8,})”|"([^"]{8,})"/;

function statementAfter(ctx: EnContext, sentence: Span, from: number): Span | null {
  const rest = ctx.text.slice(from, sentence.end);
  const q = QUOTE.exec(rest);
  // A quoted name ('the "Unicorn Cultivation" initiative') is not the statement.
  const named = q && ctx.mentions.some((m) => m.start === from + q.index + 1);
  if (q && !named) {
    const inner = q[1] ?? q[2]!;
    const start = from + q.index + 1;
    return { start, end: start + inner.length };
  }
  // "said at a press conference on Tuesday that …": the statement starts after "that".
  const lead = (/^[^,"“”]{0,80}?\bthat\s+/i.exec(rest) ?? /^[\s,:]*/.exec(rest)!)[0].length;
  let end = sentence.end;
  while (end > from + lead && /[\s.!?"”]/.test(ctx.text[end - 1]!)) end--;
  return end - (from + lead) >= 10 ? { start: from + lead, end } : null;
}

function statementBefore(ctx: EnContext, sentence: Span, at: number): Span | null {
  const before = ctx.text.slice(sentence.start, at);
  const q = /(?:“([^”]{8,})”|"([^"]{8,})")\s*$/.exec(before.replace(/[\s,]+$/, ""));
  if (!q) return null;
  const inner = (q[1] ?? q[2]!).replace(/[,.]$/, "");
  const start = sentence.start + q.index + 1;
  return { start, end: start + inner.length };
}

function statementMention(ctx: EnContext, span: Span, rule: string, max: number): EntityMention {
  const surface = ctx.text.slice(span.start, span.end);
  const date = ctx.article.date;
  return {
    label: "Statement",
    name: surface.replace(/\s+/g, " ").trim().slice(0, max),
    surface,
    start: span.start,
    end: span.end,
    rule,
    properties: date ? { date } : {},
  };
}

export function statements(
  ctx: EnContext,
  sentences: Span[],
  rules: EnglishRelationRules["stated"],
): RelationMention[] {
  const out: RelationMention[] = [];
  const verbRe = new RegExp(
    `(?<![A-Za-z-])(?:${rules.verbs.map((v) => v.replace(/ /g, "\\s+")).join("|")})(?![A-Za-z-])`,
    "gi",
  );
  const pronounRe = new RegExp(`\\b(?:${rules.pronouns.join("|")})\\s*$`, "i");
  let lastPerson: EntityMention | undefined;
  for (const sentence of sentences) {
    const ms = ctx.mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
    const slice = ctx.text.slice(sentence.start, sentence.end);
    const emit = (speaker: EntityMention, span: Span | null, rule: string) => {
      if (!span) return false;
      out.push(
        relation(
          "STATED",
          speaker,
          statementMention(ctx, span, rule, rules.maxStatementChars),
          sentence,
          rule,
        ),
      );
      return true;
    };
    let done = false;
    const according = /\baccording to (?:the\s+)?/i.exec(slice);
    if (according) {
      const at = sentence.start + according.index + according[0].length;
      const who = ms.find((m) => m.start === at && hasLabel(m, SPEAKERS));
      if (who) {
        const comma = ctx.text.indexOf(",", who.end);
        const from = comma >= 0 && comma < sentence.end ? comma + 1 : who.end;
        const span =
          according.index === 0
            ? statementAfter(ctx, sentence, from)
            : { start: sentence.start, end: sentence.start + according.index };
        done = emit(who, span && span.end > span.start ? span : null, rules.rules.according);
      }
    }
    verbRe.lastIndex = 0;
    for (let v = verbRe.exec(slice); v && !done; v = verbRe.exec(slice)) {
      const vStart = sentence.start + v.index;
      const vEnd = vStart + v[0].length;
      const before = ms.filter((m) => m.end <= vStart);
      // '"…," said Wang Jiangping' / '"…," Wang said'.
      const quoteBefore = statementBefore(ctx, sentence, vStart);
      const after = ms.find((m) => m.start >= vEnd && hasLabel(m, SPEAKERS));
      if (
        quoteBefore &&
        after &&
        /^\s+(?:[A-Za-z-]+\s+){0,4}$/.test(ctx.text.slice(vEnd, after.start)) &&
        after.label === "Person"
      ) {
        done = emit(after, quoteBefore, rules.rules.inverted);
        continue;
      }
      // The speaker: the person heading the clause (apposition allowed), else a body.
      const candidates = before.filter(
        (m) => hasLabel(m, SPEAKERS) && GAP.test(ctx.text.slice(m.end, vStart)),
      );
      const speaker = candidates.find((m) => m.label === "Person") ?? candidates[candidates.length - 1];
      if (speaker) {
        const quoted = statementBefore(ctx, sentence, speaker.start) ?? quoteBefore;
        done = emit(speaker, quoted ?? statementAfter(ctx, sentence, vEnd), rules.rules.before);
        continue;
      }
      if (lastPerson && pronounRe.test(ctx.text.slice(sentence.start, vStart)))
        done = emit(lastPerson, quoteBefore ?? statementAfter(ctx, sentence, vEnd), rules.rules.pronoun);
    }
    const persons = ms.filter((m) => m.label === "Person");
    if (persons.length) lastPerson = persons[persons.length - 1];
  }
  return out;
}
