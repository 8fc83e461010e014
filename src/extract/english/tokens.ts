// Words of an English text with their offsets, and runs of capitalised words
// ("Ministry of Industry and Information Technology", "Huawei Technologies Co.,
// Ltd.") that the name patterns read. A run is broken by punctuation, by a
// lower-case word that is not a connector, by a possessive ("China's") and by a
// title ("MIIT Vice Minister Wang …").

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Capitalised word, acronym, number or mixed-case brand (iFlytek, 5G). */
  cap: boolean;
  /** Ends in 's / ’s: the run ends after it and the name leaves the 's out. */
  possessive: boolean;
}

// Company suffixes with their dots are one token; other words keep a dot only
// when it belongs to a known abbreviation.
const WORD =
  /Co\.,?\s?Ltd\.?|Co\.,?\s?Limited|[A-Z](?:\.[A-Z])+\.?|[A-Za-z0-9][A-Za-z0-9'’&-]*(?:\.(?:com|AI|ai)\b)?|&/g;
const KEEP_DOT = new Set(["Co", "Ltd", "Inc", "Corp", "Jr", "St", "Mr", "Ms", "Mrs", "Dr", "No"]);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    let word = m[0];
    let end = m.index + word.length;
    if (text[end] === "." && KEEP_DOT.has(word)) {
      word += ".";
      end++;
    }
    // "People's Bank", "People's Government" are names, not possessives.
    const possessive = /['’]s$/.test(word) && word.length > 2 && !/^People['’]s$/.test(word);
    const cap = /^[A-Z0-9]/.test(word) || /^[a-z]+[A-Z]/.test(word);
    tokens.push({ text: word, start: m.index, end, cap, possessive });
    WORD.lastIndex = end;
  }
  return tokens;
}

export interface Run {
  tokens: Token[];
}

/** Only whitespace between two tokens (no punctuation). */
export function adjacent(text: string, a: Token, b: Token): boolean {
  return /^\s+$/.test(text.slice(a.end, b.start));
}

/**
 * Maximal runs of capitalised tokens joined by connectors. `isTitleAt(i)` gives
 * the number of tokens of a title starting at token i (0 when none): titles
 * break runs and are left out of them.
 */
export function capitalisedRuns(
  text: string,
  tokens: Token[],
  connectors: Set<string>,
  isTitleAt: (i: number) => number,
  breakers: Set<string> = new Set(),
): Run[] {
  const runs: Run[] = [];
  let cur: Token[] = [];
  const flush = () => {
    while (cur.length && !cur[cur.length - 1]!.cap) cur.pop();
    if (cur.length) runs.push({ tokens: cur });
    cur = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // "… Technology on Tuesday": days, months and sentence openers are never inside a name.
    if (breakers.has(t.text)) {
      flush();
      continue;
    }
    const title = t.cap ? isTitleAt(i) : 0;
    if (title > 0) {
      flush();
      i += title - 1;
      continue;
    }
    const prev = cur[cur.length - 1];
    const joined = prev !== undefined && adjacent(text, prev, t) && !prev.possessive;
    if (t.cap) {
      if (!joined) flush();
      cur.push(t);
    } else if (joined && connectors.has(t.text) && !(t.text === "the" && prev.text !== "of")) {
      cur.push(t);
    } else flush();
    if (t.possessive) flush();
  }
  flush();
  return runs;
}
