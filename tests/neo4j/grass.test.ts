// GraSS reading and the inline form Browser receives on connect; and the project's
// own style covering every label and relation type of the ontology.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { grassCommandArgument, grassLegend, parseGrass, renderGrass } from "../../src/neo4j/grass.js";
import { cypherDir } from "../../src/paths.js";
import { NODE_LABELS, RELATION_TYPES } from "../../src/types.js";

describe("parseGrass", () => {
  it("reads blocks whose quoted captions hold braces and semicolons, and skips comments", () => {
    const style = parseGrass(`/* a comment with a { brace */
node.Agency {
  color: #C0392B;
  caption: "{name}";
}
relationship.HOLDS_POSITION { caption: '{title}'; shaft-width: 2px }
node.Agency { diameter: 80px; }`);
    expect(style).toEqual({
      "node.Agency": { color: "#C0392B", caption: "{name}", diameter: "80px" },
      "relationship.HOLDS_POSITION": { caption: "{title}", "shaft-width": "2px" },
    });
  });

  it.each([
    ["node { color #fff; }", /has no value/],
    ["edge { color: #fff; }", /"edge" is not node/],
    ["node { color: #fff; } stray", /cannot read "stray"/],
    ['node { caption: "a;b"; }', /contains ";"/],
  ])("rejects %j naming the file", (text, message) => {
    expect(() => parseGrass(text, "x.grass")).toThrow(message);
    expect(() => parseGrass(text, "x.grass")).toThrow(/^x\.grass: /);
  });

  it("renders a file Browser reads back to the same style", () => {
    const style = parseGrass(readFileSync(path.join(cypherDir, "style.grass"), "utf8"));
    const text = renderGrass(style);
    expect(text).not.toContain("/*");
    expect(parseGrass(text)).toEqual(style);
  });
});

describe("the inline :style argument", () => {
  it("is one line of JSON without semicolons (Browser splits post_connect_cmd on them)", () => {
    const style = parseGrass(readFileSync(path.join(cypherDir, "style.grass"), "utf8"));
    const argument = grassCommandArgument(style);
    expect(argument).not.toMatch(/[;\r\n]/);
    expect(JSON.parse(argument)).toEqual(style);
  });
});

describe("cypher/style.grass", () => {
  const style = parseGrass(readFileSync(path.join(cypherDir, "style.grass"), "utf8"));

  it("gives every node label a colour of its own and a name caption", () => {
    const legend = grassLegend(style);
    for (const label of [...NODE_LABELS, "Document"]) {
      const rule = style[`node.${label}`];
      expect(rule?.color, label).toMatch(/^#[0-9A-F]{6}$/i);
      expect(rule?.caption, label).toMatch(/^\{(name|title)\}$/);
    }
    const colours = legend.map((e) => e.color.toUpperCase());
    expect(new Set(colours).size).toBe(colours.length);
  });

  it("lists :Entity before the labels, so that their colours win in Browser", () => {
    const selectors = Object.keys(style);
    const entity = selectors.indexOf("node.Entity");
    expect(entity).toBeGreaterThanOrEqual(0);
    for (const label of NODE_LABELS) expect(selectors.indexOf(`node.${label}`)).toBeGreaterThan(entity);
  });

  it("captions every relation type", () => {
    for (const type of RELATION_TYPES) expect(style[`relationship.${type}`]?.caption, type).toBeTruthy();
  });
});
