// The review's rule table, one before/after pair per rule: a real spec from
// specs/ (JTL: headers, one JSON body, 201; ByDesign: a form body among four
// media types, Basic auth) with one edit, and the rule ids the differ must
// give, no more. The table's own documentation is checked against it too.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readYaml } from "../../generator/load/read-yaml.js";
import { diffOperation } from "../../generator/review/diff-operation.js";
import {
  type Constraint,
  type ConstraintChange,
  constraintsFor,
  constraintVerbs,
  FOLLOWED_KEYWORDS,
  limitsFor,
  ORDERED_CONSTRAINTS,
  RULES,
  ruleById,
  rulesMarkdown,
  type Subject,
} from "../../generator/review/rules.js";
import { GUARD_KEYWORDS } from "../../generator/emit/guards/compilable.js";
import { JSON_SCHEMA_KEYWORDS } from "../../generator/load/check-schemas.js";
import { repoRoot } from "../helpers/cli.js";
import { append, type Edit, editedSpec, remove, rename, set } from "../helpers/spec-edits.js";

const op = ["paths", "/v1/customers", "post"];
const byOp = ["paths", "/api/users/customer", "post"];
const param = (index: number, ...rest: (string | number)[]) => [...op, "parameters", index, ...rest];
/** x-appid: a required header string; api-version: an optional one. */
const APP_ID = 1;
const API_VERSION = 0;
const body = (...rest: (string | number)[]) => ["components", "schemas", "CreateCustomer", ...rest];
const reply = (...rest: (string | number)[]) => ["components", "schemas", "Customer", ...rest];
const created = (...rest: (string | number)[]) => [...op, "responses", "201", ...rest];
const bodyNumber = (...rest: (string | number)[]) => body("properties", "Number", ...rest);
const replyNumber = (...rest: (string | number)[]) => reply("properties", "Number", ...rest);

/** A pair: the spec with the `base` edits, and the spec with the `head` edits (each made on the spec as committed). */
interface Case {
  name: string;
  slug?: "jtl" | "bydesign";
  base?: Edit[];
  head: Edit[];
  rules: string[];
}

const read = new Map<string, ReturnType<typeof readYaml>>();
/** A spec text read once: most pairs share one side, the spec as committed. */
function source(slug: string, text: string) {
  if (!read.has(text)) read.set(text, readYaml(`${slug}.yaml`, text));
  return read.get(text) as ReturnType<typeof readYaml>;
}

function findings(slug: string, base: Edit[], head: Edit[]) {
  return diffOperation(source(slug, editedSpec(slug, base)), source(slug, editedSpec(slug, head)), slug);
}

/** A limit rule's pair: `target` holds the keyword in base and head as the verb says. */
function limitCases(subject: Subject, target: (...rest: string[]) => (string | number)[]): Case[] {
  return limitsFor(subject).flatMap(({ keyword, name, tighter, looser }) => {
    const [loose, tight] = tighter === "decreased" ? [10, 5] : [1, 2];
    const at = target(keyword);
    if (subject.startsWith("response"))
      return [
        {
          name: `${keyword} loosened`,
          base: [set(at, tight)],
          head: [set(at, loose)],
          rules: [`${subject}-${name}-${looser}`],
        },
        { name: `${keyword} removed`, base: [set(at, tight)], head: [], rules: [`${subject}-${name}-unset`] },
        { name: `${keyword} tightened (breaks no reader)`, base: [set(at, loose)], head: [set(at, tight)], rules: [] },
      ];
    return [
      {
        name: `${keyword} tightened`,
        base: [set(at, loose)],
        head: [set(at, tight)],
        rules: [`${subject}-${name}-${tighter}`],
      },
      {
        name: `${keyword} loosened`,
        base: [set(at, tight)],
        head: [set(at, loose)],
        rules: [`${subject}-${name}-${looser}`],
      },
      { name: `${keyword} set`, head: [set(at, tight)], rules: [`${subject}-${name}-set`] },
    ];
  });
}

/** Two values of each whole-value constraint, neither taking all the other takes (as keyword → value). */
const CONSTRAINT_VALUES: Record<Constraint["name"], [Record<string, unknown>, Record<string, unknown>]> = {
  "multiple-of": [{ multipleOf: 5 }, { multipleOf: 7 }],
  "unique-items": [{ uniqueItems: true }, { uniqueItems: true }],
  const: [{ const: "a" }, { const: "b" }],
  "dependent-required": [{ dependentRequired: { Number: ["Website"] } }, { dependentRequired: { Number: ["Fax"] } }],
  if: [
    { if: { required: ["Number"] }, then: { required: ["Website"] } },
    { if: { required: ["Number"] }, then: { required: ["Fax"] } },
  ],
  not: [{ not: { required: ["Fax"] } }, { not: { required: ["Website"] } }],
  contains: [{ contains: { const: "a" } }, { contains: { const: "b" } }],
  "prefix-items": [{ prefixItems: [{ type: "string" }] }, { prefixItems: [{ type: "integer" }] }],
  "unevaluated-items": [{ unevaluatedItems: { type: "string" } }, { unevaluatedItems: { type: "integer" } }],
  "dependent-schema": [
    { dependentSchemas: { Number: { required: ["Website"] } } },
    { dependentSchemas: { Number: { required: ["Fax"] } } },
  ],
  "pattern-property": [{ patternProperties: { "^x-": { type: "string" } } }, { patternProperties: { "^y-": {} } }],
  "property-names": [{ propertyNames: { maxLength: 20 } }, { propertyNames: { maxLength: 10 } }],
  "unevaluated-properties": [
    { unevaluatedProperties: { type: "string" } },
    { unevaluatedProperties: { type: "integer" } },
  ],
};

/** Two values of each ordered constraint: the first takes all the second takes, and more. */
const ORDERED_VALUES: Partial<Record<Constraint["name"], [Record<string, unknown>, Record<string, unknown>]>> = {
  "multiple-of": [{ multipleOf: 5 }, { multipleOf: 10 }],
  "dependent-required": [
    { dependentRequired: { Number: ["Website"] } },
    { dependentRequired: { Number: ["Website", "Fax"] } },
  ],
  "dependent-schema": [
    { dependentSchemas: { Number: { required: ["Website"] } } },
    { dependentSchemas: { Number: { required: ["Website"] }, Fax: { required: ["Website"] } } },
  ],
  "unevaluated-items": [{ unevaluatedItems: { type: "string" } }, { unevaluatedItems: false }],
  "unevaluated-properties": [{ unevaluatedProperties: { type: "string" } }, { unevaluatedProperties: false }],
};

/** Whole-value constraint pairs (`multipleOf`, `const`, `if`/`then`, ...) for the schema at `target`. */
function constraintCases(subject: Subject, target: (...rest: string[]) => (string | number)[]): Case[] {
  const edits = (values: Record<string, unknown>) =>
    Object.entries(values).map(([key, value]) => set(target(key), value));
  return constraintsFor(subject).flatMap((constraint) => {
    const [one, other] = CONSTRAINT_VALUES[constraint.name];
    const [looser, tighter] = ORDERED_VALUES[constraint.name] ?? [one, other];
    const pairs: Record<ConstraintChange, [Edit[], Edit[]]> = {
      added: [[], edits(one)],
      removed: [edits(one), []],
      changed: [edits(one), edits(other)],
      tightened: [edits(looser), edits(tighter)],
      loosened: [edits(tighter), edits(looser)],
    };
    return constraintVerbs(constraint).map((verb) => ({
      name: `${constraint.keywords.join("/")} ${verb}`,
      base: pairs[verb][0],
      head: pairs[verb][1],
      rules: [`${subject}-${constraint.name}-${verb}`],
    }));
  });
}

/** `default` pairs for the schema at `target`. */
function defaultCases(subject: Subject, target: (...rest: string[]) => (string | number)[]): Case[] {
  const at = target("default");
  return [
    { name: "default added", head: [set(at, "EUR")], rules: [`${subject}-default-value-added`] },
    {
      name: "default changed",
      base: [set(at, "EUR")],
      head: [set(at, "USD")],
      rules: [`${subject}-default-value-changed`],
    },
    { name: "default removed", base: [set(at, "EUR")], head: [], rules: [`${subject}-default-value-removed`] },
  ];
}

/** Enum, pattern and type pairs for a request schema at `target`. */
function valueCases(subject: string, target: (...rest: string[]) => (string | number)[]): Case[] {
  return [
    { name: "type changed", head: [set(target("type"), "integer")], rules: [`${subject}-type-changed`] },
    { name: "format changed", head: [set(target("format"), "email")], rules: [`${subject}-type-changed`] },
    { name: "type widened", head: [set(target("type"), ["string", "null"])], rules: [`${subject}-type-generalized`] },
    {
      name: "format dropped",
      base: [set(target("format"), "email")],
      head: [],
      rules: [`${subject}-type-generalized`],
    },
    { name: "restricted to an enum", head: [set(target("enum"), ["a", "b"])], rules: [`${subject}-became-enum`] },
    {
      name: "enum narrowed",
      base: [set(target("enum"), ["a", "b"])],
      head: [set(target("enum"), ["a"])],
      rules: [`${subject}-enum-value-removed`],
    },
    {
      name: "enum widened",
      base: [set(target("enum"), ["a"])],
      head: [set(target("enum"), ["a", "b"])],
      rules: [`${subject}-enum-value-added`],
    },
    { name: "pattern added", head: [set(target("pattern"), "^[0-9]+$")], rules: [`${subject}-pattern-added`] },
    {
      name: "pattern removed",
      base: [set(target("pattern"), "^[0-9]+$")],
      head: [],
      rules: [`${subject}-pattern-removed`],
    },
    {
      name: "pattern changed",
      base: [set(target("pattern"), "^[0-9]+$")],
      head: [set(target("pattern"), "^[0-9]{4}$")],
      rules: [`${subject}-pattern-changed`],
    },
    {
      name: "description changed",
      head: [set(target("description"), "Another description.")],
      rules: ["description-changed"],
    },
  ];
}

/** `oneOf`/`anyOf` pairs on the schema at `target`. */
function alternativeCases(subject: string, target: (...rest: string[]) => (string | number)[]): Case[] {
  return (["oneOf", "anyOf"] as const).flatMap((keyword) => {
    const name = keyword === "oneOf" ? "one-of" : "any-of";
    const two = set(target(keyword), [{ required: ["Number"] }, { required: ["Website"] }]);
    const one = set(target(keyword), [{ required: ["Number"] }]);
    return [
      { name: `${keyword} alternative removed`, base: [two], head: [one], rules: [`${subject}-${name}-removed`] },
      { name: `${keyword} alternative added`, base: [one], head: [two], rules: [`${subject}-${name}-added`] },
    ];
  });
}

const prefixed = (prefix: string, cases: Case[]) =>
  cases.map((entry) => ({ ...entry, name: `${prefix}: ${entry.name}` }));

const cases: Case[] = [
  // location
  { name: "path changed", head: [rename(["paths"], "/v1/customers", "/v2/customers")], rules: ["api-path-changed"] },
  { name: "method changed", head: [rename(["paths", "/v1/customers"], "post", "put")], rules: ["api-method-changed"] },
  {
    name: "server other than the first removed (the client never calls it)",
    base: [append(["servers"], { url: "https://backup.test" })],
    head: [],
    rules: ["api-server-removed"],
  },
  { name: "server added", head: [append(["servers"], { url: "https://backup.test" })], rules: ["api-server-added"] },
  {
    name: "first server's URL changed: the client's default base URL",
    head: [set(["servers", 0, "url"], "https://{host}/v2")],
    rules: ["api-default-server-changed"],
  },
  {
    name: "first server's variable default changed",
    head: [set(["servers", 0, "variables", "host", "default"], "erp.example.test")],
    rules: ["api-default-server-changed"],
  },
  {
    name: "a server put before the first",
    head: [
      set(
        ["servers"],
        [
          { url: "https://sandbox.test" },
          { url: "https://{host}", variables: { host: { default: "api.jtl-cloud.com/erp" } } },
        ],
      ),
    ],
    rules: ["api-default-server-changed"],
  },
  {
    name: "another server's host changed: not breaking",
    base: [append(["servers"], { url: "https://backup.test" })],
    head: [append(["servers"], { url: "https://backup2.test" })],
    rules: ["api-server-removed", "api-server-added"],
  },
  {
    name: "first server's variable written out as its default: callers can no longer choose the host",
    head: [set(["servers", 0], { url: "https://api.jtl-cloud.com/erp" })],
    rules: ["api-default-server-changed"],
  },
  { name: "operation deprecated", head: [set([...op, "deprecated"], true)], rules: ["endpoint-deprecated"] },
  {
    name: "operation reactivated",
    base: [set([...op, "deprecated"], true)],
    head: [],
    rules: ["endpoint-reactivated"],
  },
  // security
  {
    name: "security scheme replaced (Basic by an API key)",
    slug: "bydesign",
    head: [
      set(["components", "securitySchemes", "apiKey"], { type: "apiKey", in: "header", name: "X-Key" }),
      set(["security"], [{ apiKey: [] }]),
    ],
    rules: ["api-security-removed", "api-security-added"],
  },
  {
    name: "security alternative added",
    slug: "bydesign",
    head: [
      set(["components", "securitySchemes", "apiKey"], { type: "apiKey", in: "header", name: "X-Key" }),
      append(["security"], { apiKey: [] }),
    ],
    rules: ["api-security-added"],
  },
  {
    name: "anonymous calls no longer accepted",
    base: [append(["security"], {})],
    head: [],
    rules: ["api-security-became-required"],
  },
  {
    name: "security scope added",
    slug: "bydesign",
    head: [set(["security", 0, "basicAuth"], ["admin"])],
    rules: ["api-security-scope-added"],
  },
  {
    name: "security scope removed",
    slug: "bydesign",
    base: [set(["security", 0, "basicAuth"], ["admin"])],
    head: [],
    rules: ["api-security-scope-removed"],
  },
  {
    name: "security scheme changed in components",
    slug: "bydesign",
    head: [set(["components", "securitySchemes", "basicAuth", "scheme"], "bearer")],
    rules: ["api-security-component-type-changed"],
  },
  {
    name: "operation-level security overrides the document's",
    slug: "bydesign",
    head: [set([...byOp, "security"], [{ basicAuth: ["admin"] }])],
    rules: ["api-security-scope-added"],
  },
  // parameters
  {
    name: "required parameter added",
    head: [
      append([...op, "parameters"], { name: "x-region", in: "header", required: true, schema: { type: "string" } }),
    ],
    rules: ["new-required-request-parameter"],
  },
  {
    name: "optional parameter added",
    head: [append([...op, "parameters"], { name: "x-region", in: "header", schema: { type: "string" } })],
    rules: ["new-optional-request-parameter"],
  },
  { name: "parameter removed", head: [remove(param(API_VERSION))], rules: ["request-parameter-removed"] },
  {
    name: "parameter renamed",
    head: [set(param(API_VERSION, "name"), "x-api-version")],
    rules: ["request-parameter-removed", "new-optional-request-parameter"],
  },
  {
    name: "parameter moved to the query",
    head: [set(param(API_VERSION, "in"), "query")],
    rules: ["request-parameter-in-changed"],
  },
  {
    name: "parameter became required",
    head: [set(param(API_VERSION, "required"), true)],
    rules: ["request-parameter-became-required"],
  },
  {
    name: "parameter became optional",
    head: [set(param(APP_ID, "required"), false)],
    rules: ["request-parameter-became-optional"],
  },
  ...prefixed(
    "parameter",
    valueCases("request-parameter", (keyword) =>
      keyword === "description" ? param(APP_ID, keyword) : param(APP_ID, "schema", keyword),
    ),
  ),
  ...prefixed(
    "parameter",
    limitCases("request-parameter", (keyword) => param(APP_ID, "schema", keyword)),
  ),
  ...prefixed(
    "parameter",
    constraintCases("request-parameter", (keyword) => param(APP_ID, "schema", keyword)),
  ),
  ...prefixed(
    "parameter",
    defaultCases("request-parameter", (keyword) => param(APP_ID, "schema", keyword)),
  ),
  // request body
  {
    name: "request body became required",
    base: [set([...op, "requestBody", "required"], false)],
    head: [],
    rules: ["request-body-became-required"],
  },
  {
    name: "request body became optional",
    head: [set([...op, "requestBody", "required"], false)],
    rules: ["request-body-became-optional"],
  },
  {
    name: "request media type removed (the form body)",
    slug: "bydesign",
    head: [remove([...byOp, "requestBody", "content", "application/x-www-form-urlencoded"])],
    rules: ["request-body-media-type-removed"],
  },
  {
    name: "request media type gains a charset: the same media type",
    head: [rename([...op, "requestBody", "content"], "application/json", "application/json; charset=utf-8")],
    rules: ["request-body-media-type-name-changed"],
  },
  {
    name: "request media type becomes another JSON type: the client sends the old one",
    head: [rename([...op, "requestBody", "content"], "application/json", "application/vnd.jtl+json")],
    rules: ["request-body-media-type-removed", "request-body-media-type-added"],
  },
  {
    name: "response media type gains a charset: the same media type",
    head: [rename(created("content"), "application/json", "application/json; charset=utf-8")],
    rules: ["response-media-type-name-changed"],
  },
  {
    name: "response media type becomes a +json type: the client parses both",
    head: [rename(created("content"), "application/json", "application/vnd.jtl+json")],
    rules: ["response-media-type-name-changed"],
  },
  {
    name: "a media type renamed is still compared: its schema's changes are found",
    head: [
      rename(created("content"), "application/json", "Application/JSON; charset=UTF-8"),
      set(replyNumber("maxLength"), 5),
      remove(replyNumber("maxLength")),
      set(replyNumber("type"), "integer"),
    ],
    rules: ["response-media-type-name-changed", "response-property-type-changed"],
  },
  {
    name: "request media type added",
    head: [
      set([...op, "requestBody", "content", "application/xml"], {
        schema: { $ref: "#/components/schemas/CreateCustomer" },
      }),
    ],
    rules: ["request-body-media-type-added"],
  },
  { name: "request body type changed", head: [set(body("type"), "array")], rules: ["request-body-type-changed"] },
  {
    name: "request body type widened",
    head: [set(body("type"), ["object", "null"])],
    rules: ["request-body-type-generalized"],
  },
  {
    name: "request body closed",
    base: [set(body("additionalProperties"), true)],
    head: [],
    rules: ["request-body-additional-properties-closed"],
  },
  {
    name: "request body opened",
    head: [set(body("additionalProperties"), true)],
    rules: ["request-body-additional-properties-opened"],
  },
  ...prefixed(
    "request body",
    alternativeCases("request-body", (keyword) => body(keyword)),
  ),
  ...prefixed(
    "request body",
    limitCases("request-body", (keyword) => body(keyword)),
  ),
  ...prefixed(
    "request body",
    constraintCases("request-body", (keyword) => body(keyword)),
  ),
  {
    name: "required request property added",
    head: [set(body("properties", "Fax"), { type: "string" }), append(body("required"), "Fax")],
    rules: ["new-required-request-property"],
  },
  {
    name: "optional request property added",
    head: [set(body("properties", "Fax"), { type: "string" })],
    rules: ["new-optional-request-property"],
  },
  { name: "request property removed", head: [remove(bodyNumber())], rules: ["request-property-removed"] },
  {
    name: "request property became required",
    head: [append(body("required"), "Number")],
    rules: ["request-property-became-required"],
  },
  {
    name: "request property became optional",
    base: [append(body("required"), "Number")],
    head: [],
    rules: ["request-property-became-optional"],
  },
  {
    name: "two properties of one shared schema became required: two findings, at each property",
    head: [append(body("required"), "Shipmentaddress"), append(body("required"), "CustomAddress")],
    rules: ["request-property-became-required", "request-property-became-required"],
  },
  {
    name: "nested request object closed (one finding for a schema reached three ways)",
    base: [set(["components", "schemas", "CreateAddress", "additionalProperties"], true)],
    head: [],
    rules: ["request-property-additional-properties-closed"],
  },
  {
    name: "nested request object opened",
    head: [set(["components", "schemas", "CreateAddress", "additionalProperties"], true)],
    rules: ["request-property-additional-properties-opened"],
  },
  ...prefixed(
    "request property",
    valueCases("request-property", (keyword) => bodyNumber(keyword)),
  ),
  ...prefixed(
    "request property",
    limitCases("request-property", (keyword) => bodyNumber(keyword)),
  ),
  ...prefixed(
    "request property",
    constraintCases("request-property", (keyword) => bodyNumber(keyword)),
  ),
  ...prefixed(
    "request property",
    defaultCases("request-property", (keyword) => bodyNumber(keyword)),
  ),
  ...prefixed(
    "request property",
    alternativeCases("request-property", (keyword) => bodyNumber(keyword)),
  ),
  // responses
  {
    name: "success status changed",
    head: [rename([...op, "responses"], "201", "200")],
    rules: ["response-success-status-removed", "response-success-status-added"],
  },
  {
    name: "success status added",
    head: [set([...op, "responses", "202"], { description: "Accepted." })],
    rules: ["response-success-status-added"],
  },
  {
    name: "error status removed",
    head: [remove([...op, "responses", "402"])],
    rules: ["response-non-success-status-removed"],
  },
  {
    name: "error status added",
    head: [set([...op, "responses", "409"], { description: "Conflict." })],
    rules: ["response-non-success-status-added"],
  },
  {
    name: "response media type removed",
    slug: "bydesign",
    head: [remove([...byOp, "responses", "200", "content", "application/xml"])],
    rules: ["response-media-type-removed"],
  },
  {
    name: "response media type added",
    head: [
      set([...op, "responses", "201", "content", "application/xml"], {
        schema: { $ref: "#/components/schemas/Customer" },
      }),
    ],
    rules: ["response-media-type-added"],
  },
  { name: "response body type changed", head: [set(reply("type"), "array")], rules: ["response-body-type-changed"] },
  {
    name: "response body type narrowed",
    base: [set(reply("type"), ["object", "null"])],
    head: [],
    rules: ["response-body-type-specialized"],
  },
  {
    name: "response property gains null (readers meet a null)",
    base: [set(replyNumber("type"), "string")],
    head: [],
    rules: ["response-property-type-changed"],
  },
  {
    name: "response property narrowed (null dropped, a format added)",
    head: [set(replyNumber("type"), "string"), set(replyNumber("format"), "email")],
    rules: ["response-property-type-specialized"],
  },
  ...prefixed(
    "response body",
    alternativeCases("response-body", (keyword) => reply(keyword)),
  ),
  ...prefixed(
    "response body",
    limitCases("response-body", (keyword) => reply(keyword)),
  ),
  ...prefixed(
    "response body",
    constraintCases("response-body", (keyword) => reply(keyword)),
  ),
  {
    name: "required response property removed",
    base: [set(reply("required"), ["Id", "Number"])],
    head: [set(reply("required"), ["Id", "Number"]), remove(replyNumber())],
    rules: ["response-required-property-removed"],
  },
  {
    name: "optional response property removed",
    head: [remove(replyNumber())],
    rules: ["response-optional-property-removed"],
  },
  {
    name: "response property became optional",
    base: [set(reply("required"), ["Number"])],
    head: [],
    rules: ["response-property-became-optional"],
  },
  {
    name: "response property became required",
    head: [set(reply("required"), ["Number"])],
    rules: ["response-property-became-required"],
  },
  {
    name: "required response property added",
    head: [set(reply("properties", "Fax"), { type: "string" }), set(reply("required"), ["Fax"])],
    rules: ["response-required-property-added"],
  },
  {
    name: "optional response property added",
    head: [set(reply("properties", "Fax"), { type: "string" })],
    rules: ["response-optional-property-added"],
  },
  {
    name: "response property type changed",
    head: [set(replyNumber("type"), "integer")],
    rules: ["response-property-type-changed"],
  },
  {
    name: "response enum widened",
    base: [set(replyNumber("enum"), ["a"])],
    head: [set(replyNumber("enum"), ["a", "b"])],
    rules: ["response-property-enum-value-added"],
  },
  {
    name: "response enum dropped (readers meet any value)",
    base: [set(replyNumber("enum"), ["a"])],
    head: [],
    rules: ["response-property-enum-value-added"],
  },
  {
    name: "request enum dropped (senders may send any value)",
    base: [set(bodyNumber("enum"), ["a"])],
    head: [],
    rules: ["request-property-enum-value-added"],
  },
  {
    name: "response enum narrowed",
    base: [set(replyNumber("enum"), ["a", "b"])],
    head: [set(replyNumber("enum"), ["a"])],
    rules: ["response-property-enum-value-removed"],
  },
  ...prefixed(
    "response property",
    limitCases("response-property", (keyword) => replyNumber(keyword)),
  ),
  ...prefixed(
    "response property",
    constraintCases("response-property", (keyword) => replyNumber(keyword)),
  ),
  ...prefixed(
    "response property",
    defaultCases("response-property", (keyword) => replyNumber(keyword)),
  ),
  {
    name: "response property gains a pattern (breaks no reader)",
    head: [set(replyNumber("pattern"), "^[0-9]+$")],
    rules: ["response-property-pattern-added"],
  },
  {
    name: "response property's pattern removed",
    base: [set(replyNumber("pattern"), "^[0-9]+$")],
    head: [],
    rules: ["response-property-pattern-removed"],
  },
  {
    name: "response property's pattern changed",
    base: [set(replyNumber("pattern"), "^[0-9]+$")],
    head: [set(replyNumber("pattern"), "^[0-9A-Z]+$")],
    rules: ["response-property-pattern-changed"],
  },
  {
    name: "response body opened (the deployed validators refuse what the vendor may add)",
    base: [set(reply("additionalProperties"), false)],
    head: [],
    rules: ["response-body-additional-properties-opened"],
  },
  {
    name: "response body closed",
    head: [set(reply("additionalProperties"), false)],
    rules: ["response-body-additional-properties-closed"],
  },
  {
    name: "nested response object opened",
    base: [set(replyNumber("additionalProperties"), false)],
    head: [],
    rules: ["response-property-additional-properties-opened"],
  },
  {
    name: "nested response object closed",
    head: [set(replyNumber("additionalProperties"), false)],
    rules: ["response-property-additional-properties-closed"],
  },
  {
    name: "property added to a closed response model (the deployed validators refuse it)",
    base: [set(reply("additionalProperties"), false)],
    head: [set(reply("additionalProperties"), false), set(reply("properties", "Fax"), { type: "string" })],
    rules: ["response-property-added-to-closed-model"],
  },
  // response headers
  {
    name: "required response header removed",
    base: [set(created("headers"), { Location: { required: true, schema: { type: "string" } } })],
    head: [],
    rules: ["required-response-header-removed"],
  },
  {
    name: "optional response header removed",
    base: [set(created("headers"), { Location: { schema: { type: "string" } } })],
    head: [],
    rules: ["optional-response-header-removed"],
  },
  {
    name: "response header added",
    head: [set(created("headers"), { Location: { schema: { type: "string" } } })],
    rules: ["response-header-added"],
  },
  {
    name: "response header became optional",
    base: [set(created("headers"), { Location: { required: true, schema: { type: "string" } } })],
    head: [set(created("headers"), { Location: { required: false, schema: { type: "string" } } })],
    rules: ["response-header-became-optional"],
  },
  {
    name: "response header became required",
    base: [set(created("headers"), { Location: { schema: { type: "string" } } })],
    head: [set(created("headers"), { Location: { required: true, schema: { type: "string" } } })],
    rules: ["response-header-became-required"],
  },
  {
    name: "response header's schema loosened (judged as a response property's)",
    base: [set(created("headers"), { Location: { schema: { type: "string", maxLength: 200 } } })],
    head: [set(created("headers"), { Location: { schema: { type: ["string", "integer"] } } })],
    rules: ["response-property-type-changed", "response-property-max-length-unset"],
  },
  {
    name: "response header written in another case: the same header",
    base: [set(created("headers"), { Location: { required: true, schema: { type: "string" } } })],
    head: [set(created("headers"), { location: { required: true, schema: { type: "string" } } })],
    rules: [],
  },
  {
    name: "Content-Type among response headers is the media type's, not a header",
    head: [set(created("headers"), { "Content-Type": { required: true, schema: { type: "string" } } })],
    rules: [],
  },
  ...prefixed(
    "response property",
    alternativeCases("response-property", (keyword) => replyNumber(keyword)),
  ),
  // x-errors
  { name: "vendor error code removed", head: [remove([...op, "x-errors", 2])], rules: ["x-errors-code-removed"] },
  {
    name: "vendor error code added",
    head: [
      append([...op, "x-errors"], { code: "urn:jtl:conflict", status: 409, message: "Conflict.", kind: "duplicate" }),
    ],
    rules: ["x-errors-code-added"],
  },
  {
    name: "vendor error code moved to another status",
    head: [set([...op, "x-errors", 0, "status"], 422)],
    rules: ["x-errors-code-status-changed"],
  },
];

/** Rules only the whole review gives (they read the generated package): tested in review.test.ts. */
const PACKAGE_RULES = [
  "generated-export-removed",
  "generated-export-added",
  "x-mapping-row-added",
  "x-mapping-row-removed",
  "x-mapping-required-row-removed",
  "x-mapping-result-row-added",
  "x-mapping-result-row-removed",
  "vendor-removed",
];

/** Annotations and identifiers: the validators never refuse a value for them (`default` has rules all the same). */
const NOT_ENFORCED = new Set(
  ["$schema", "$id", "$anchor", "$dynamicAnchor", "$vocabulary", "$comment", "$defs", "title", "description"].concat(
    ["default", "deprecated", "readOnly", "writeOnly", "examples", "contentEncoding", "contentMediaType"],
    ["contentSchema"],
  ),
);

/** The enforced keywords among `keywords` that no rule reads and the differ does not follow. */
function unruled(keywords: readonly string[]): string[] {
  const ruled = new Set(RULES.flatMap((rule) => rule.keywords ?? []));
  return [...new Set(keywords)].filter(
    (keyword) => !NOT_ENFORCED.has(keyword) && !ruled.has(keyword) && !(keyword in FOLLOWED_KEYWORDS),
  );
}

describe("review rules: each a before/after pair of a real spec", () => {
  it.each(cases.map((entry) => [entry.name, entry] as const))("%s", (_name, entry) => {
    const found = findings(entry.slug ?? "jtl", entry.base ?? [], entry.head);
    expect(found.map((change) => change.rule)).toEqual(entry.rules);
  });

  it("an unchanged spec gives nothing", () => {
    expect(findings("jtl", [], [])).toEqual([]);
    expect(findings("bydesign", [], [])).toEqual([]);
  });

  it("every rule in the table has a case", () => {
    const covered = new Set([...cases.flatMap((entry) => entry.rules), ...PACKAGE_RULES]);
    expect(RULES.map((rule) => rule.id).filter((id) => !covered.has(id))).toEqual([]);
    expect(new Set(RULES.map((rule) => rule.id)).size).toBe(RULES.length);
  });

  it("every keyword the validators or the guards enforce has a rule, or is followed to what it holds", () => {
    expect(unruled([...JSON_SCHEMA_KEYWORDS, ...GUARD_KEYWORDS])).toEqual([]);
    // Both directions: each keyword with request rules has one that breaks senders and one that does not.
    for (const keyword of new Set(RULES.flatMap((rule) => rule.keywords ?? []))) {
      const request = RULES.filter((rule) => rule.keywords?.includes(keyword) && rule.id.startsWith("request"));
      if (request.length === 0) continue;
      expect(
        request.map((rule) => rule.severity),
        keyword,
      ).toContain("breaking");
      expect(
        request.map((rule) => rule.severity === "breaking"),
        keyword,
      ).toContain(false);
    }
  });

  it("a constraint tightened breaks senders only, loosened readers only, changed (neither) both; as oasdiff judges limits", () => {
    const severity = (subject: Subject, verb: ConstraintChange) => ruleById(`${subject}-multiple-of-${verb}`).severity;
    expect(severity("request-property", "tightened")).toBe("breaking");
    expect(severity("request-property", "loosened")).toBe("non-breaking");
    // Before: multipleOf 5 → 10 was `changed`, breaking for a reader although every value it gives was given before.
    expect(severity("response-property", "tightened")).toBe("non-breaking");
    expect(severity("response-property", "loosened")).toBe("breaking");
    for (const subject of ["request-property", "response-property"] as const)
      expect(severity(subject, "changed"), subject).toBe("breaking");
    for (const name of ORDERED_CONSTRAINTS)
      for (const subject of ["request-body", "request-property", "response-body", "response-property"] as const) {
        const id = `${subject}-${name}-tightened`;
        if (!RULES.some((entry) => entry.id === id)) continue;
        const request = subject.startsWith("request");
        expect(ruleById(id).severity, id).toBe(request ? "breaking" : "non-breaking");
        expect(ruleById(`${subject}-${name}-loosened`).severity, id).toBe(request ? "non-breaking" : "breaking");
      }
  });

  it("the keyword check names a keyword the guards would compile with no rule", () => {
    expect(unruled([...GUARD_KEYWORDS, "contentSchemaStrict"])).toEqual(["contentSchemaStrict"]);
  });

  it("docs/review-rules.md is the table, one line per rule", () => {
    expect(readFileSync(join(repoRoot, "docs/review-rules.md"), "utf8")).toBe(rulesMarkdown());
  });
});
