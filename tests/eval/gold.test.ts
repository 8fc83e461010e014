// A test of the gold data, not of the extractor: every gold file must be well
// formed for ../shared/tools/score.mjs and consistent with the ontology, or the
// eval figures would silently mean something else.
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { projectRoot, examplesDir } from "../../src/paths.js";
import { readGoldDir, validateGold } from "../../scripts/lib/gold.js";

const goldDir = path.join(projectRoot, "tests", "gold");
const corpusDir = path.join(projectRoot, "..", "shared", "corpus");
const sets = [
  { name: "corpus", files: readGoldDir(goldDir), pagesDir: corpusDir },
  { name: "examples", files: readGoldDir(path.join(goldDir, "examples")), pagesDir: examplesDir },
  {
    name: "heldout",
    files: readGoldDir(path.join(goldDir, "heldout")),
    pagesDir: path.join(projectRoot, "tests", "heldout"),
  },
  {
    name: "heldout2",
    files: readGoldDir(path.join(goldDir, "heldout2")),
    pagesDir: path.join(projectRoot, "tests", "heldout2"),
  },
];
const CORE_LABELS = ["Agency", "Person", "Enterprise", "Organization", "Zone", "Policy", "Report"];
const CORE_TYPES = ["ISSUED", "HOLDS_POSITION", "STATED", "MEMBER_OF", "PART_OF", "VISITED"];

describe("gold files", () => {
  it("exist for the corpus", () => {
    expect(sets[0]!.files.length).toBeGreaterThan(0);
  });

  for (const held of sets.filter((s) => s.name.startsWith("heldout")))
    it(`cover every page of tests/${held.name}, one file per page`, () => {
      const pages = readdirSync(held.pagesDir).filter((f) => f.endsWith(".txt"));
      const documents = held.files.map((f) => f.gold.document);
      expect(pages.length).toBeGreaterThan(0);
      expect([...documents].sort()).toEqual([...pages].sort());
    });

  it("keeps the held-out sets apart: no page name in both", () => {
    const [first, second] = ["heldout", "heldout2"].map(
      (n) => new Set(sets.find((s) => s.name === n)!.files.map((f) => f.gold.document)),
    );
    expect([...first!].filter((d) => second!.has(d))).toEqual([]);
  });

  for (const set of sets)
    for (const { path: file, gold } of set.files) {
      const name = `${set.name}/${path.basename(file)}`;
      describe(name, () => {
        it("is well formed: ontology labels and types, endpoints in the file, titles on HOLDS_POSITION", () => {
          expect(validateGold(gold)).toEqual([]);
        });
        it("declares the core labels and relation types exhaustive", () => {
          expect(gold.exhaustive.entities).toEqual(expect.arrayContaining(CORE_LABELS));
          expect(gold.exhaustive.relations).toEqual(expect.arrayContaining(CORE_TYPES));
        });
        it("is named after the page it annotates, and the page is there", () => {
          expect(path.basename(file, ".json")).toBe(gold.document.replace(/\.(txt|md)$/, ""));
          // The shared corpus lives outside the repository; check it only where it is present.
          if (set.name !== "corpus" || existsSync(set.pagesDir))
            expect(existsSync(path.join(set.pagesDir, gold.document))).toBe(true);
        });
      });
    }
});

describe("validateGold", () => {
  const ok = {
    document: "x.txt",
    exhaustive: { entities: ["Person"], relations: ["HOLDS_POSITION"] },
    entities: [
      { label: "Person", name: "王江平", aliases: [] },
      { label: "Agency", name: "工业和信息化部", aliases: ["工信部"] },
    ],
    relations: [
      {
        type: "HOLDS_POSITION",
        source: { label: "Person", name: "王江平" },
        target: { label: "Agency", name: "工信部" },
        title: "副部长",
      },
    ],
  };

  it("accepts a well-formed file, endpoints named by an alias included", () => {
    expect(validateGold(ok)).toEqual([]);
  });

  it("rejects unknown labels, dangling endpoints, wrong endpoint labels and missing titles", () => {
    const bad = structuredClone(ok);
    bad.entities.push({ label: "Ministry", name: "商务部", aliases: [] });
    bad.relations.push(
      {
        type: "HOLDS_POSITION",
        source: { label: "Person", name: "王江平" },
        target: { label: "Agency", name: "商务部" },
        title: "",
      },
      {
        type: "VISITED",
        source: { label: "Agency", name: "工业和信息化部" },
        target: { label: "Person", name: "王江平" },
        title: "",
      },
    );
    const problems = validateGold(bad).join("\n");
    expect(problems).toMatch(/Ministry.*label not in the ontology/);
    expect(problems).toMatch(/商务部: target is not an entity of this file/);
    expect(problems).toMatch(/HOLDS_POSITION without a title/);
    expect(problems).toMatch(/Agency cannot be a source/);
    expect(problems).toMatch(/Person cannot be a target/);
  });

  it("rejects a name given to two entities of the same label", () => {
    const dup = structuredClone(ok);
    dup.entities.push({ label: "Agency", name: "工信部", aliases: [] });
    expect(validateGold(dup).join("\n")).toMatch(/also names Agency:工业和信息化部/);
  });
});
