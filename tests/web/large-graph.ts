// The 5,000-node responsiveness measurement for the explorer, in headless
// Chromium (software WebGL): frame times and main-thread long tasks while
// ForceAtlas2 runs in its worker, input-to-handler delay of typing, the delay of
// a hover highlight, and frame times of a camera zoom once the layout stopped.
import path from "node:path";
import { writeFile } from "node:fs/promises";
import type { Page } from "playwright-core";

export const HUBS = 50;
export const LEAVES_PER_HUB = 99;

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { n: sorted.length, median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? NaN };
}

export async function measureLargeGraph(page: Page, outDir: string) {
  // Draw a generated graph through the same GraphView calls an expansion makes.
  const drawMs = await page.evaluate(
    async ({ hubs, leaves }) => {
      const { view } = window.policyGraphExplorer!;
      const start = performance.now();
      for (let h = 0; h < hubs; h++) {
        const hub = { id: `Agency:hub-${h}`, label: "Agency", name: `第${h}号机构` };
        view.addEntity(hub);
        for (let i = 0; i < leaves; i++) {
          view.addRelation(hub.id, {
            type: i % 3 === 0 ? "ISSUED" : "MEMBER_OF",
            direction: "IN",
            other: {
              id: `Enterprise:e-${h}-${i}`,
              label: i % 7 === 0 ? "Zone" : "Enterprise",
              name: `企业${h}-${i}`,
            },
            properties: {},
            evidence: [],
          });
        }
        if (h > 0) {
          view.addRelation(hub.id, {
            type: "PART_OF",
            direction: "OUT",
            other: { id: `Agency:hub-${h - 1}`, label: "Agency", name: `第${h - 1}号机构` },
            properties: {},
            evidence: [],
          });
        }
      }
      view.resize();
      view.runLayout(60_000);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return performance.now() - start;
    },
    { hubs: HUBS, leaves: LEAVES_PER_HUB },
  );
  const order = await page.evaluate(() => window.policyGraphExplorer!.view.graph.order);

  // While the layout runs: frames and main-thread long tasks over 3 s without input,
  // then typing and hovering (each timed from the input event).
  await page.evaluate(() => {
    const w = window as unknown as { __perf: Record<string, number[]>; __phase: string };
    const perf: Record<string, number[]> = {
      frames: [],
      longTasks: [],
      keyHandler: [],
      keyFrame: [],
      hover: [],
    };
    w.__perf = perf;
    w.__phase = "idle";
    new PerformanceObserver((list) => {
      if (w.__phase === "idle") list.getEntries().forEach((e) => perf.longTasks!.push(e.duration));
    }).observe({ type: "longtask" });
    let last = performance.now();
    const tick = (now: number) => {
      if (w.__phase === "idle") perf.frames!.push(now - last);
      last = now;
      if (w.__phase !== "done") requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const { renderer } = window.policyGraphExplorer!.view;
    let moved = 0;
    renderer.getContainer().addEventListener("mousemove", (e) => (moved = e.timeStamp), true);
    renderer.on("enterNode", () => perf.hover!.push(performance.now() - moved));
    document.getElementById("search")!.addEventListener("keydown", (e) => {
      perf.keyHandler!.push(performance.now() - e.timeStamp);
      requestAnimationFrame((frame) => perf.keyFrame!.push(frame - e.timeStamp));
    });
  });
  await page.waitForTimeout(3000);
  await page.evaluate(() => ((window as unknown as { __phase: string }).__phase = "input"));
  await page.locator("#search").focus();
  await page.keyboard.type("abcde", { delay: 100 });
  for (let h = 0; h < 3; h++) {
    const point = await page.evaluate(
      (id) => {
        const { view } = window.policyGraphExplorer!;
        const rect = view.renderer.getContainer().getBoundingClientRect();
        const p = view.renderer.graphToViewport(view.graph.getNodeAttributes(id));
        return { x: rect.left + p.x, y: rect.top + p.y };
      },
      `Agency:hub-${h * 7}`,
    );
    await page.mouse.move(point.x, point.y);
    await page.waitForTimeout(300);
    await page.mouse.move(5, 5);
  }
  await page.waitForTimeout(1500);
  const duringLayout = await page.evaluate(() => {
    const w = window as unknown as { __perf: Record<string, number[]>; __phase: string };
    w.__phase = "done";
    return w.__perf as {
      frames: number[];
      longTasks: number[];
      keyHandler: number[];
      keyFrame: number[];
      hover: number[];
    };
  });
  const running = await page.evaluate(() => window.policyGraphExplorer!.view.isLayoutRunning());

  // Once laid out: zoom the camera and time its frames.
  await page.evaluate(() => window.policyGraphExplorer!.view.stopLayout());
  const zoomFrames = await page.evaluate(async () => {
    const { renderer } = window.policyGraphExplorer!.view;
    const frames: number[] = [];
    let last = performance.now();
    let done = false;
    const tick = (now: number) => {
      frames.push(now - last);
      last = now;
      if (!done) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    await renderer.getCamera().animate({ ratio: 0.4 }, { duration: 1500 });
    await renderer.getCamera().animate({ ratio: 1 }, { duration: 1500 });
    done = true;
    return frames.slice(1);
  });

  const busy = duringLayout.longTasks.reduce((a, b) => a + b, 0);
  const window3s = duringLayout.frames.reduce((a, b) => a + b, 0);
  const figures = {
    nodes: order,
    edges: await page.evaluate(() => window.policyGraphExplorer!.view.graph.size),
    drawMs: Math.round(drawMs),
    layoutStillRunningDuringMeasure: running,
    layout: {
      frameMs: summary(duringLayout.frames.slice(1)),
      longTasks: duringLayout.longTasks.length,
      longestTaskMs: Math.max(0, ...duringLayout.longTasks),
      mainThreadBusyShare: busy / window3s,
    },
    keydownHandlerDelayMs: summary(duringLayout.keyHandler),
    keydownToFrameMs: summary(duringLayout.keyFrame),
    hoverToHighlightMs: summary(duringLayout.hover),
    zoomFrameMs: summary(zoomFrames),
  };
  console.log(JSON.stringify(figures, null, 2));
  await writeFile(path.join(outDir, "explorer-5000.json"), JSON.stringify(figures, null, 2) + "\n");
  const shot = await page.screenshot({ path: path.join(outDir, "explorer-5000.png") });

  return { figures, shot, running, duringLayout };
}
