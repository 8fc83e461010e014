// Headless Chromium for the explorer tests: Debian's /usr/bin/chromium through
// playwright-core (no downloaded browser). WebGL runs on SwiftShader, the
// software renderer, since the GPU is off.
import { chromium } from "playwright-core";
import type { Browser, Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      // Software WebGL for sigma when there is no GPU.
      "--use-angle=swiftshader",
      "--enable-unsafe-swiftshader",
    ],
  });
}

export interface PixelStats {
  width: number;
  height: number;
  /** Variance of the luminance over all pixels. */
  variance: number;
  /** Share of pixels that differ clearly from the most common colour (the background). */
  inked: number;
}

/** Decodes a PNG in the page (no image library needed in Node) and measures how much is drawn on it. */
export async function pixelStats(page: Page, png: Buffer): Promise<PixelStats> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const ctx = canvas.getContext("2d")!;
    ctx.drawImage(image, 0, 0);
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const n = data.length / 4;
    const counts = new Map<number, number>();
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < data.length; i += 4) {
      const lum = 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
      sum += lum;
      sumSq += lum * lum;
      const key = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const background = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    const [br, bg, bb] = [(background >> 16) & 255, (background >> 8) & 255, background & 255];
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i]! - br) + Math.abs(data[i + 1]! - bg) + Math.abs(data[i + 2]! - bb) > 60) inked++;
    }
    const mean = sum / n;
    return {
      width: canvas.width,
      height: canvas.height,
      variance: sumSq / n - mean * mean,
      inked: inked / n,
    };
  }, png.toString("base64"));
}
