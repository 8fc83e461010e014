// Names for generated pages, drawn from the extractor's own gazetteers in extract/
// (so the generated text exercises the real dictionaries) plus building blocks for
// names the gazetteers do not know (companies, people, zones), which the rules
// must find by suffix, title and speech-verb patterns.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { extractDir } from "../../src/paths.js";

export interface City {
  name: string;
  province: string;
}

export interface Lexicon {
  agencies: string[];
  enterprises: string[];
  industries: string[];
  organizations: string[];
  leaders: string[];
  zones: string[];
  provinces: string[];
  cities: City[];
  surnames: string[];
}

/** First name of every entry of a gazetteer file (aliases after "|" dropped, "!" markers removed). */
function entries(file: string): string[] {
  const out: string[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const t = line.trim();
    if (t === "" || t.startsWith("#") || t.startsWith("@")) continue;
    for (const token of t.split(/\s+/)) {
      const name = token.split("|")[0]!.replace(/^!/, "");
      if (name) out.push(name);
    }
  }
  return out;
}

function cities(file: string): City[] {
  const out: City[] = [];
  let province = "";
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const t = line.trim();
    if (t.startsWith("@parent ")) province = t.slice(8).trim();
    if (t === "" || t.startsWith("#") || t.startsWith("@")) continue;
    for (const token of t.split(/\s+/)) {
      const name = token.split("|")[0]!.replace(/^!/, "");
      if (name) out.push({ name: /[市州盟区]$/.test(name) ? name : `${name}市`, province });
    }
  }
  return out;
}

export function loadLexicon(dir: string = extractDir): Lexicon {
  const lex = path.join(dir, "lexicon");
  const files = readdirSync(lex);
  const all = (prefix: string) =>
    files.filter((f) => f.startsWith(prefix)).flatMap((f) => entries(path.join(lex, f)));
  const words = (name: string) => entries(path.join(dir, "words", name));
  return {
    agencies: all("agencies-"),
    enterprises: all("enterprises"),
    industries: all("industries").filter((n) => /[\u4e00-\u9fff]/.test(n)),
    organizations: all("organizations"),
    leaders: all("persons-"),
    // Templated entries are bare place names (武进): give them the head word the template would.
    zones: all("zones-").map((z) => (/(区|园|城|港|谷|廊)$/.test(z) ? z : `${z}高新区`)),
    provinces: all("regions-provinces").filter((p) => /[省市区]$/.test(p)),
    cities: cities(path.join(lex, "regions-cities.txt")),
    surnames: words("surnames.txt").filter((s) => s.length === 1),
  };
}
