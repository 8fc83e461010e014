// Custom scalars: Date (ISO 8601 calendar date) and JSONObject (entity and
// relation properties). A malformed value is the client's mistake: BAD_USER_INPUT.
import { GraphQLScalarType, Kind } from "graphql";
import type { ValueNode } from "graphql";
import { badInput } from "./errors.js";

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date as `YYYY-MM-DD`, or a BAD_USER_INPUT error. */
export function parseDate(value: unknown): string {
  const match = typeof value === "string" ? DATE_RE.exec(value) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
      return value as string;
    }
  }
  throw badInput(`Date must be an ISO 8601 calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`);
}

export const DateScalar = new GraphQLScalarType<string | null, string>({
  name: "Date",
  description: "A calendar date, ISO 8601 `YYYY-MM-DD`.",
  // Stored dates may carry a time part; clients always get the calendar date.
  serialize(value) {
    if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
      throw new TypeError(`not a stored date: ${JSON.stringify(value)}`);
    }
    return value.slice(0, 10);
  },
  parseValue: parseDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badInput("Date must be a string YYYY-MM-DD");
    return parseDate(ast.value);
  },
});

function literalToValue(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
    case Kind.ENUM:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map(literalToValue);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literalToValue(f.value)]));
    case Kind.VARIABLE:
      throw badInput("JSONObject literals may not contain variables");
  }
}

function asObject(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw badInput(`JSONObject must be an object, got ${JSON.stringify(value)}`);
  }
  return value as Record<string, unknown>;
}

export const JSONObjectScalar = new GraphQLScalarType<Record<string, unknown>, Record<string, unknown>>({
  name: "JSONObject",
  description: "A JSON object of scalar (or scalar list) properties.",
  serialize: asObject,
  parseValue: asObject,
  parseLiteral: (ast) => asObject(literalToValue(ast)),
});
