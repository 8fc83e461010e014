// PNG export of the current view for reports: sigma's layers (edges, nodes,
// labels) composed by @sigma/export-image at the current camera, on white, with
// a caption line and the legend of the labels on screen drawn underneath.
import { drawOnCanvas } from "@sigma/export-image";
import type Sigma from "sigma";
import type { GraphView } from "./graph-view.js";
import { labelColour } from "./palette.js";

const FONT =
  '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Zen Hei", system-ui, sans-serif';

export async function renderPng(view: GraphView, caption: string): Promise<Blob> {
  const graphCanvas = await drawOnCanvas(view.renderer as unknown as Sigma, { backgroundColor: "#ffffff" });
  const scale = graphCanvas.width / view.renderer.getContainer().offsetWidth || 1;
  const footer = Math.round(34 * scale);
  const out = document.createElement("canvas");
  out.width = graphCanvas.width;
  out.height = graphCanvas.height + footer;
  const ctx = out.getContext("2d");
  if (!ctx) throw new Error("explorer: no 2D canvas for the export");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(graphCanvas, 0, 0);
  ctx.strokeStyle = "#e5e7eb";
  ctx.beginPath();
  ctx.moveTo(0, graphCanvas.height + 0.5);
  ctx.lineTo(out.width, graphCanvas.height + 0.5);
  ctx.stroke();

  const baseline = graphCanvas.height + footer / 2;
  ctx.textBaseline = "middle";
  ctx.font = `${Math.round(12 * scale)}px ${FONT}`;
  ctx.fillStyle = "#374151";
  let x = 12 * scale;
  ctx.fillText(caption, x, baseline);
  x += ctx.measureText(caption).width + 20 * scale;
  for (const [label, count] of view.counts().labels) {
    if (view.hiddenLabels.has(label)) continue;
    ctx.fillStyle = labelColour(label);
    ctx.beginPath();
    ctx.arc(x + 5 * scale, baseline, 5 * scale, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillStyle = "#4b5563";
    const text = `${label} ${count}`;
    ctx.fillText(text, x + 14 * scale, baseline);
    x += 14 * scale + ctx.measureText(text).width + 14 * scale;
  }
  return new Promise((resolve, reject) =>
    out.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error("explorer: PNG encoding failed"))),
      "image/png",
    ),
  );
}

export async function downloadPng(view: GraphView, caption: string, fileName: string): Promise<void> {
  const blob = await renderPng(view, caption);
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
