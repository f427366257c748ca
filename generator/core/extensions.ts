// The project's own `x-` vocabulary, in one table: each extension the
// generator reads, where it goes, and the shape of its value as JSON Schema
// (every object closed, so an unknown key is an error). `load/check-extensions.ts`
// checks every spec against it; docs/spec-conventions.md and docs/mapping.md
// say what each key means. A new key of an extension is one line here.

/** Any value: what a reader in model/ checks with a message of its own, or data. */
const ANY = {};

/** An object with exactly these keys (and `x-` keys of the author's own). */
const closed = (properties: Record<string, object>, more: object = {}) => ({
  properties,
  patternProperties: { "^x-": ANY },
  additionalProperties: false,
  ...more,
});

const list = (items: object) => ({ items });

export interface ExtensionSpec {
  /** Where it goes, as the messages say it. */
  on: string;
  /** The pointer of the object that may hold it; anywhere when absent. */
  place?: RegExp;
  /** Its value. Types are stated where no reader in model/ checks them with a message of its own. */
  shape: object;
  /** Its value is a JSON Schema (whose own schemas may carry extensions), checked as one elsewhere. */
  schema?: boolean;
}

const OPERATION = /^\/paths\/[^/]+\/(get|put|post|delete|options|head|patch|trace)$/;
const RESPONSE = /^(\/paths\/[^/]+\/[a-z]+|\/components)\/responses\/[^/]+$/;
const EXAMPLE = /\/examples\/[^/]+$/;

/** A mapping declaration of `x-mapping` (docs/mapping.md), recursive through `map`. */
const DECLARATION = closed({
  to: ANY,
  from: ANY,
  context: ANY,
  value: ANY,
  transform: ANY,
  separator: ANY,
  index: ANY,
  where: ANY,
  pick: ANY,
  table: ANY,
  default: ANY,
  when: ANY,
  map: list({ $ref: "#/$defs/declaration" }),
  note: ANY,
  otherwise: ANY,
});

export const EXTENSIONS: Readonly<Record<string, ExtensionSpec>> = {
  "x-vendor": {
    on: "`info`",
    place: /^\/info$/,
    shape: closed({ slug: ANY, name: ANY, seed: ANY, operationId: ANY }),
  },
  "x-breaking-change-acknowledged": { on: "`info`", place: /^\/info$/, shape: { type: "string" } },
  "x-mapping": {
    on: "the document's root",
    place: /^$/,
    shape: closed(
      {
        request: list({ $ref: "#/$defs/declaration" }),
        response: list({ $ref: "#/$defs/declaration" }),
        auth: { additionalProperties: closed({ username: ANY, password: ANY, token: ANY }) },
        unmapped: list(closed({ field: ANY, reason: ANY })),
        needs: list(closed({ field: ANY, reason: ANY })),
      },
      { $defs: { declaration: DECLARATION } },
    ),
  },
  "x-context": { on: "the document's root", place: /^$/, shape: ANY, schema: true },
  "x-errors": {
    on: "an operation",
    place: OPERATION,
    shape: list(
      closed({
        code: ANY,
        status: ANY,
        message: ANY,
        kind: ANY,
        rules: list(closed({ in: ANY, path: ANY, keyword: ANY })),
        unreadable: ANY,
        generic: ANY,
      }),
    ),
  },
  "x-idempotency": { on: "an operation", place: OPERATION, shape: closed({ header: ANY, body: ANY }) },
  "x-error-body": {
    on: "a response",
    place: RESPONSE,
    shape: closed({
      code: ANY,
      message: ANY,
      list: ANY,
      fields: ANY,
      field: ANY,
      when: closed({ pointer: ANY, equals: ANY }),
    }),
  },
  "x-expect": { on: "an example object", place: EXAMPLE, shape: ANY },
  "x-expect-errors": { on: "an example object", place: EXAMPLE, shape: list(closed({ path: ANY, keyword: ANY })) },
  "x-source": { on: "a schema, parameter, response or example", shape: { type: "string" } },
  "x-conflict": {
    on: "a schema",
    shape: closed(
      { values: list(closed({ says: ANY, where: ANY })), chosen: ANY, reason: { type: "string" } },
      { type: "object" },
    ),
  },
  "x-sensitive": { on: "a property schema, parameter or context property", shape: { type: "boolean" } },
  "x-credential": { on: "a property schema or context property", shape: { type: "boolean" } },
  "x-no-limit": { on: "a request property or its object schema", shape: { type: "string" } },
  // Written by the loader for a format the validators do not know (load/unknown-formats.ts), or by hand.
  "x-format": { on: "a schema", shape: { type: "string" } },
};

export const EXTENSION_NAMES: readonly string[] = Object.keys(EXTENSIONS);
