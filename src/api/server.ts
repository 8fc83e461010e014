// The Apollo server over any GraphStore: schema.graphql, the resolvers, the
// armor limits, error formatting and no landing page (Apollo's loads from the
// internet; the offline IDE in ide.ts replaces it).
import { ApolloServer } from "@apollo/server";
import type { ApolloServerPlugin } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import type { ApiContext } from "./context.js";
import { makeFormatError } from "./errors.js";
import type { ErrorLogger } from "./errors.js";
import { armorProtection } from "./armor.js";
import { DEFAULT_LIMITS } from "./limits.js";
import type { ApiLimits } from "./limits.js";
import { resolvers } from "./resolvers/index.js";
import { loadTypeDefs } from "./schema.js";

export interface ApiServerOptions {
  limits?: Partial<ApiLimits>;
  /** Where internal errors are logged (scrubbed of credentials); default stderr. */
  log?: ErrorLogger;
}

/**
 * What Apollo's default cache-control plugin sends for this schema, which has no
 * @cacheControl hints (so nothing is ever cacheable): \`no-store\` on every response
 * of the GraphQL pipeline. That plugin wraps every field resolver to compute a
 * policy that is always the same, a large share of a small query's cost.
 */
const noStore: ApolloServerPlugin<ApiContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (!response.http.headers.has("cache-control"))
          response.http.headers.set("cache-control", "no-store");
      },
    };
  },
};

export function createApolloServer(options: ApiServerOptions = {}): ApolloServer<ApiContext> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? ((message: string) => console.error(message));
  const armor = armorProtection(limits);
  return new ApolloServer<ApiContext>({
    typeDefs: loadTypeDefs(),
    resolvers,
    allowBatchedHttpRequests: false,
    // graphql-armor's types name Apollo's CJS declarations; the runtime objects are the same.
    plugins: [
      ...(armor.plugins as unknown as ApolloServerPlugin<ApiContext>[]),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      noStore,
    ],
    validationRules: [...armor.validationRules],
    parseOptions: { maxTokens: limits.maxTokens },
    includeStacktraceInErrorResponses: false,
    formatError: makeFormatError(log),
    introspection: true,
    // Shutdown is ours (drain HTTP, then close the store); Apollo's own handler would
    // re-raise the signal and kill the process before the store is closed.
    stopOnTerminationSignals: false,
    // Apollo's own logger would print internal errors unscrubbed.
    logger: {
      debug: () => {},
      info: () => {},
      warn: (message) => log(`apollo: ${String(message)}`),
      error: (message) => log(`apollo: ${String(message)}`),
    },
  });
}
