// How the API reports failures: every error a client sees has an
// `extensions.code`, bad arguments are BAD_USER_INPUT, and nothing internal
// (stack traces, store messages that may hold a URI or credentials) leaks out.
import { GraphQLError } from "graphql";
import type { GraphQLFormattedError } from "graphql";
import { ApolloServerErrorCode, unwrapResolverError } from "@apollo/server/errors";
import { GraphStoreError } from "../graph/store.js";

export const ErrorCode = {
  BAD_USER_INPUT: ApolloServerErrorCode.BAD_USER_INPUT,
  INTERNAL_SERVER_ERROR: ApolloServerErrorCode.INTERNAL_SERVER_ERROR,
  TIMEOUT: "TIMEOUT",
  STORE_UNAVAILABLE: "STORE_UNAVAILABLE",
} as const;

/** A mistake in the client's arguments (unknown label, bad cursor, negative `first` …). */
export function badInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argument ? { argument } : {}) },
  });
}

export function timeoutError(ms: number): GraphQLError {
  return new GraphQLError(`query timed out after ${ms} ms`, { extensions: { code: ErrorCode.TIMEOUT } });
}

/** Remove `scheme://user:password@` and `password=` fragments from text bound for a log. */
export function scrubSecrets(text: string): string {
  return text
    .replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, "$1***@")
    .replace(/(password|passwd|pwd|token|api[-_]?key|authorization)(["'\s:=]+)[^\s"',;]+/gi, "$1$2***");
}

/*
 * graphql-js reports a literal argument of the wrong value (an unknown enum
 * label, a malformed Date) as a validation failure, while the same value sent
 * as a variable is BAD_USER_INPUT. Clients should not need to care which way
 * they sent it, so both get BAD_USER_INPUT; other validation failures (unknown
 * fields, the armor limits) keep GRAPHQL_VALIDATION_FAILED.
 */
const BAD_VALUE_MESSAGES = [
  /^Expected value of type /,
  /^Value .* does not exist in /,
  /^Enum ".*" cannot represent/,
];

export type ErrorLogger = (message: string) => void;

/** Apollo's formatError: codes for everything, generic text for internal failures. */
export function makeFormatError(log: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
    if (code === ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED) {
      if (BAD_VALUE_MESSAGES.some((re) => re.test(formatted.message))) {
        return { ...formatted, extensions: { ...extensions, code: ErrorCode.BAD_USER_INPUT } };
      }
      return { ...formatted, extensions };
    }
    if (code === undefined || code === ApolloServerErrorCode.INTERNAL_SERVER_ERROR) {
      const original = unwrapResolverError(error);
      const storeCode = original instanceof GraphStoreError ? original.code : undefined;
      log(`graphql: ${scrubSecrets(original instanceof Error ? original.message : String(original))}`);
      return {
        message: storeCode ? `the graph store failed (${storeCode})` : "internal server error",
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: {
          code: storeCode ? ErrorCode.STORE_UNAVAILABLE : ErrorCode.INTERNAL_SERVER_ERROR,
          ...(storeCode ? { storeCode } : {}),
        },
      };
    }
    return { ...formatted, extensions };
  };
}
