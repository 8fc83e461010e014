// The offline IDE in a real browser: GraphiQL renders from this server's own
// files, runs its default query, and the page asks nothing of the internet.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { startHttpServer } from "../../src/api/http.js";
import type { RunningServer } from "../../src/api/http.js";
import { launchChromium } from "../web/browser.js";
import { openFixtureStore } from "./helpers.js";

let browser: Browser;
let server: RunningServer;
beforeAll(async () => {
  server = await startHttpServer({ store: await openFixtureStore(), port: 0, log: () => {} });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("GraphiQL at /graphql", () => {
  it("renders offline and runs the default query", async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    const problems: string[] = [];
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url) || url.startsWith("data:") || url.startsWith("blob:"))
        return route.continue();
      outside.push(url);
      return route.abort();
    });
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`${server.url}/graphql`);
    await page.waitForSelector(".graphiql-container", { timeout: 30_000 });
    const response = page.waitForResponse(
      (r) =>
        r.url().endsWith("/graphql") &&
        r.request().method() === "POST" &&
        r.request().postData()?.includes("WhoAnnouncedWhat") === true,
    );
    await page.click(".graphiql-execute-button");
    const body = (await (await response).json()) as { data: { zoneIndustries: { totalCount: number } } };
    expect(body.data.zoneIndustries.totalCount).toBeGreaterThan(0);
    await page.waitForFunction(
      () => document.querySelector(".result-window")?.textContent?.includes("totalCount"),
      null,
      {
        timeout: 30_000,
      },
    );
    const result = (await page.textContent(".result-window")) ?? "";
    expect(result).toContain("工业和信息化部");
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
