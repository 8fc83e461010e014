// STATED: who said what. For each statement verb outside quotes, the speaker is
// looked for in the clause before the verb (a person, a body, a body's 负责人, a
// pronoun for the last named person), else at the head of the previous clause
// (…出席会议并讲话，强调…). The statement is the quote or the clause after the
// verb, or the quote just before the speaker (“……”刘爱华表示。). No named
// speaker, no statement.
//
// Decision: a Statement also points at every entity its text names with a
// MENTIONS relation (Statement → entity). ONTOLOGY.md defines MENTIONS as
// Document → entity; reusing the type from a Statement keeps the schema to the
// ten listed types while making "what did 工信部 say about 独角兽企业" a
// two-hop query (speaker -STATED-> Statement -MENTIONS-> entity).
import type { EntityMention, RelationMention, Span } from "../types.js";
import type { RelateContext } from "./context.js";
import {
  findWords,
  hasLabel,
  insideQuote,
  isFiller,
  lastMentionBefore,
  listStartingWith,
  mentionsIn,
  paragraphStart,
  relation,
  sentenceAt,
} from "./context.js";
import { subjectsBefore } from "./subject.js";
import { chainStart } from "./holds.js";
import { eventDate } from "./timing.js";
import { transcriptStatements } from "./transcript.js";

const CLAUSE_BREAK = /[，,；;。！？!?：:”\n]/u;

interface Speaker {
  mention: EntityMention;
  rule: string;
  /** Further bodies speaking jointly (湖北省市场监管局、省知识产权局同日宣布). */
  others?: EntityMention[];
}

function clauseStartBefore(ctx: RelateContext, sentence: Span, pos: number): number {
  let i = pos;
  while (i > sentence.start && !CLAUSE_BREAK.test(ctx.text[i - 1]!)) i--;
  return i;
}

export function statements(ctx: RelateContext): RelationMention[] {
  const rules = ctx.rules.stated;
  const out: RelationMention[] = [];
  let lastSpeaker: EntityMention | undefined;
  const titleAfterName = ctx.re.titleAfterName;
  for (const sentence of ctx.sentences) {
    for (const v of findWords(ctx, sentence, ctx.re.statedVerbs)) {
      if (insideQuote(ctx, v.start)) continue;
      const verb = rules.verbs.find((x) => x.word === v.word)!;
      const before = ctx.text.slice(Math.max(sentence.start, v.start - 4), v.start);
      if (rules.notBefore.some((w) => before.endsWith(w))) continue;
      const after = ctx.text.slice(v.end, v.end + 4).trimStart();
      if (rules.notAfter.some((w) => after.startsWith(w))) continue;
      const punctuated = /^[，,：:“"。]/.test(after) || after === "";
      const opensClause = verb.bare || (verb.bareBefore ?? []).some((w) => after.startsWith(w));
      if (!punctuated && (!opensClause || /^[了的过着]/.test(after))) continue;

      const clauseStart = clauseStartBefore(ctx, sentence, v.start);
      const speaker = findSpeaker(ctx, sentence, clauseStart, v.start, lastSpeaker, titleAfterName);
      if (!speaker) continue;
      const parts = statementParts(ctx, sentence, v.end, clauseStart);
      if (parts.length === 0) continue;
      const date = eventDate(ctx, sentence, clauseStart);
      for (const { span, rule } of parts) {
        const surface = ctx.text.slice(span.start, span.end);
        const statement: EntityMention = {
          label: "Statement",
          name: surface.replace(/\s+/g, "").slice(0, rules.maxStatementChars),
          surface,
          start: span.start,
          end: span.end,
          rule,
          properties: { ...date },
        };
        const speakerRule = speaker.rule === "stated.verb-after-speaker" ? rule : speaker.rule;
        for (const who of [speaker.mention, ...(speaker.others ?? [])])
          out.push(relation("STATED", who, statement, sentence, speakerRule, date));
        for (const m of mentionsIn(ctx, span)) {
          if (m !== speaker.mention)
            out.push(relation("MENTIONS", statement, m, sentence, "stated.mentions"));
        }
      }
      lastSpeaker = speaker.mention;
    }
    const colon = colonQuotes(ctx, sentence, out);
    if (colon.length > 0) lastSpeaker = colon[colon.length - 1]!.source;
    out.push(...colon);
  }
  return [...out, ...transcriptStatements(ctx, out)];
}

/**
 * 余承东公布了鸿蒙生态的最新进展：“……” — a quote opened after a colon, in a clause
 * headed by a person (title chain allowed) or a body, is that speaker's statement.
 */
function colonQuotes(ctx: RelateContext, sentence: Span, already: RelationMention[]): RelationMention[] {
  const out: RelationMention[] = [];
  for (const quote of ctx.quotes) {
    if (quote.start < sentence.start || quote.start >= sentence.end) continue;
    let c = quote.start;
    while (c > sentence.start && /\s/.test(ctx.text[c - 1]!)) c--;
    if (!/[：:]/.test(ctx.text[c - 1] ?? "")) continue;
    const span = { start: quote.start + 1, end: quote.end - 1 };
    if (already.some((r) => r.type === "STATED" && r.target.start === span.start)) continue;
    const clauseStart = clauseStartBefore(ctx, sentence, c - 1);
    const inClause = mentionsIn(ctx, { start: clauseStart, end: c - 1 });
    const head = inClause.find((m) => hasLabel(m, ctx.rules.stated.speakerLabels));
    if (!head) continue;
    const person = inClause.find((m) => m.label === "Person");
    const speaker =
      person && isFiller(ctx, ctx.text.slice(clauseStart, chainStart(ctx, sentence, person)))
        ? person
        : head.label !== "Person" && isFiller(ctx, ctx.text.slice(clauseStart, head.start)) && !person
          ? head
          : undefined;
    if (!speaker) continue;
    const surface = ctx.text.slice(span.start, span.end);
    const date = eventDate(ctx, sentence, clauseStart);
    const statement: EntityMention = {
      label: "Statement",
      name: surface.replace(/\s+/g, "").slice(0, ctx.rules.stated.maxStatementChars),
      surface,
      start: span.start,
      end: span.end,
      rule: "stated.colon-quote",
      properties: { ...date },
    };
    out.push(relation("STATED", speaker, statement, sentence, "stated.colon-quote", date));
    for (const m of mentionsIn(ctx, span)) {
      if (m !== speaker) out.push(relation("MENTIONS", statement, m, sentence, "stated.mentions"));
    }
  }
  return out;
}

function findSpeaker(
  ctx: RelateContext,
  sentence: Span,
  clauseStart: number,
  verbStart: number,
  lastSpeaker: EntityMention | undefined,
  titleAfterName: RegExp,
): Speaker | undefined {
  const rules = ctx.rules.stated;
  const clause = { start: clauseStart, end: verbStart };
  const inClause = mentionsIn(ctx, clause);
  const gapIsFiller = (from: number) => {
    let gap = ctx.text.slice(from, verbStart).trim();
    gap = gap.replace(titleAfterName, "");
    return isFiller(ctx, gap);
  };
  const persons = inClause.filter((m) => m.label === "Person" && hasLabel(m, rules.speakerLabels));
  for (let i = persons.length - 1; i >= 0; i--) {
    if (gapIsFiller(persons[i]!.end)) return { mention: persons[i]!, rule: "stated.verb-after-speaker" };
  }
  const head = ctx.text.slice(clauseStart, verbStart);
  const spokes = ctx.re.spokesperson;
  for (const m of inClause) {
    if (m.label === "Person" || !hasLabel(m, rules.speakerLabels)) continue;
    if (!isFiller(ctx, ctx.text.slice(clauseStart, m.start))) continue;
    const bodies = rules.speakerLabels.filter((l) => l !== "Person");
    const list = listStartingWith(ctx, m, bodies, verbStart);
    const others = list.slice(1);
    const rest = ctx.text.slice(list[list.length - 1]!.end, verbStart).trim();
    if (isFiller(ctx, rest)) return { mention: m, rule: "stated.verb-after-speaker", others };
    const sp = spokes.exec(rest);
    if (sp && isFiller(ctx, rest.slice(sp[0].length)))
      return { mention: m, rule: "stated.spokesperson", others };
  }
  // 会议强调: the body that convened the meeting earlier in the paragraph
  if (rules.meetingWords.includes(head.trim())) {
    const convener = meetingConvener(ctx, clauseStart);
    if (convener) return { mention: convener, rule: "stated.meeting" };
  }
  // pronouns at the head of the clause
  const lead = head.trim();
  for (const [word, kind] of Object.entries(rules.pronouns)) {
    if (!lead.includes(word)) continue;
    const after = lead.slice(lead.indexOf(word) + word.length);
    if (!isFiller(ctx, after) || !isFiller(ctx, lead.slice(0, lead.indexOf(word)))) continue;
    const target =
      kind === "speaker" ? lastSpeaker : lastMentionBefore(ctx, clauseStart, (m) => m.label === "Person");
    if (target) return { mention: target, rule: "stated.pronoun" };
  }
  // the verb opens its clause: the subject heads the previous clause of the sentence
  if (isFiller(ctx, head) && clauseStart > sentence.start) {
    const prevStart = clauseStartBefore(ctx, sentence, clauseStart - 1);
    const prev = mentionsIn(ctx, { start: prevStart, end: clauseStart - 1 });
    const subject = prev.find((m) => m.label === "Person");
    if (subject && isFiller(ctx, ctx.text.slice(prevStart, chainStart(ctx, sentence, subject)))) {
      return { mention: subject, rule: "stated.carried-subject" };
    }
  }
  return undefined;
}

/** The last body before pos in its paragraph that 召开/举行 a meeting (…工作专班召开专题会议). */
function meetingConvener(ctx: RelateContext, pos: number): EntityMention | undefined {
  const from = paragraphStart(ctx, pos);
  const bodies = ctx.rules.stated.speakerLabels.filter((l) => l !== "Person");
  for (const v of findWords(ctx, { start: from, end: pos }, ctx.re.conveneVerbs).reverse()) {
    const body = subjectsBefore(
      ctx,
      sentenceAt(ctx, v.start) ?? { start: from, end: pos },
      v.start,
      bodies,
    )[0];
    if (body && /^[^，。；]{0,12}会/u.test(ctx.text.slice(v.end, pos))) return body;
  }
  return undefined;
}

/** The statement text(s): the quote or clause after the verb, and a quote just before the speaker. */
function statementParts(
  ctx: RelateContext,
  sentence: Span,
  verbEnd: number,
  clauseStart: number,
): { span: Span; rule: string }[] {
  const parts: { span: Span; rule: string }[] = [];
  let p = verbEnd;
  while (p < sentence.end && /[\s，,：:]/.test(ctx.text[p]!)) p++;
  // a quote is the statement only when it runs to the end of the sentence, not a quoted name (“…”专项是…)
  const quoteAfter = ctx.quotes.find(
    (q) => q.start === p && /^[\s。！？!?，,…]*$/.test(ctx.text.slice(q.end, Math.max(q.end, sentence.end))),
  );
  if (quoteAfter) {
    parts.push({
      span: { start: quoteAfter.start + 1, end: quoteAfter.end - 1 },
      rule: "stated.verb-after-speaker",
    });
  } else {
    let end = sentence.end;
    while (end > p && /[\s。！？!?；;]/.test(ctx.text[end - 1]!)) end--;
    if (end > p) parts.push({ span: { start: p, end }, rule: "stated.verb-after-speaker" });
  }
  let q = clauseStart;
  while (q > 0 && /[ \t]/.test(ctx.text[q - 1]!)) q--; // same paragraph only
  const quoteBefore = ctx.quotes.find((x) => x.end === q);
  if (quoteBefore && quoteBefore.end - quoteBefore.start > 2 && standsAlone(ctx, quoteBefore)) {
    parts.unshift({
      span: { start: quoteBefore.start + 1, end: quoteBefore.end - 1 },
      rule: "stated.quote-then-speaker",
    });
  }
  return parts.filter((x) => x.span.end > x.span.start);
}

/** A quotation that is a statement, not a name in quotes: it opens its sentence or ends like one. */
function standsAlone(ctx: RelateContext, quote: Span): boolean {
  if (/[。！？!?…]$/.test(ctx.text.slice(quote.start + 1, quote.end - 1))) return true;
  let b = quote.start;
  while (b > 0 && /[ \t]/.test(ctx.text[b - 1]!)) b--;
  return b === 0 || /[。！？!?\n：:]/.test(ctx.text[b - 1]!);
}
