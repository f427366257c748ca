/**
 * Keeps a request's secrets out of what comes back: a vendor, or a proxy in
 * front of it, may echo the request (headers, query, body) in its error
 * message. The secrets are the credentials the plan sends, the context's
 * values marked `x-sensitive` or `x-credential`, and the request's fields
 * marked so; each is replaced wherever it appears, as sent and in the
 * encodings an echo may use.
 */
import type { MappingPlan, VendorRequest } from "./mapping.js";
import { base64 } from "./utf8.js";

/** What the spec marks secret: context property names, and parameter and body property names. */
export interface SensitiveFields {
  readonly context: readonly string[];
  readonly fields: readonly string[];
}

export const REDACTED = "[redacted]";

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => value !== null && typeof value === "object";

/** Values of properties with the given names, at any depth (bounded, as the body is the client's own). */
function valuesNamed(node: unknown, names: ReadonlySet<string>, into: string[], depth = 0): void {
  if (!isRecord(node) || depth > 32) return;
  for (const [key, value] of Object.entries(node)) {
    if (names.has(key.toLowerCase()) && (typeof value === "string" || typeof value === "number"))
      into.push(String(value));
    else valuesNamed(value, names, into, depth + 1);
  }
}

/** Every secret the request carries, with the encodings an echo may show it in, longest first. */
export function collectSecrets(
  plan: MappingPlan,
  request: VendorRequest<unknown>,
  sensitive: SensitiveFields | undefined,
  context: unknown,
): string[] {
  const found: string[] = [];
  const authorization = request.headers.authorization;
  if (typeof authorization === "string") found.push(authorization, authorization.replace(/^\S+\s+/, ""));
  const names = new Set(
    [...(sensitive?.fields ?? []), ...plan.auth.flatMap((auth) => (auth.name === undefined ? [] : [auth.name]))].map(
      (name) => name.toLowerCase(),
    ),
  );
  valuesNamed({ headers: request.headers, query: request.query, body: request.body }, names, found);
  const contextNames = [
    ...(sensitive?.context ?? []),
    ...plan.auth.flatMap((auth) => [auth.username, auth.password, auth.token]),
  ];
  if (isRecord(context))
    for (const name of contextNames) {
      const value = name === undefined ? undefined : context[name];
      if (typeof value === "string" || typeof value === "number") found.push(String(value));
    }
  const variants = found
    .filter((secret) => secret.length >= 2)
    .flatMap((secret) => [
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ s: secret }).toString().slice(2),
      JSON.stringify(secret).slice(1, -1),
      secret.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"),
      base64(secret),
    ]);
  // Longest first, so that a secret inside a longer one (a token inside its header) leaves no part behind.
  return [...new Set(variants)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

/** `text` with every secret replaced. */
export function redact(text: string, secrets: readonly string[]): string {
  let clean = text;
  for (const secret of secrets) if (clean.includes(secret)) clean = clean.split(secret).join(REDACTED);
  return clean;
}
