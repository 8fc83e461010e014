import { describe, expect, it } from "vitest";
import { entityId, normaliseName, relationKey } from "../src/ids.js";

describe("ids", () => {
  it("normalises width, quotes and book-title marks before comparing names", () => {
    expect(normaliseName("《建设指南》")).toBe("建设指南");
    expect(normaliseName("“５Ｇ万站工程”")).toBe("5g万站工程");
  });
  it("derives entity ids from label and normalised name", () => {
    expect(entityId("Policy", "《实施意见》")).toBe(entityId("Policy", "实施意见"));
    expect(entityId("Agency", "工信部")).not.toBe(entityId("Enterprise", "工信部"));
  });
  it("keys relations by type and endpoints", () => {
    expect(relationKey("ISSUED", "a", "b")).toBe("ISSUED|a|b");
  });
});
