// The instance's password: the user's (flag or NEO4J_PASSWORD), else the one stored
// in the instance folder, else a generated one, stored (mode 600) and printed once.
// A fresh database accepts only neo4j/neo4j with a forced change, which we perform
// over Bolt; a changed requested password is applied the same way.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import neo4j from "neo4j-driver";
import { UserError } from "../cli/errors.js";
import { neo4jUser } from "./options.js";
import type { InstancePaths } from "./options.js";

const INITIAL_PASSWORD = "neo4j";

export function storedPassword(paths: InstancePaths): string | undefined {
  if (!existsSync(paths.passwordFile)) return undefined;
  const value = readFileSync(paths.passwordFile, "utf8").trim();
  return value || undefined;
}

export function generatePassword(): string {
  // URL-safe, no characters that need quoting in a shell or a connection string.
  return randomBytes(18).toString("base64url");
}

export async function storePassword(paths: InstancePaths, password: string): Promise<void> {
  await writeFile(paths.passwordFile, password + "\n", { mode: 0o600 });
}

type Outcome = "ok" | "unauthorized" | "expired";

async function tryLogin(uri: string, password: string): Promise<Outcome> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(neo4jUser, password), { disableLosslessIntegers: true });
  try {
    await driver.executeQuery("SHOW CURRENT USER YIELD user RETURN user", {}, { database: "system" });
    return "ok";
  } catch (err) {
    const code = (err as { code?: string }).code ?? "";
    if (code === "Neo.ClientError.Security.CredentialsExpired") return "expired";
    if (code === "Neo.ClientError.Security.Unauthorized") return "unauthorized";
    throw err;
  } finally {
    await driver.close();
  }
}

async function changePassword(uri: string, from: string, to: string): Promise<void> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(neo4jUser, from));
  try {
    await driver.executeQuery(
      "ALTER CURRENT USER SET PASSWORD FROM $from TO $to",
      { from, to },
      { database: "system" },
    );
  } finally {
    await driver.close();
  }
}

/**
 * Make `wanted` the password of user neo4j, given the server now answers on `uri`.
 * Candidates for the current password: wanted itself, the stored one, Neo4j's initial one.
 */
export async function settlePassword(uri: string, paths: InstancePaths, wanted: string): Promise<void> {
  const stored = storedPassword(paths);
  // Without a stored password the database is most likely fresh: try Neo4j's initial
  // password first, so that a first start logs no failed login (three lock the user briefly).
  const order = stored === undefined ? [INITIAL_PASSWORD, wanted] : [wanted, stored, INITIAL_PASSWORD];
  const candidates = [...new Set(order)].filter((p): p is string => p !== undefined);
  for (const current of candidates) {
    const outcome = await tryLogin(uri, current);
    if (outcome === "unauthorized") continue;
    if (current !== wanted) await changePassword(uri, current, wanted);
    await storePassword(paths, wanted);
    return;
  }
  throw new UserError(
    `the database in ${paths.data} has a password that is neither the requested nor the stored one; ` +
      `pass the current one with --password (or delete ${paths.data} to start afresh)`,
  );
}
