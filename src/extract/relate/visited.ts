// VISITED: a person inspects or visits a place, company or institution. A visit
// report names its visitor once and then lists the stops (随后来到…; 在…，李强…),
// so the visitor carries across the sentences of its paragraph.
import type { EntityMention, RelationMention } from "../types.js";
import type { RelateContext } from "./context.js";
import {
  findWords,
  isFiller,
  lastMentionBefore,
  mentionEndingAt,
  mentionStartingAt,
  paragraphStart,
  relation,
} from "./context.js";
import { subjectsBefore } from "./subject.js";
import { eventDate } from "./timing.js";

export function visits(ctx: RelateContext): RelationMention[] {
  const r = ctx.rules.visited;
  const out: RelationMention[] = [];
  let visitor: { person: EntityMention; paragraph: number } | undefined;
  const leadVerb = ctx.re.visitLeadVerb;
  for (const sentence of ctx.sentences) {
    const paragraph = paragraphStart(ctx, sentence.start);
    const carried = visitor && visitor.paragraph === paragraph ? visitor.person : undefined;
    const emit = (person: EntityMention, place: EntityMention, rule: string, at: number) => {
      out.push(relation("VISITED", person, place, sentence, rule, eventDate(ctx, sentence, at)));
      visitor = { person, paragraph };
    };
    // Person (在 place) 调研/考察
    for (const v of findWords(ctx, sentence, r.atPlaceVerbs)) {
      let p = v.start;
      const place = mentionEndingAt(ctx, p, r.placeLabels, sentence.start);
      if (!place) continue;
      p = place.start;
      while (p > sentence.start && /\s/.test(ctx.text[p - 1]!)) p--;
      if (ctx.text[p - 1] !== "在") continue;
      const person = subjectsBefore(ctx, sentence, p - 1, r.visitorLabels).at(-1);
      if (person) emit(person, place, "visited.at-place", p - 1);
    }
    // Person 来到/走进 place
    for (const v of findWords(ctx, sentence, r.verbs)) {
      const place = mentionStartingAt(
        ctx,
        v.end + (ctx.text[v.end] === "了" ? 1 : 0),
        r.placeLabels,
        sentence.end,
      );
      if (!place) continue;
      let person = subjectsBefore(ctx, sentence, v.start, r.visitorLabels).at(-1);
      if (!person) {
        let cs = v.start;
        while (cs > sentence.start && !/[，,。；;]/.test(ctx.text[cs - 1]!)) cs--;
        const head = ctx.text.slice(cs, v.start).trim();
        const pronoun = /^[他她]/u.test(head);
        // 他 stands for the paragraph's visitor, else for the last person named
        const lastPerson = lastMentionBefore(ctx, cs, (m) => m.label === "Person");
        if (isFiller(ctx, pronoun ? head.slice(1) : head))
          person = carried ?? (pronoun ? lastPerson : undefined);
      }
      if (person) emit(person, place, "visited.verb-object", v.start);
    }
    // 在 place，Person 听取/察看…
    const lead = /^\s*在/u.exec(ctx.text.slice(sentence.start, sentence.end));
    if (lead) {
      const place = mentionStartingAt(ctx, sentence.start + lead[0].length, r.placeLabels, sentence.end);
      if (place) {
        const rest = ctx.text.slice(place.end, sentence.end);
        const comma = /^\s*[，,]\s*/u.exec(rest);
        if (comma) {
          const at = place.end + comma[0].length;
          const person = mentionStartingAt(ctx, at, r.visitorLabels, sentence.end);
          const who = person ?? (carried && /^[他她]/.test(ctx.text.slice(at)) ? carried : undefined);
          const verbAt = person ? person.end : at + 1;
          const afterWho = ctx.text.slice(verbAt, verbAt + 12).replace(/^(?:详细|首先|随后|还|又|一一)/u, "");
          const known = who && (who === carried || (visitor && visitor.person.name === who.name));
          if (who && known && leadVerb.test(afterWho)) emit(who, place, "visited.place-lead", sentence.start);
        }
      }
    }
  }
  return out;
}
