/**
 * The review's rule table: every kind of change it reports, as data. The
 * differ only names a rule; whether it breaks, and whom, is read from here,
 * and docs/review-rules.md is generated from the same table (a test keeps
 * them equal). Ids are oasdiff's where oasdiff has the check; `origin:
 * "project"` marks the ones it has not (its checks are judged for a generic
 * client, ours for the generated package, so a few severities differ, each
 * said in `changed`).
 */

export type Severity = "breaking" | "non-breaking" | "info";
export type Breaks = "request senders" | "response readers" | "both" | "nobody";

export interface Rule {
  id: string;
  /** What changed, in a few words. */
  changed: string;
  breaks: Breaks;
  severity: Severity;
  /** A base → head edit that gives the rule. */
  example: string;
  origin: "oasdiff" | "project";
}

const rule = (
  id: string,
  changed: string,
  breaks: Breaks,
  severity: Severity,
  example: string,
  origin: Rule["origin"] = "oasdiff",
): Rule => ({
  id,
  changed,
  breaks: severity === "breaking" ? breaks : "nobody",
  severity,
  example,
  origin,
});

/** A limit keyword, its oasdiff name, and which way tightens it for a sender. */
export const LIMITS = [
  { keyword: "maxLength", name: "max-length", tighter: "decreased", looser: "increased" },
  { keyword: "minLength", name: "min-length", tighter: "increased", looser: "decreased" },
  { keyword: "maximum", name: "max", tighter: "decreased", looser: "increased" },
  { keyword: "minimum", name: "min", tighter: "increased", looser: "decreased" },
  { keyword: "exclusiveMaximum", name: "exclusive-max", tighter: "decreased", looser: "increased" },
  { keyword: "exclusiveMinimum", name: "exclusive-min", tighter: "increased", looser: "decreased" },
  { keyword: "maxItems", name: "max-items", tighter: "decreased", looser: "increased" },
  { keyword: "minItems", name: "min-items", tighter: "increased", looser: "decreased" },
] as const;
export type Limit = (typeof LIMITS)[number];

/** The oasdiff ids of this family that oasdiff has (the rest are the project's, for a complete table). */
const OASDIFF_LIMIT_IDS = new Set([
  "request-parameter-max-length-decreased",
  "request-parameter-max-length-increased",
  "request-parameter-max-length-set",
  "request-parameter-min-length-increased",
  "request-parameter-min-length-decreased",
  "request-parameter-max-decreased",
  "request-parameter-max-increased",
  "request-parameter-max-set",
  "request-parameter-min-increased",
  "request-parameter-min-decreased",
  "request-parameter-min-set",
  "request-parameter-exclusive-max-decreased",
  "request-parameter-exclusive-max-increased",
  "request-parameter-exclusive-max-set",
  "request-parameter-exclusive-min-increased",
  "request-parameter-exclusive-min-decreased",
  "request-parameter-exclusive-min-set",
  "request-parameter-max-items-decreased",
  "request-parameter-max-items-increased",
  "request-parameter-min-items-increased",
  "request-parameter-min-items-decreased",
  "request-parameter-min-items-set",
  "request-property-max-length-decreased",
  "request-property-max-length-increased",
  "request-property-max-length-set",
  "request-property-min-length-increased",
  "request-property-min-length-decreased",
  "request-property-max-decreased",
  "request-property-max-increased",
  "request-property-max-set",
  "request-property-min-increased",
  "request-property-min-decreased",
  "request-property-min-set",
  "request-property-exclusive-max-decreased",
  "request-property-exclusive-max-increased",
  "request-property-exclusive-max-set",
  "request-property-exclusive-min-increased",
  "request-property-exclusive-min-decreased",
  "request-property-exclusive-min-set",
  "request-property-min-items-increased",
  "request-property-min-items-decreased",
  "request-property-min-items-set",
  "response-property-max-length-increased",
  "response-property-max-length-unset",
  "response-property-min-length-decreased",
  "response-property-max-increased",
  "response-property-min-decreased",
  "response-property-exclusive-max-increased",
  "response-property-exclusive-min-decreased",
  "response-property-min-items-decreased",
  "response-property-min-items-unset",
]);

/** Limits on what a sender sends: tightened or newly set breaks senders, loosened or dropped does not. */
function requestLimitRules(subject: "request-parameter" | "request-property", what: string): Rule[] {
  return LIMITS.flatMap(({ keyword, name, tighter, looser }) => {
    const origin = (id: string) => (OASDIFF_LIMIT_IDS.has(id) ? "oasdiff" : "project");
    const id = (verb: string) => `${subject}-${name}-${verb}`;
    return [
      rule(
        id(tighter),
        `${what}'s \`${keyword}\` ${tighter}`,
        "request senders",
        "breaking",
        tighter === "decreased" ? `${keyword}: 10 → 5` : `${keyword}: 1 → 2`,
        origin(id(tighter)),
      ),
      rule(
        id(looser),
        `${what}'s \`${keyword}\` ${looser} or removed`,
        "nobody",
        "non-breaking",
        tighter === "decreased" ? `${keyword}: 5 → 10` : `${keyword}: 2 → 1`,
        origin(id(looser)),
      ),
      rule(
        id("set"),
        `${what} gains a \`${keyword}\``,
        "request senders",
        "breaking",
        `no ${keyword} → ${keyword}: 5`,
        origin(id("set")),
      ),
    ];
  });
}

/** Limits on what a reader reads: loosened or dropped breaks readers that relied on them; tightened does not. */
function responseLimitRules(): Rule[] {
  return LIMITS.flatMap(({ keyword, name, looser }) => {
    const loosened = `response-property-${name}-${looser}`;
    const unset = `response-property-${name}-unset`;
    return [
      rule(
        loosened,
        `a response property's \`${keyword}\` ${looser}`,
        "response readers",
        "breaking",
        looser === "increased" ? `${keyword}: 5 → 10` : `${keyword}: 2 → 1`,
        OASDIFF_LIMIT_IDS.has(loosened) ? "oasdiff" : "project",
      ),
      rule(
        unset,
        `a response property's \`${keyword}\` removed`,
        "response readers",
        "breaking",
        `${keyword}: 5 → none`,
        OASDIFF_LIMIT_IDS.has(unset) ? "oasdiff" : "project",
      ),
    ];
  });
}

/** Enum, pattern and type rules shared by parameters and request properties. */
function requestValueRules(subject: "request-parameter" | "request-property", what: string): Rule[] {
  return [
    rule(
      `${subject}-type-changed`,
      `${what}'s \`type\` or \`format\` changed, not only widened`,
      "request senders",
      "breaking",
      "type: string → integer",
    ),
    rule(
      `${subject}-type-generalized`,
      `${what}'s \`type\` widened (a type added, integer to number, a format dropped)`,
      "nobody",
      "non-breaking",
      'type: string → [string, "null"]',
    ),
    rule(
      `${subject}-became-enum`,
      `${what} restricted to an \`enum\``,
      "request senders",
      "breaking",
      "no enum → enum: [a, b]",
    ),
    rule(
      `${subject}-enum-value-removed`,
      `${what}'s \`enum\` narrowed`,
      "request senders",
      "breaking",
      "enum: [a, b] → [a]",
    ),
    rule(`${subject}-enum-value-added`, `${what}'s \`enum\` widened`, "nobody", "non-breaking", "enum: [a] → [a, b]"),
    rule(
      `${subject}-pattern-added`,
      `${what} gains a \`pattern\``,
      "request senders",
      "breaking",
      "no pattern → pattern: ^[0-9]+$",
    ),
    rule(
      `${subject}-pattern-removed`,
      `${what}'s \`pattern\` removed`,
      "nobody",
      "non-breaking",
      "pattern: ^[0-9]+$ → none",
    ),
    rule(
      `${subject}-pattern-changed`,
      `${what}'s \`pattern\` changed (it may no longer accept what it did)`,
      "request senders",
      "breaking",
      "pattern: ^[0-9]+$ → ^[0-9]{4}$",
    ),
  ];
}

/** `oneOf`/`anyOf` alternatives of a body or a property, for either direction. */
function alternativeRules(
  subject: "request-body" | "request-property" | "response-body" | "response-property",
  what: string,
): Rule[] {
  const request = subject.startsWith("request");
  return (["oneOf", "anyOf"] as const).flatMap((keyword) => {
    const name = keyword === "oneOf" ? "one-of" : "any-of";
    return [
      // A sender loses a shape it could send; a reader meets a shape it does not know.
      rule(
        `${subject}-${name}-removed`,
        `${what} lost a \`${keyword}\` alternative`,
        "request senders",
        request ? "breaking" : "non-breaking",
        `${keyword}: [A, B] → [A]`,
      ),
      rule(
        `${subject}-${name}-added`,
        `${what} gained a \`${keyword}\` alternative`,
        "response readers",
        request ? "non-breaking" : "breaking",
        `${keyword}: [A] → [A, B]`,
      ),
    ];
  });
}

export const RULES: readonly Rule[] = [
  // location
  rule(
    "api-path-changed",
    "the operation's path changed (oasdiff: api-path-removed plus endpoint-added)",
    "both",
    "breaking",
    "/v1/customers → /v2/customers",
    "project",
  ),
  rule("api-method-changed", "the operation's method changed", "both", "breaking", "post → put", "project"),
  rule(
    "api-server-removed",
    "a server URL removed (oasdiff has no server checks; the generated client's base URL goes)",
    "both",
    "breaking",
    "servers: [a, b] → [a]",
    "project",
  ),
  rule("api-server-added", "a server URL added", "nobody", "info", "servers: [a] → [a, b]", "project"),
  rule("endpoint-deprecated", "the operation marked deprecated", "nobody", "info", "deprecated: false → true"),
  rule("endpoint-reactivated", "the operation no longer deprecated", "nobody", "info", "deprecated: true → false"),
  // security (oasdiff reports these as info; a generated adapter sends fixed credentials, so a lost way in breaks it)
  rule(
    "api-security-removed",
    "a security requirement removed: callers authenticating that way are refused",
    "request senders",
    "breaking",
    "security: [basic] → [bearer]",
  ),
  rule(
    "api-security-added",
    "a security requirement added as another way in (credentials needed at all: api-security-became-required)",
    "request senders",
    "non-breaking",
    "security: [basic] → [basic, bearer]",
  ),
  rule(
    "api-security-became-required",
    "credentials now needed where the base accepted none",
    "request senders",
    "breaking",
    "security: [{}] → [basic]",
    "project",
  ),
  rule(
    "api-security-scope-added",
    "a scope added to a security requirement: tokens without it are refused",
    "request senders",
    "breaking",
    "oauth: [read] → [read, write]",
  ),
  rule(
    "api-security-scope-removed",
    "a scope removed from a security requirement",
    "nobody",
    "non-breaking",
    "oauth: [read, write] → [read]",
  ),
  rule(
    "api-security-component-type-changed",
    "a used security scheme changed its type, HTTP scheme or key location",
    "request senders",
    "breaking",
    "http basic → http bearer",
  ),
  // parameters
  rule(
    "new-required-request-parameter",
    "a required parameter added",
    "request senders",
    "breaking",
    "+ header x-tenant (required)",
  ),
  rule("new-optional-request-parameter", "an optional parameter added", "nobody", "non-breaking", "+ query page"),
  rule(
    "request-parameter-removed",
    "a parameter removed (or renamed: removed plus added)",
    "request senders",
    "breaking",
    "- query account",
  ),
  rule(
    "request-parameter-in-changed",
    "a parameter moved to another location (`in`)",
    "request senders",
    "breaking",
    "query account → header account",
    "project",
  ),
  rule(
    "request-parameter-became-required",
    "a parameter became required",
    "request senders",
    "breaking",
    "required: false → true",
  ),
  rule(
    "request-parameter-became-optional",
    "a parameter became optional",
    "nobody",
    "non-breaking",
    "required: true → false",
  ),
  ...requestValueRules("request-parameter", "a parameter"),
  ...requestLimitRules("request-parameter", "a parameter"),
  // request body
  rule(
    "request-body-became-required",
    "the request body became required",
    "request senders",
    "breaking",
    "requestBody.required: false → true",
  ),
  rule(
    "request-body-became-optional",
    "the request body became optional",
    "nobody",
    "non-breaking",
    "requestBody.required: true → false",
  ),
  rule(
    "request-body-media-type-removed",
    "a request media type removed: senders using it are refused",
    "request senders",
    "breaking",
    "- application/x-www-form-urlencoded",
  ),
  rule("request-body-media-type-added", "a request media type added", "nobody", "info", "+ application/xml"),
  rule(
    "request-body-type-changed",
    "the request body's `type` changed, not only widened",
    "request senders",
    "breaking",
    "type: object → array",
  ),
  rule(
    "request-body-type-generalized",
    "the request body's `type` widened",
    "nobody",
    "non-breaking",
    "type: object → [object, array]",
  ),
  rule(
    "request-body-additional-properties-closed",
    "the request body no longer accepts undeclared properties",
    "request senders",
    "breaking",
    "additionalProperties: true → false",
    "project",
  ),
  rule(
    "request-body-additional-properties-opened",
    "the request body accepts undeclared properties",
    "nobody",
    "non-breaking",
    "additionalProperties: false → true",
    "project",
  ),
  ...alternativeRules("request-body", "the request body"),
  rule(
    "new-required-request-property",
    "a required request property added (to an object the base had)",
    "request senders",
    "breaking",
    "required: [name] → [name, email]",
  ),
  rule(
    "new-optional-request-property",
    "an optional request property added",
    "nobody",
    "non-breaking",
    "+ properties.fax",
  ),
  rule("request-property-removed", "a request property removed", "request senders", "breaking", "- properties.phone"),
  rule(
    "request-property-became-required",
    "a request property became required",
    "request senders",
    "breaking",
    "required: [name] → [name, phone]",
  ),
  rule(
    "request-property-became-optional",
    "a request property became optional",
    "nobody",
    "non-breaking",
    "required: [name, phone] → [name]",
  ),
  rule(
    "request-property-additional-properties-closed",
    "a nested request object no longer accepts undeclared properties",
    "request senders",
    "breaking",
    "additionalProperties: true → false",
    "project",
  ),
  rule(
    "request-property-additional-properties-opened",
    "a nested request object accepts undeclared properties",
    "nobody",
    "non-breaking",
    "additionalProperties: false → true",
    "project",
  ),
  ...requestValueRules("request-property", "a request property"),
  ...requestLimitRules("request-property", "a request property"),
  ...alternativeRules("request-property", "a request property"),
  // responses
  rule(
    "response-success-status-removed",
    "a success status removed (a changed success status is removed plus added)",
    "response readers",
    "breaking",
    "201 → 200",
  ),
  rule("response-success-status-added", "a success status added", "nobody", "non-breaking", "+ 200"),
  rule("response-non-success-status-removed", "an error status removed", "nobody", "non-breaking", "- 409"),
  rule(
    "response-non-success-status-added",
    "an error status added (the generated client reads it as `unknown`)",
    "nobody",
    "non-breaking",
    "+ 409",
  ),
  rule(
    "response-media-type-removed",
    "a response media type removed",
    "response readers",
    "breaking",
    "- application/xml",
  ),
  rule("response-media-type-added", "a response media type added", "nobody", "info", "+ application/xml"),
  rule(
    "response-body-type-changed",
    "a response body's `type` changed, not only narrowed",
    "response readers",
    "breaking",
    "type: object → array",
  ),
  rule(
    "response-body-type-specialized",
    "a response body's `type` narrowed",
    "nobody",
    "non-breaking",
    'type: [object, "null"] → object',
  ),
  ...alternativeRules("response-body", "a response body"),
  rule(
    "response-required-property-removed",
    "a required response property removed",
    "response readers",
    "breaking",
    "- properties.id (required)",
  ),
  rule(
    "response-optional-property-removed",
    "an optional response property removed (oasdiff: warning)",
    "response readers",
    "breaking",
    "- properties.state",
  ),
  rule(
    "response-property-became-optional",
    "a response property became optional: readers may no longer get it",
    "response readers",
    "breaking",
    "required: [id] → []",
  ),
  rule(
    "response-property-became-required",
    "a response property became required",
    "nobody",
    "non-breaking",
    "required: [] → [id]",
  ),
  rule(
    "response-required-property-added",
    "a required response property added",
    "nobody",
    "non-breaking",
    "+ properties.state (required)",
  ),
  rule(
    "response-optional-property-added",
    "an optional response property added",
    "nobody",
    "non-breaking",
    "+ properties.state",
  ),
  rule(
    "response-property-type-changed",
    "a response property's `type` or `format` changed, not only narrowed (a type or `null` added breaks readers)",
    "response readers",
    "breaking",
    "type: integer → string",
  ),
  rule(
    "response-property-type-specialized",
    "a response property's `type` narrowed (a type dropped, number to integer, a format added)",
    "nobody",
    "non-breaking",
    'type: [string, "null"] → string',
  ),
  rule(
    "response-property-enum-value-added",
    "a response property's `enum` widened: readers meet a value they do not know (oasdiff: warning)",
    "response readers",
    "breaking",
    "enum: [new] → [new, merged]",
  ),
  rule(
    "response-property-enum-value-removed",
    "a response property's `enum` narrowed",
    "nobody",
    "non-breaking",
    "enum: [new, merged] → [new]",
  ),
  ...responseLimitRules(),
  ...alternativeRules("response-property", "a response property"),
  // documentation
  rule("description-changed", "a description changed", "nobody", "info", "description: Name. → The name.", "project"),
  // the project's own
  rule(
    "x-errors-code-removed",
    "a vendor error code removed from `x-errors`: code matching on it stops",
    "response readers",
    "breaking",
    "x-errors: [10, 11] → [10]",
    "project",
  ),
  rule(
    "x-errors-code-added",
    "a vendor error code added to `x-errors`",
    "nobody",
    "non-breaking",
    "x-errors: [10] → [10, 11]",
    "project",
  ),
  rule(
    "x-errors-code-status-changed",
    "a vendor error code now comes with another HTTP status",
    "response readers",
    "breaking",
    "code 10: status 400 → 422",
    "project",
  ),
  rule(
    "x-mapping-row-added",
    "a row of the mapping (`toRequest`) added",
    "nobody",
    "info",
    "+ /body/fax ← /phone",
    "project",
  ),
  rule(
    "x-mapping-row-removed",
    "a row of the mapping (`toRequest`) removed or changed (what `toRequest` sends changes)",
    "nobody",
    "info",
    "- /body/fax ← /phone",
    "project",
  ),
  rule(
    "generated-export-removed",
    "a generated package export removed: imports of it fail",
    "both",
    "breaking",
    "- export CreateCustomerHeaders",
    "project",
  ),
  rule(
    "generated-export-added",
    "a generated package export added",
    "nobody",
    "info",
    "+ export CreateCustomerHeaders",
    "project",
  ),
  rule("vendor-removed", "a vendor spec removed: its package goes", "both", "breaking", "- specs/mini.yaml", "project"),
];

const byId = new Map(RULES.map((entry) => [entry.id, entry]));

/** The rule with this id; an unknown id is a bug in the differ, not in a spec. */
export function ruleById(id: string): Rule {
  const found = byId.get(id);
  if (!found) throw new Error(`review: no rule \`${id}\` in generator/review/rules.ts`);
  return found;
}

/** docs/review-rules.md, one line per rule. */
export function rulesMarkdown(): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const row = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const id = (entry: Rule) => `\`${entry.id}\`${entry.origin === "project" ? " (project)" : ""}`;
  const lines = RULES.map((entry) =>
    row([id(entry), cell(entry.changed), entry.breaks, entry.severity, cell(entry.example)]),
  );
  return [
    "# Review rules",
    "",
    "<!-- Generated from generator/review/rules.ts (test/review/rules.test.ts keeps them equal). -->",
    "",
    "Every change `npm run review` reports, one line per rule. Ids are oasdiff's where oasdiff has the check;",
    "`(project)` marks the rest. A `breaking` change fails the review (exit 1) unless the head spec bumps its major",
    "`info.version` or says why in `info.x-breaking-change-acknowledged`. Exit codes: 0 no unacknowledged",
    "breaking change, 1 at least one, 2 a usage error or a spec that does not load.",
    "",
    "| id | what changed | breaks | severity | example (base → head) |",
    "|---|---|---|---|---|",
    ...lines,
    "",
  ].join("\n");
}
