#!/usr/bin/env node
// The npm registry reachable from this project's machines serves only the linux-x64
// binaries of @node-rs/jieba, so `npm install` writes a lock without the other
// platforms' optional packages and `npm ci` then refuses the lock. This adds them
// back (optional, with their os/cpu, so npm ci skips them here). Run it after any
// `npm install` that rewrites package-lock.json: `node scripts/fix-lock.mjs`.
import { readFileSync, writeFileSync } from "node:fs";

const PLATFORMS = {
  "android-arm-eabi": ["android", "arm"],
  "android-arm64": ["android", "arm64"],
  "darwin-arm64": ["darwin", "arm64"],
  "darwin-x64": ["darwin", "x64"],
  "freebsd-x64": ["freebsd", "x64"],
  "linux-arm-gnueabihf": ["linux", "arm", "glibc"],
  "linux-arm64-gnu": ["linux", "arm64", "glibc"],
  "linux-arm64-musl": ["linux", "arm64", "musl"],
  "linux-x64-gnu": ["linux", "x64", "glibc"],
  "linux-x64-musl": ["linux", "x64", "musl"],
  "win32-arm64-msvc": ["win32", "arm64"],
  "win32-ia32-msvc": ["win32", "ia32"],
  "win32-x64-msvc": ["win32", "x64"],
};
const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
const version = lock.packages["node_modules/@node-rs/jieba"].version;
let added = 0;
for (const [suffix, [os, cpu, libc]] of Object.entries(PLATFORMS)) {
  const key = `node_modules/@node-rs/jieba-${suffix}`;
  if (lock.packages[key]) continue;
  lock.packages[key] = {
    version,
    cpu: [cpu],
    ...(libc ? { libc: [libc] } : {}),
    license: "MIT",
    optional: true,
    os: [os],
    engines: { node: ">= 10" },
  };
  added++;
}
writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
console.log(`fix-lock: ${added} jieba platform entries added`);
