// STATED without a speech verb: in a press-conference transcript a paragraph opens
// with the speaker's name and a colon (许某某：去年以来…), and a headline may put the
// speaking body before a colon (某部：一季度工业增加值增长6%). The statement is the
// rest of the sentence the colon opens.
import type { EntityMention, RelationMention } from "../types.js";
import type { RelateContext } from "./context.js";
import { hasLabel, mentionsIn, paragraphStart, relation, sentenceAt } from "./context.js";
import { eventDate } from "./timing.js";

/** Speaker roles a transcript may put between the name and the colon (发言人, 主持人). */
const ROLE = /^(?:先生|女士|同志|主持人|新闻发言人|发言人)?$/u;

export function transcriptStatements(ctx: RelateContext, already: RelationMention[]): RelationMention[] {
  const out: RelationMention[] = [];
  const taken = new Set(already.filter((r) => r.type === "STATED").map((r) => r.target.start));
  for (const m of ctx.mentions) {
    if (!hasLabel(m, ctx.rules.stated.speakerLabels)) continue;
    const line = paragraphStart(ctx, m.start);
    if (ctx.text.slice(line, m.start).trim() !== "") continue;
    const colon = /^[ \t]*([^：:\n]{0,5})[ \t]*[：:][ \t]*/u.exec(ctx.text.slice(m.end, m.end + 16));
    if (!colon || !ROLE.test(colon[1]!)) continue;
    const from = m.end + colon[0].length;
    // 记者：/问： lines ask, and a quote after the colon is read by the colon-quote rule.
    if (/^[“"「]/.test(ctx.text[from] ?? "") || taken.has(from)) continue;
    const sentence = sentenceAt(ctx, from);
    if (!sentence) continue;
    let end = sentence.end;
    const nl = ctx.text.indexOf("\n", from);
    if (nl >= 0 && nl < end) end = nl;
    while (end > from && /[\s。！？!?；;]/.test(ctx.text[end - 1]!)) end--;
    if (end - from < 4) continue;
    const surface = ctx.text.slice(from, end);
    const date = eventDate(ctx, sentence, from);
    const statement: EntityMention = {
      label: "Statement",
      name: surface.replace(/\s+/g, "").slice(0, ctx.rules.stated.maxStatementChars),
      surface,
      start: from,
      end,
      rule: "stated.transcript",
      properties: { ...date },
    };
    out.push(relation("STATED", m, statement, sentence, "stated.transcript", date));
    for (const x of mentionsIn(ctx, { start: from, end }))
      out.push(relation("MENTIONS", statement, x, sentence, "stated.mentions"));
  }
  return out;
}
