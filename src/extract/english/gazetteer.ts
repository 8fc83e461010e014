// The bilingual table as a recogniser: every English form of extract/bilingual/
// found in the text (acronyms with their case, other forms in any case, whole
// words only) is a mention named by its Chinese canonical name, with the
// official English name as an alias. Also resolves names found by the patterns.
import type { EntityMention } from "../types.js";
import { bilingualTable, escapeRe } from "./data.js";
import type { BilingualEntry } from "./data.js";

interface Form {
  text: string;
  entry: BilingualEntry;
  exactCase: boolean;
}

interface Gazetteer {
  exact: RegExp | null;
  folded: RegExp | null;
  byExact: Map<string, BilingualEntry>;
  byFolded: Map<string, BilingualEntry>;
}

const ACRONYM = /^[A-Z0-9][A-Z0-9&.]*[A-Z][A-Z0-9&.]*s?$/;
const fold = (s: string) => s.toLowerCase().replace(/[’]/g, "'").replace(/\s+/g, " ").trim();

function compile(forms: Form[]): RegExp | null {
  if (forms.length === 0) return null;
  const alternation = [...new Set(forms.map((f) => f.text))]
    .sort((a, b) => b.length - a.length)
    .map((t) => escapeRe(t).replace(/ /g, "\\s+").replace(/'/g, "['’]"))
    .join("|");
  return new RegExp(`(?<![A-Za-z0-9])(?:${alternation})(?![A-Za-z0-9])`, "g");
}

let gazetteer: Gazetteer | null = null;
function load(): Gazetteer {
  if (gazetteer) return gazetteer;
  const forms: Form[] = bilingualTable().flatMap((entry) =>
    entry.en.map((raw) => {
      const bang = raw.startsWith("!");
      const text = bang ? raw.slice(1) : raw;
      return { text, entry, exactCase: bang || ACRONYM.test(text) };
    }),
  );
  const exact = forms.filter((f) => f.exactCase);
  const folded = forms.filter((f) => !f.exactCase);
  const g: Gazetteer = {
    exact: compile(exact),
    folded: folded.length ? new RegExp(compile(folded)!.source, "gi") : null,
    byExact: new Map(exact.map((f) => [f.text, f.entry])),
    byFolded: new Map(),
  };
  for (const f of folded) if (!g.byFolded.has(fold(f.text))) g.byFolded.set(fold(f.text), f.entry);
  gazetteer = g;
  return g;
}

/** The table entry an English name stands for, if any ("the MIIT", "Hubei Province", "Wuhan City"). */
export function lookupEnglish(name: string): BilingualEntry | undefined {
  const g = load();
  const bare = name
    .replace(/^the\s+/i, "")
    .replace(/['’]s$/, "")
    .trim();
  return (
    g.byExact.get(bare) ??
    g.byFolded.get(fold(bare)) ??
    g.byFolded.get(fold(bare.replace(/\s+(?:City|Municipality)$/, "")))
  );
}

/** A mention of a table entry at [start, end). */
export function tableMention(
  entry: BilingualEntry,
  text: string,
  start: number,
  end: number,
  rule?: string,
): EntityMention {
  const surface = text.slice(start, end);
  return {
    label: entry.label,
    name: entry.zh,
    surface,
    start,
    end,
    rule: rule ?? entry.rule,
    aliases: [entry.en[0]!.replace(/^!/, "")],
  };
}

export function gazetteerMentions(text: string): EntityMention[] {
  const g = load();
  const out: EntityMention[] = [];
  for (const re of [g.exact, g.folded]) {
    if (!re) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const entry = lookupEnglish(m[0].replace(/\s+/g, " "));
      if (entry) out.push(tableMention(entry, text, m.index, m.index + m[0].length));
    }
  }
  return out;
}
