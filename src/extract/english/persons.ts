// Persons in English text: Chinese names written in pinyin (a surname of
// extract/words/surnames.txt followed by a given name of one or two syllables:
// "Wang Jiangping", "He Lifeng"), any capitalised name after a title ("CEO Robin
// Li", "Chairman Richard Liu"), and the names compromise tags as people.
import { nlp } from "./nlp.js";
import type { EntityMention } from "../types.js";
import type { EnglishEntityRules } from "./data.js";
import { isPinyinWord, pinyinSurnames } from "./pinyin.js";
import { titleLengthAt } from "./titles.js";
import type { Token } from "./tokens.js";

const person = (text: string, start: number, end: number, rule: string): EntityMention => {
  const surface = text.slice(start, end);
  return { label: "Person", name: surface.replace(/\s+/g, " "), surface, start, end, rule };
};

const plainWord = (t: Token | undefined) =>
  t !== undefined && /^[A-Z][a-z'’-]+$/.test(t.text) && !t.possessive;

export function pinyinPersons(text: string, tokens: Token[], rules: EnglishEntityRules): EntityMention[] {
  const surnames = pinyinSurnames();
  const not = new Set(rules.persons.notNames);
  const out: EntityMention[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const s = tokens[i]!;
    const g = tokens[i + 1]!;
    if (!surnames.has(s.text) || !/^\s$/.test(text.slice(s.end, g.start))) continue;
    const given = g.text.replace(/['’]s$/, "");
    if (!/^[A-Z][a-z'’-]+$/.test(given) || not.has(given) || !isPinyinWord(given, 2)) continue;
    if (titleLengthAt(tokens, i + 1) > 0) continue;
    out.push(person(text, s.start, g.possessive ? g.end - 2 : g.end, rules.persons.pinyinRule));
    i++;
  }
  return out;
}

/** "Vice Minister Wang Jiangping", "CEO Robin Li": two or three plain capitalised words after a title. */
export function titledPersons(text: string, tokens: Token[], rules: EnglishEntityRules): EntityMention[] {
  const not = new Set([...rules.persons.notNames, ...rules.notStart]);
  const out: EntityMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const n = titleLengthAt(tokens, i);
    if (n === 0 || !tokens[i]!.cap) continue;
    const first = i + n;
    let last = first - 1;
    while (last - first < 2 && plainWord(tokens[last + 1]) && !not.has(tokens[last + 1]!.text)) {
      const next = tokens[last + 1]!;
      if (!/^\s$/.test(text.slice(tokens[last]!.end, next.start))) break;
      last++;
    }
    if (last - first >= 1)
      out.push(person(text, tokens[first]!.start, tokens[last]!.end, rules.persons.titleRule));
  }
  return out;
}

interface NlpTerm {
  offset: { start: number; length: number };
  text: string;
}

/** compromise's people with two or more words (single words are too often places or brands). */
export function nlpPersons(text: string, rules: EnglishEntityRules): EntityMention[] {
  const not = new Set([...rules.persons.notNames, ...rules.notStart]);
  const found = nlp(text).people().json({ offset: true }) as NlpTerm[];
  const out: EntityMention[] = [];
  for (const p of found) {
    let start = p.offset.start;
    let end = start + p.offset.length;
    while (end > start && /[\s.,;:'’"”)]/.test(text[end - 1]!)) end--;
    while (start < end && /[\s"“(]/.test(text[start]!)) start++;
    // A title compromise took for part of the name ("Premier Li") is left out.
    const title = titleLengthAt(
      [{ text: text.slice(start, end).split(/\s+/)[0]!, start, end, cap: true, possessive: false }],
      0,
    );
    if (title > 0) start = text.indexOf(" ", start) + 1;
    const surface = text.slice(start, end).replace(/['’]s$/, "");
    const words = surface.split(/\s+/);
    if (words.length < 2 || words.some((w) => !/^[A-Z][a-z'’.-]*$/.test(w) || not.has(w))) continue;
    out.push(person(text, start, start + surface.length, rules.persons.nlpRule));
  }
  return out;
}
