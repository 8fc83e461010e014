// The managed Neo4j's public API, for commands and tests:
//   ensureNeo4j() → { uri, user, password } (starts .neo4j/server when needed)
//   stopNeo4j(), neo4jStatus(), installNeo4j()
// Pass { instance: "test" } for the test harness's separate instance.
export { ensureNeo4j, startNeo4j, stopNeo4j, neo4jStatus } from "./server.js";
export type { Neo4jConnection, StartOptions, StartResult, StatusResult, StopResult } from "./server.js";
export { installNeo4j, isInstalled, pinnedNeo4jVersion } from "./install.js";
export type { InstallOptions, InstallResult } from "./install.js";
export { registerBrowserContributor, browserAssetPrefix } from "./browser.js";
export type { BrowserAsset, BrowserContributor, BrowserSetup } from "./browser.js";
export { resolveOptions, instancePaths } from "./options.js";
export type { InstanceName, Neo4jOptions, OptionInput } from "./options.js";
