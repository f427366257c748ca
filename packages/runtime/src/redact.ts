/**
 * Keeps a request's secrets out of what comes back: a vendor, or a proxy in
 * front of it, may echo the request (headers, query, body) in its error
 * message. The secrets are the credentials the plan sends, the context's
 * values marked `x-sensitive` or `x-credential`, and the request's fields
 * marked so; each is replaced wherever it appears, as sent and in the
 * encodings an echo may use.
 */
import type { MappingPlan, VendorRequest } from "./mapping.js";
import { base64Bytes, utf8Bytes } from "./utf8.js";

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
  return [...new Set(found.filter((secret) => secret.length >= 2))];
}

const hex = (value: number, width: number) => value.toString(16).padStart(width, "0");
// The characters a regular expression with the `u` flag takes escaped.
const literal = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
const NAMED_ENTITIES: Readonly<Record<string, string>> = { "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" };

/**
 * Every way an echo may spell one character: itself (any case, by the pattern's flags); percent-encoded, each
 * UTF-8 byte, in either case (`%2f`, `%2F`), and `+` for a space (form encoding); a JSON or JavaScript escape
 * (`\/`, `\u00e4`, `\xe4`, `\u{e4}`); an HTML or XML entity (`&#39;`, `&#x27;`, `&apos;`).
 */
function characterPattern(character: string): string {
  const point = character.codePointAt(0) ?? 0;
  const forms: string[] = [];
  for (const byte of utf8Bytes(character)) forms.push(`%${hex(byte, 2)}`);
  const bytes = forms.join("");
  const units = [...Array(character.length).keys()].map((index) => `\\\\u${hex(character.charCodeAt(index), 4)}`);
  const alternatives = [
    bytes,
    units.join(""),
    `\\\\u\\{0*${hex(point, 1)}\\}`,
    ...(point < 0x100 ? [`\\\\x${hex(point, 2)}`] : []),
    `&#0*${point};`,
    `&#x0*${hex(point, 1)};`,
    ...(NAMED_ENTITIES[character] === undefined ? [] : [`&${NAMED_ENTITIES[character]};`]),
    ...(/[\p{L}\p{N}]/u.test(character) ? [] : [`\\\\${literal(character)}`]),
    ...(character === " " ? ["\\+"] : []),
    literal(character),
  ];
  return `(?:${alternatives.join("|")})`;
}

/** The base64 (and base64url) of the secret's bytes wherever it starts in a longer encoded text: the characters that hold only its bits, at each of the three alignments. */
function base64Forms(secret: string): string[] {
  const bytes = [...utf8Bytes(secret)];
  const forms: string[] = [];
  for (const offset of [0, 1, 2]) {
    const encoded = base64Bytes([...Array<number>(offset).fill(0), ...bytes]).replace(/=+$/, "");
    const first = Math.ceil((offset * 8) / 6);
    const last = Math.floor(((offset + bytes.length) * 8) / 6);
    const core = encoded.slice(first, last);
    // A short core would match unrelated text.
    if (core.length >= 6) forms.push(core, core.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return forms;
}

const patterns = new WeakMap<readonly string[], RegExp | undefined>();

/** One pattern for every secret in every encoding, longest secret first (a token inside its header leaves no part behind). */
function secretPattern(secrets: readonly string[]): RegExp | undefined {
  if (patterns.has(secrets)) return patterns.get(secrets);
  const ordered = [...secrets].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const spelled = ordered.map((secret) => [...secret].map(characterPattern).join(""));
  const encoded = [...new Set(ordered.flatMap(base64Forms))].map(literal);
  const pattern = ordered.length === 0 ? undefined : new RegExp([...encoded, ...spelled].join("|"), "giu");
  patterns.set(secrets, pattern);
  return pattern;
}

/** `text` with every secret replaced, in every encoding an echo may use; case-insensitive where the encoding allows. */
export function redact(text: string, secrets: readonly string[]): string {
  const pattern = secretPattern(secrets);
  return pattern === undefined ? text : text.replace(pattern, REDACTED);
}
