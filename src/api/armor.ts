// graphql-armor's validation rules configured from the query-shape limits.
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { ApiLimits } from "./limits.js";

/** Apollo options (validation rules, plugins) that enforce the query-shape limits. */
export function armorProtection(limits: ApiLimits) {
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, exposeLimits: true },
    maxAliases: { n: limits.maxAliases, exposeLimits: true },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true, exposeLimits: true },
    // Armor's token plugin re-parses in parsingDidStart and turns any syntax error into an
    // unexpected failure (HTTP 500); graphql-js's own parse option (server.ts) is used instead.
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: true },
    // Field suggestions help people writing queries in the IDE; the schema is public anyway.
    blockFieldSuggestion: { enabled: false },
  }).protect();
}
