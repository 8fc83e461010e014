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

function statementAfter(ctx: EnContext, sentence: Span, from: number): Span | null {
  const rest = ctx.text.slice(from, sentence.end);
  // 'said: "…"', 'said that "…"': the quotation is the statement.
  const q = /^\s*[,:]?\s*(?:that\s+)?(?:“([^”]{8,})”|"([^"]{8,})")/.exec(rest);
  if (q) {
    const inner = q[1] ?? q[2]!;
    const start = from + q[0].length - inner.length - 1;
    return { start, end: start + inner.length };
  }
  // "said at a press conference on Tuesday that …": the statement starts after "that".
  const lead = (/^[^,"“”]{0,80}?\bthat\s+/i.exec(rest) ?? /^[\s,:]*/.exec(rest)!)[0].length;
  const stop = /[.!?]["”]?\s+["“A-Z]/.exec(rest.slice(lead));
  let end = stop ? from + lead + stop.index : sentence.end;
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
  for (const sentence of sentences) {
    const ms = ctx.mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
    const slice = ctx.text.slice(sentence.start, sentence.end);
    const covered: Span[] = [];
    const emit = (speaker: EntityMention, span: Span | null, rule: string) => {
      if (!span || covered.some((c) => c.start === span.start)) return false;
      covered.push(span);
      const statement = statementMention(ctx, span, rule, rules.maxStatementChars);
      out.push(relation("STATED", speaker, statement, sentence, rule));
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
      // A verb inside a statement already taken is part of what was said.
      if (covered.some((c) => vStart >= c.start && vStart < c.end)) continue;
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
        emit(after, quoteBefore, rules.rules.inverted);
        continue;
      }
      // The speaker: the person heading the clause (apposition allowed), else a body.
      const candidates = before.filter(
        (m) => hasLabel(m, SPEAKERS) && GAP.test(ctx.text.slice(m.end, vStart)),
      );
      const speaker = candidates.find((m) => m.label === "Person") ?? candidates[candidates.length - 1];
      if (speaker) {
        const quoted = statementBefore(ctx, sentence, speaker.start) ?? quoteBefore;
        emit(speaker, quoted ?? statementAfter(ctx, sentence, vEnd), rules.rules.before);
        continue;
      }
      // "he said": the last person named before the verb.
      const named = ctx.mentions.filter((m) => m.label === "Person" && m.end <= vStart);
      const lastPerson = named[named.length - 1];
      const pronoun = pronounRe.exec(ctx.text.slice(sentence.start, vStart));
      if (lastPerson && pronoun) {
        const quoted = statementBefore(ctx, sentence, sentence.start + pronoun.index) ?? quoteBefore;
        emit(lastPerson, quoted ?? statementAfter(ctx, sentence, vEnd), rules.rules.pronoun);
      }
    }
  }
  return out;
}
