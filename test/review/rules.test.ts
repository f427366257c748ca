// The review's rule table, one before/after pair per rule: a real spec from
// specs/ (JTL: headers, one JSON body, 201; ByDesign: a form body among four
// media types, Basic auth) with one edit, and the rule ids the differ must
// give, no more. The table's own documentation is checked against it too.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readYaml } from "../../generator/load/read-yaml.js";
import { diffOperation } from "../../generator/review/diff-operation.js";
import { LIMITS, RULES, rulesMarkdown } from "../../generator/review/rules.js";
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
function limitCases(subject: string, target: (...rest: string[]) => (string | number)[]): Case[] {
  return LIMITS.flatMap(({ keyword, name, tighter, looser }) => {
    const [loose, tight] = tighter === "decreased" ? [10, 5] : [1, 2];
    const at = target(keyword);
    if (subject === "response-property")
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
    name: "server removed",
    base: [append(["servers"], { url: "https://backup.test" })],
    head: [],
    rules: ["api-server-removed"],
  },
  { name: "server added", head: [append(["servers"], { url: "https://backup.test" })], rules: ["api-server-added"] },
  {
    name: "server URL changed",
    head: [set(["servers", 0, "url"], "https://{host}/v2")],
    rules: ["api-server-removed", "api-server-added"],
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
  "vendor-removed",
];

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

  it("docs/review-rules.md is the table, one line per rule", () => {
    expect(readFileSync(join(repoRoot, "docs/review-rules.md"), "utf8")).toBe(rulesMarkdown());
  });
});
