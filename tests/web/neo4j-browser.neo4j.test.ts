// Neo4j Browser as a user meets it on the managed server: the corpus and examples/
// loaded, Browser opened in a real headless Chromium, login through its connect
// form, and then what browser.post_connect_cmd promises — PolicyGraph's guide on
// screen and its style applied (colours per label, names as captions) — checked in
// the page, with a guide query run by clicking it. Screenshots of the guide and of
// a styled graph go to docs/screenshots/.
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserConfig, collectBrowserSetup } from "../../src/neo4j/browser.js";
import { parseGrass } from "../../src/neo4j/grass.js";
import { guideTitle, readQueryFiles } from "../../src/neo4j/guide.js";
import { cypherDir, projectRoot } from "../../src/paths.js";
import { loadSampleGraph, neo4jTestConfig, openTestDriver } from "../helpers/neo4j.js";
import { launchChromium } from "./browser.js";

const screenshotDir = path.join(projectRoot, "docs", "screenshots");
const queries = readQueryFiles(path.join(cypherDir, "queries"));
const style = parseGrass(readFileSync(path.join(cypherDir, "style.grass"), "utf8"));
const POLL = { timeout: 30_000, interval: 250 };
/** The guide's graph-drawing query (zones, industries, regions) and a table query (zones per industry). */
const mapQuery = queries.findIndex((q) => q.file.includes("zones-industries-map"));
const tableQuery = queries.findIndex((q) => q.file.includes("zones-by-industry"));

/** Text without whitespace: Browser's editor and frame titles re-flow queries and use no-break spaces. */
const squash = (text: string | null) => (text ?? "").replace(/\s+/g, "");

/** Settings of the server under test, asked from the server itself (works for NEO4J_URI too). */
async function serverSettings(driver: Driver): Promise<Map<string, string>> {
  const { records } = await driver.executeQuery(
    "SHOW SETTINGS YIELD name, value WHERE name IN $names RETURN name, value",
    { names: ["server.http.advertised_address", "browser.post_connect_cmd"] },
  );
  return new Map(records.map((r) => [r.get("name") as string, String(r.get("value") ?? "")]));
}

/** A frame of Browser's stream by the command it ran. */
function frame(page: Page, command: string | RegExp): Locator {
  return page
    .locator('[data-testid="frame"]')
    .filter({ has: page.locator('[data-testid="frameCommand"]', { hasText: command }) });
}

describe("Neo4j Browser on the managed server, with the corpus loaded", () => {
  let driver: Driver;
  let browser: Browser;
  let page: Page;
  let httpUrl: string;
  let postConnectCmd: string;
  let guide: Locator;

  /** Go to the guide's slide with this title, click its query into the editor and run it. */
  async function runFromGuide(title: string) {
    const slide = queries.findIndex((q) => q.title === title) + 2;
    await guide.locator(`li[aria-label="${slide}"]`).click();
    await expect.poll(() => guide.locator('[data-testid="carousel"] h3').textContent(), POLL).toBe(title);
    const query = queries[slide - 2]!.query;
    await guide.locator("pre.runnable").click();
    const firstLine = squash(query.split("\n")[0]!);
    const editor = page.locator('[data-testid="activeEditor"]');
    await expect.poll(async () => squash(await editor.textContent()), POLL).toContain(firstLine);
    await page.locator('[data-testid="editor-Run"]').click();
    const command = page.locator('[data-testid="frameCommand"]').first();
    await expect.poll(async () => squash(await command.textContent()), POLL).toContain(firstLine);
  }

  beforeAll(async () => {
    driver = openTestDriver();
    await loadSampleGraph(driver);
    const settings = await serverSettings(driver);
    httpUrl = `http://${settings.get("server.http.advertised_address")}`;
    postConnectCmd = settings.get("browser.post_connect_cmd") ?? "";
    mkdirSync(screenshotDir, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await driver?.close();
  });

  it("runs PolicyGraph's style and guide on connect (browser.post_connect_cmd)", () => {
    const ctx = { httpUrl };
    expect(
      postConnectCmd,
      "the server runs with an older neo4j.conf (it reads the file only at start, and the style is part of it): " +
        "stop it, e.g. kill $(cat .neo4j/test/run/neo4j.pid), and the next run starts it with the current one",
    ).toBe(browserConfig(ctx, collectBrowserSetup(ctx)).postConnectCmd);
  });

  it("logs in through Browser's connect form", async () => {
    await page.goto(`${httpUrl}/browser/`);
    const address = page.locator('[data-testid="boltaddress"]');
    await address.waitFor({ timeout: 60_000 });
    const { uri, user, password } = neo4jTestConfig();
    await address.fill(uri);
    await page.locator('[data-testid="username"]').fill(user);
    await page.locator('[data-testid="password"]').fill(password);
    await page.locator('[data-testid="connect"]').click();
    await page.locator('[data-testid="connect"]').waitFor({ state: "detached", timeout: 30_000 });
  });

  it("shows the guide on top of the stream, one slide per query file", async () => {
    guide = frame(page, `:play ${httpUrl}/browser/policygraph/guide.html`);
    const title = guide.locator('[data-testid="carousel"] h3');
    await expect.poll(() => title.textContent(), POLL).toBe(guideTitle);
    // The style is applied synchronously, the guide fetched: the guide lands above it.
    expect(await page.locator('[data-testid="frameCommand"]').first().textContent()).toContain("guide.html");
    expect(await guide.getByText(`1 / ${queries.length + 1}`).isVisible()).toBe(true);
    const intro = (await guide.locator('[data-testid="carousel"]').textContent()) ?? "";
    for (const q of queries) expect(intro).toContain(q.title);
    await guide.screenshot({ path: path.join(screenshotDir, "neo4j-browser-guide.png") });
    for (const q of queries) {
      await guide.locator('[data-testid="nextSlide"]').click();
      await expect.poll(() => title.textContent(), POLL).toBe(q.title);
      const shown = squash(await guide.locator("pre.runnable").textContent());
      expect(shown).toContain(squash(q.query));
    }
  });

  it("has the style applied", async () => {
    // `:style` without an argument shows the style Browser is using now.
    await page.locator('[data-testid="activeEditor"]').click();
    await page.keyboard.type(":style");
    await page.locator('[data-testid="editor-Run"]').click();
    const current = page.locator('[data-testid="frame"]').first();
    await expect
      .poll(() => current.locator('[data-testid="frameCommand"]').textContent(), POLL)
      .toBe(":style");
    const text = await current.locator('[data-testid="frameContents"]').innerText();
    for (const [selector, props] of Object.entries(style)) {
      expect(text).toContain(`${selector} {`);
      if (props.color) expect(text).toContain(`color: ${props.color};`);
    }
  });

  it("draws a guide query with a colour per label and names as captions", async () => {
    expect(mapQuery, "cypher/queries has the zones-industries map").toBeGreaterThanOrEqual(0);
    const q = queries[mapQuery]!;
    await runFromGuide(q.title);
    const result = page.locator('[data-testid="frame"]').first();
    const nodes = result.locator("g.node");
    await expect.poll(() => nodes.count(), POLL).toBeGreaterThan(0);

    const drawn = await nodes.evaluateAll((gs) =>
      gs.map((g) => ({
        id: Number(/graph-node(\d+)/.exec(g.getAttribute("aria-label") ?? "")?.[1]),
        fill: g.querySelector("circle.b-outline")?.getAttribute("fill") ?? "",
        caption: Array.from(g.querySelectorAll("text.caption"))
          .map((t) => t.textContent!.trim())
          .join(""),
      })),
    );
    const { records } = await driver.executeQuery(
      "MATCH (n) WHERE id(n) IN $ids RETURN id(n) AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name",
      { ids: drawn.map((d) => d.id) },
    );
    const byId = new Map(records.map((r) => [Number(r.get("id")), r]));
    const colours = new Map<string, Set<string>>();
    for (const node of drawn) {
      const record = byId.get(node.id);
      expect(record, `node ${node.id} on screen is in the database`).toBeDefined();
      const label = record!.get("label") as string;
      const name = (record!.get("name") as string).replace(/\s/g, "");
      expect(node.fill.toUpperCase(), `${label} ${name}`).toBe(style[`node.${label}`]!.color!.toUpperCase());
      // A name, shortened with … when it does not fit; never an id or a label.
      const caption = node.caption.replace(/\s/g, "").replace(/…$/, "");
      expect(caption.length, `caption of ${name}`).toBeGreaterThan(0);
      expect(name.startsWith(caption), `caption "${node.caption}" begins the name ${name}`).toBe(true);
      colours.set(label, (colours.get(label) ?? new Set()).add(node.fill));
    }
    expect([...colours.keys()]).toEqual(expect.arrayContaining(["Zone", "Industry"]));
    const fills = [...colours.values()].map((s) => [...s][0]);
    expect(new Set(fills).size, "one colour per label").toBe(colours.size);
    // The picture: the frame full screen, so that the fitted graph's captions are legible,
    // once the force layout has settled.
    await result.locator('button[title="Fullscreen"]').click();
    await page.waitForTimeout(3000);
    await result.locator('button[aria-label="zoom-to-fit"]').click();
    await page.waitForTimeout(1000);
    await page.screenshot({ path: path.join(screenshotDir, "neo4j-browser-graph.png") });
    await result.locator('button[title="Close fullscreen"]').click();
  });

  it("shows the rows of a table query from the guide", async () => {
    expect(tableQuery, "cypher/queries has zones by industry").toBeGreaterThanOrEqual(0);
    const q = queries[tableQuery]!;
    await runFromGuide(q.title);
    const result = page.locator('[data-testid="frame"]').first();
    const rows = result.locator("tr.relatable__table-body-row");
    const { records } = await driver.executeQuery(q.query);
    expect(records.length).toBeGreaterThan(0);
    await expect.poll(() => rows.count(), POLL).toBe(records.length);
    const first = records[0]!;
    expect(await rows.first().textContent()).toContain(String(first.get(first.keys[0]!)));
  });
});
