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
  /** The schema keywords whose change the rule reports, if any. */
  keywords?: readonly string[];
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

/** What a schema subject is: the differ compares each with the keywords that apply to it. */
export type Subject = "request-parameter" | "request-body" | "request-property" | "response-body" | "response-property";

/** The kind of value a keyword constrains (`any`: every kind); a body is an object, so it takes object and `any` keywords. */
type Applies = "string" | "number" | "array" | "object" | "any";
const appliesTo = (subject: Subject, on: Applies) =>
  subject.endsWith("-body")
    ? on === "object" || on === "any"
    : subject === "request-parameter"
      ? on !== "object"
      : true;

/** A limit keyword, its oasdiff name, and which way tightens it for a sender. */
export const LIMITS = [
  { keyword: "maxLength", name: "max-length", tighter: "decreased", looser: "increased", on: "string" },
  { keyword: "minLength", name: "min-length", tighter: "increased", looser: "decreased", on: "string" },
  { keyword: "maximum", name: "max", tighter: "decreased", looser: "increased", on: "number" },
  { keyword: "minimum", name: "min", tighter: "increased", looser: "decreased", on: "number" },
  { keyword: "exclusiveMaximum", name: "exclusive-max", tighter: "decreased", looser: "increased", on: "number" },
  { keyword: "exclusiveMinimum", name: "exclusive-min", tighter: "increased", looser: "decreased", on: "number" },
  { keyword: "maxItems", name: "max-items", tighter: "decreased", looser: "increased", on: "array" },
  { keyword: "minItems", name: "min-items", tighter: "increased", looser: "decreased", on: "array" },
  { keyword: "maxContains", name: "max-contains", tighter: "decreased", looser: "increased", on: "array" },
  { keyword: "minContains", name: "min-contains", tighter: "increased", looser: "decreased", on: "array" },
  { keyword: "maxProperties", name: "max-properties", tighter: "decreased", looser: "increased", on: "object" },
  { keyword: "minProperties", name: "min-properties", tighter: "increased", looser: "decreased", on: "object" },
] as const;
export type Limit = (typeof LIMITS)[number];

/** The limits that apply to a subject (a parameter has no object limits, a body only object ones). */
export const limitsFor = (subject: Subject): readonly Limit[] => LIMITS.filter(({ on }) => appliesTo(subject, on));

/**
 * Keywords that constrain a value as a whole, compared value against value:
 * added tightens what a sender may send, removed loosens it. A changed value
 * is tightened or loosened where the two can be ordered (see
 * `ORDERED_CONSTRAINTS`), else changed: it may do either.
 */
export const CONSTRAINTS = [
  { keywords: ["multipleOf"], name: "multiple-of", on: "number", what: "`multipleOf`" },
  { keywords: ["uniqueItems"], name: "unique-items", on: "array", what: "`uniqueItems: true`" },
  { keywords: ["const"], name: "const", on: "any", what: "`const`" },
  { keywords: ["dependentRequired"], name: "dependent-required", on: "object", what: "`dependentRequired`" },
  { keywords: ["if", "then", "else"], name: "if", on: "any", what: "an `if`/`then`/`else` rule" },
  { keywords: ["not"], name: "not", on: "any", what: "a `not` rule" },
  { keywords: ["contains"], name: "contains", on: "array", what: "`contains`" },
  { keywords: ["prefixItems"], name: "prefix-items", on: "array", what: "`prefixItems`" },
  { keywords: ["unevaluatedItems"], name: "unevaluated-items", on: "array", what: "`unevaluatedItems`" },
  { keywords: ["dependentSchemas"], name: "dependent-schema", on: "object", what: "`dependentSchemas`" },
  { keywords: ["patternProperties"], name: "pattern-property", on: "object", what: "`patternProperties`" },
  { keywords: ["propertyNames"], name: "property-names", on: "object", what: "`propertyNames`" },
  {
    keywords: ["unevaluatedProperties"],
    name: "unevaluated-properties",
    on: "object",
    what: "`unevaluatedProperties`",
  },
] as const;
export type Constraint = (typeof CONSTRAINTS)[number];

export const constraintsFor = (subject: Subject): readonly Constraint[] =>
  CONSTRAINTS.filter(({ on }) => appliesTo(subject, on));

/**
 * The constraints whose two values can be ordered, a value that takes less
 * than the other (tightened) or more (loosened): a multiple of the old step
 * (5 → 10) or a divisor (10 → 5); more keys required, or more triggers
 * (`dependentRequired`, `dependentSchemas`); `unevaluated*: false` or not.
 */
export const ORDERED_CONSTRAINTS: ReadonlySet<Constraint["name"]> = new Set([
  "multiple-of",
  "dependent-required",
  "dependent-schema",
  "unevaluated-items",
  "unevaluated-properties",
]);

/** How a constraint changed, for a sender: `tightened` or `loosened` only where the values can be ordered (else `changed`). */
export type ConstraintChange = "added" | "removed" | "changed" | "tightened" | "loosened";
/** The verbs a constraint has rules for. */
export const constraintVerbs = (constraint: Constraint): ConstraintChange[] =>
  ORDERED_CONSTRAINTS.has(constraint.name)
    ? ["added", "removed", "changed", "tightened", "loosened"]
    : constraint.name === "unique-items"
      ? ["added", "removed"]
      : ["added", "removed", "changed"];

/** The oasdiff ids of the generated families that oasdiff has (the rest are the project's, for a complete table). */
const OASDIFF_FAMILY_IDS = new Set<string>([
  "request-body-const-added",
  "request-body-const-changed",
  "request-body-const-removed",
  "request-body-dependent-required-added",
  "request-body-dependent-required-changed",
  "request-body-dependent-required-removed",
  "request-body-dependent-schema-added",
  "request-body-dependent-schema-removed",
  "request-body-if-added",
  "request-body-if-removed",
  "request-body-pattern-property-added",
  "request-body-pattern-property-removed",
  "request-body-property-names-added",
  "request-body-property-names-removed",
  "request-body-unevaluated-properties-added",
  "request-body-unevaluated-properties-removed",
  "request-parameter-default-value-added",
  "request-parameter-default-value-changed",
  "request-parameter-default-value-removed",
  "request-parameter-exclusive-max-decreased",
  "request-parameter-exclusive-max-increased",
  "request-parameter-exclusive-max-set",
  "request-parameter-exclusive-min-decreased",
  "request-parameter-exclusive-min-increased",
  "request-parameter-exclusive-min-set",
  "request-parameter-max-decreased",
  "request-parameter-max-increased",
  "request-parameter-max-items-decreased",
  "request-parameter-max-items-increased",
  "request-parameter-max-length-decreased",
  "request-parameter-max-length-increased",
  "request-parameter-max-length-set",
  "request-parameter-max-set",
  "request-parameter-min-decreased",
  "request-parameter-min-increased",
  "request-parameter-min-items-decreased",
  "request-parameter-min-items-increased",
  "request-parameter-min-items-set",
  "request-parameter-min-length-decreased",
  "request-parameter-min-length-increased",
  "request-parameter-min-set",
  "request-property-const-added",
  "request-property-const-changed",
  "request-property-const-removed",
  "request-property-contains-added",
  "request-property-contains-removed",
  "request-property-default-value-added",
  "request-property-default-value-changed",
  "request-property-default-value-removed",
  "request-property-dependent-required-added",
  "request-property-dependent-required-changed",
  "request-property-dependent-required-removed",
  "request-property-dependent-schema-added",
  "request-property-dependent-schema-removed",
  "request-property-exclusive-max-decreased",
  "request-property-exclusive-max-increased",
  "request-property-exclusive-max-set",
  "request-property-exclusive-min-decreased",
  "request-property-exclusive-min-increased",
  "request-property-exclusive-min-set",
  "request-property-if-added",
  "request-property-if-removed",
  "request-property-max-contains-decreased",
  "request-property-max-contains-increased",
  "request-property-max-decreased",
  "request-property-max-increased",
  "request-property-max-length-decreased",
  "request-property-max-length-increased",
  "request-property-max-length-set",
  "request-property-max-set",
  "request-property-min-contains-decreased",
  "request-property-min-contains-increased",
  "request-property-min-decreased",
  "request-property-min-increased",
  "request-property-min-items-increased",
  "request-property-min-items-set",
  "request-property-min-length-decreased",
  "request-property-min-length-increased",
  "request-property-min-set",
  "request-property-pattern-property-added",
  "request-property-pattern-property-removed",
  "request-property-prefix-items-added",
  "request-property-prefix-items-removed",
  "request-property-property-names-added",
  "request-property-property-names-removed",
  "request-property-unevaluated-items-added",
  "request-property-unevaluated-items-removed",
  "request-property-unevaluated-properties-added",
  "request-property-unevaluated-properties-removed",
  "response-body-const-added",
  "response-body-const-changed",
  "response-body-const-removed",
  "response-body-dependent-required-added",
  "response-body-dependent-required-changed",
  "response-body-dependent-required-removed",
  "response-body-dependent-schema-added",
  "response-body-dependent-schema-removed",
  "response-body-if-added",
  "response-body-if-removed",
  "response-body-pattern-property-added",
  "response-body-pattern-property-removed",
  "response-body-property-names-added",
  "response-body-property-names-removed",
  "response-body-unevaluated-properties-added",
  "response-body-unevaluated-properties-removed",
  "response-property-const-added",
  "response-property-const-changed",
  "response-property-const-removed",
  "response-property-contains-added",
  "response-property-contains-removed",
  "response-property-default-value-added",
  "response-property-default-value-changed",
  "response-property-default-value-removed",
  "response-property-dependent-required-added",
  "response-property-dependent-required-changed",
  "response-property-dependent-required-removed",
  "response-property-dependent-schema-added",
  "response-property-dependent-schema-removed",
  "response-property-exclusive-max-increased",
  "response-property-exclusive-min-decreased",
  "response-property-if-added",
  "response-property-if-removed",
  "response-property-max-contains-increased",
  "response-property-max-increased",
  "response-property-max-length-increased",
  "response-property-max-length-unset",
  "response-property-min-contains-decreased",
  "response-property-min-decreased",
  "response-property-min-items-decreased",
  "response-property-min-items-unset",
  "response-property-min-length-decreased",
  "response-property-pattern-property-added",
  "response-property-pattern-property-removed",
  "response-property-prefix-items-added",
  "response-property-prefix-items-removed",
  "response-property-property-names-added",
  "response-property-property-names-removed",
  "response-property-unevaluated-items-added",
  "response-property-unevaluated-items-removed",
  "response-property-unevaluated-properties-added",
  "response-property-unevaluated-properties-removed",
]);
/** A generated family's origin: oasdiff's where oasdiff has the id. */
const familyOrigin = (id: string): Rule["origin"] => (OASDIFF_FAMILY_IDS.has(id) ? "oasdiff" : "project");

/** The rules, each marked with the schema keywords it reads (a test holds every enforced keyword to one). */
const reading = (keywords: readonly string[], rules: Rule[]): Rule[] => rules.map((entry) => ({ ...entry, keywords }));

const subjectName: Record<Subject, string> = {
  "request-parameter": "a parameter",
  "request-body": "the request body",
  "request-property": "a request property",
  "response-body": "a response body",
  "response-property": "a response property",
};

/** Limits on what a sender sends: tightened or newly set breaks senders, loosened or dropped does not. */
function requestLimitRules(subject: "request-parameter" | "request-body" | "request-property"): Rule[] {
  const what = subjectName[subject];
  return limitsFor(subject).flatMap(({ keyword, name, tighter, looser }) => {
    const id = (verb: string) => `${subject}-${name}-${verb}`;
    return reading(
      [keyword],
      [
        rule(
          id(tighter),
          `${what}'s \`${keyword}\` ${tighter}`,
          "request senders",
          "breaking",
          tighter === "decreased" ? `${keyword}: 10 → 5` : `${keyword}: 1 → 2`,
          familyOrigin(id(tighter)),
        ),
        rule(
          id(looser),
          `${what}'s \`${keyword}\` ${looser} or removed`,
          "nobody",
          "non-breaking",
          tighter === "decreased" ? `${keyword}: 5 → 10` : `${keyword}: 2 → 1`,
          familyOrigin(id(looser)),
        ),
        rule(
          id("set"),
          `${what} gains a \`${keyword}\``,
          "request senders",
          "breaking",
          `no ${keyword} → ${keyword}: 5`,
          familyOrigin(id("set")),
        ),
      ],
    );
  });
}

/**
 * Limits on what a reader reads: loosened or dropped breaks the packages
 * already deployed (their response validators refuse what the vendor now
 * sends) and readers that relied on the bound; tightened does not.
 */
function responseLimitRules(subject: "response-body" | "response-property"): Rule[] {
  const what = subjectName[subject];
  return limitsFor(subject).flatMap(({ keyword, name, looser }) => {
    const loosened = `${subject}-${name}-${looser}`;
    const unset = `${subject}-${name}-unset`;
    return reading(
      [keyword],
      [
        rule(
          loosened,
          `${what}'s \`${keyword}\` ${looser}`,
          "response readers",
          "breaking",
          looser === "increased" ? `${keyword}: 5 → 10` : `${keyword}: 2 → 1`,
          familyOrigin(loosened),
        ),
        rule(
          unset,
          `${what}'s \`${keyword}\` removed`,
          "response readers",
          "breaking",
          `${keyword}: 5 → none`,
          familyOrigin(unset),
        ),
      ],
    );
  });
}

/** An example edit of a constraint, per verb. */
const CONSTRAINT_EXAMPLES: Record<Constraint["name"], Partial<Record<ConstraintChange, string>>> = {
  "multiple-of": {
    added: "multipleOf: 5",
    removed: "multipleOf: 5 → none",
    changed: "multipleOf: 5 → 7",
    tightened: "multipleOf: 5 → 10",
    loosened: "multipleOf: 10 → 5",
  },
  "unique-items": { added: "uniqueItems: false → true", removed: "uniqueItems: true → false" },
  const: { added: "const: EUR", removed: "const: EUR → none", changed: "const: EUR → USD" },
  "dependent-required": {
    added: "dependentRequired: { fax: [phone] }",
    changed: "{ fax: [phone] } → { fax: [email] }",
    tightened: "{ fax: [phone] } → { fax: [phone, email] }",
    loosened: "{ fax: [phone, email] } → { fax: [phone] }",
  },
  if: { added: "if: { kind: company } then: { required: [vat] }", changed: "then: { required: [vat] } → [vat, city]" },
  not: { added: "not: { required: [fax] }" },
  contains: { added: "contains: { const: main }" },
  "prefix-items": { added: "prefixItems: [{ type: string }]" },
  "unevaluated-items": {
    added: "unevaluatedItems: false",
    changed: "unevaluatedItems: { type: string } → { type: integer }",
    tightened: "unevaluatedItems: { type: string } → false",
    loosened: "unevaluatedItems: false → { type: string }",
  },
  "dependent-schema": {
    added: "dependentSchemas: { fax: { required: [phone] } }",
    changed: "{ fax: { required: [phone] } } → { fax: { required: [email] } }",
    tightened: "{ fax: … } → { fax: …, vat: { required: [country] } }",
    loosened: "{ fax: …, vat: { required: [country] } } → { fax: … }",
  },
  "pattern-property": { added: "patternProperties: { ^x-: { type: string } }" },
  "property-names": { added: "propertyNames: { maxLength: 20 }" },
  "unevaluated-properties": {
    added: "unevaluatedProperties: false",
    changed: "unevaluatedProperties: { type: string } → { type: integer }",
    tightened: "unevaluatedProperties: { type: string } → false",
    loosened: "unevaluatedProperties: false → { type: string }",
  },
};

/**
 * Whole-value constraints in both directions, as oasdiff judges limits. For
 * a sender: added or tightened breaks, removed or loosened does not. For a
 * reader the other way round: the deployed package's response validator
 * refuses what a looser schema lets the vendor send, and an added or
 * tightened constraint is safe. A change that is neither (`const: EUR →
 * USD`) breaks both.
 */
function constraintRules(subject: Subject): Rule[] {
  const request = subject.startsWith("request");
  const what = subjectName[subject];
  return constraintsFor(subject).flatMap((constraint) =>
    reading(
      constraint.keywords,
      constraintVerbs(constraint).map((verb) => {
        const id = `${subject}-${constraint.name}-${verb}`;
        // What may be sent after the change: less (added, tightened), more (removed, loosened), or some of each (changed).
        const breaks = verb === "changed" || request === (verb === "added" || verb === "tightened");
        const examples = CONSTRAINT_EXAMPLES[constraint.name];
        const bare = constraint.what.replace(/^an? /, "");
        const example =
          examples[verb] ?? (verb === "removed" ? `${examples.added} → none` : `${examples.added} → another`);
        const changed = {
          added: `gains ${constraint.what}`,
          removed: `loses ${constraint.what}`,
          changed: `'s ${bare} changed (${request ? "it may refuse what it took" : "it may give what it did not"})`,
          tightened: `'s ${bare} tightened (${request ? "it refuses some of what it took" : "it gives only what it gave"})`,
          loosened: `'s ${bare} loosened (${request ? "it takes all it took" : "it may give what it did not"})`,
        }[verb];
        return rule(
          id,
          `${what}${changed.startsWith("'") ? "" : " "}${changed}`,
          request ? "request senders" : "response readers",
          breaks ? "breaking" : "non-breaking",
          example,
          familyOrigin(id),
        );
      }),
    ),
  );
}

/**
 * `default`: the value the vendor assumes for what a sender leaves out. A
 * request default changed makes the same request mean another thing
 * (breaking, as oasdiff has it for parameters; for properties oasdiff says
 * info, the project says breaking for the same reason); added or removed it
 * is breaking for parameters (oasdiff) and info for properties. A response
 * default is documentation for a reader.
 */
function defaultRules(subject: "request-parameter" | "request-property" | "response-property"): Rule[] {
  const what = subjectName[subject];
  const request = subject.startsWith("request");
  const severity = (verb: string): Severity =>
    !request ? "info" : subject === "request-parameter" || verb === "changed" ? "breaking" : "info";
  return reading(
    ["default"],
    (["added", "changed", "removed"] as const).map((verb) => {
      const id = `${subject}-default-value-${verb}`;
      const example = {
        added: "no default → default: EUR",
        changed: "default: EUR → USD",
        removed: "default: EUR → none",
      }[verb];
      const why =
        request && severity(verb) === "breaking"
          ? `: a request that leaves it out now means another thing${subject === "request-property" ? " (oasdiff: info)" : ""}`
          : "";
      return rule(
        id,
        `${what}'s \`default\` ${verb}${why}`,
        "request senders",
        severity(verb),
        example,
        familyOrigin(id),
      );
    }),
  );
}

/** Enum, pattern and type rules shared by parameters and request properties. */
function requestValueRules(subject: "request-parameter" | "request-property", what: string): Rule[] {
  const [types, enums, patterns] = [["type", "format"], ["enum"], ["pattern"]];
  return [
    ...reading(types, [
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
    ]),
    ...reading(enums, [
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
    ]),
    ...reading(patterns, [
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
    ]),
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
    return reading(
      [keyword],
      [
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
      ],
    );
  });
}

/**
 * An object closed to undeclared properties, or opened. A request closed
 * breaks senders that send them; a response opened breaks the packages
 * already deployed, whose closed response validators refuse what the
 * vendor may now add.
 */
function additionalPropertiesRules(subject: Subject, what: string): Rule[] {
  const request = subject.startsWith("request");
  return reading(
    ["additionalProperties"],
    [
      rule(
        `${subject}-additional-properties-closed`,
        `${what} no longer ${request ? "accepts" : "has"} undeclared properties`,
        "request senders",
        request ? "breaking" : "non-breaking",
        "additionalProperties: true → false",
        "project",
      ),
      rule(
        `${subject}-additional-properties-opened`,
        request
          ? `${what} accepts undeclared properties`
          : `${what} may have undeclared properties: the deployed response validators refuse them`,
        "response readers",
        request ? "non-breaking" : "breaking",
        "additionalProperties: false → true",
        "project",
      ),
    ],
  );
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
  // servers: the generated client calls the first server (its variables at their defaults) unless configured otherwise
  rule(
    "api-default-server-changed",
    "the first server's URL (or a variable's default) changed: the generated client's default base URL moves (oasdiff has no server checks)",
    "both",
    "breaking",
    "servers: [a, b] → [c, b]",
    "project",
  ),
  rule(
    "api-server-removed",
    "a server other than the first removed: the generated client never calls it",
    "nobody",
    "info",
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
  ...requestLimitRules("request-parameter"),
  ...constraintRules("request-parameter"),
  ...defaultRules("request-parameter"),
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
    "request-body-media-type-name-changed",
    "a request media type's parameters changed (`charset`): the same media type",
    "nobody",
    "info",
    "application/json → application/json; charset=utf-8",
    "project",
  ),
  ...reading(
    ["type"],
    [
      rule(
        "request-body-type-changed",
        "the request body's `type` changed, not only widened",
        "request senders",
        "breaking",
        "type: object → array",
      ),
    ],
  ),
  ...reading(
    ["type"],
    [
      rule(
        "request-body-type-generalized",
        "the request body's `type` widened",
        "nobody",
        "non-breaking",
        "type: object → [object, array]",
      ),
    ],
  ),
  ...additionalPropertiesRules("request-body", "the request body"),
  ...alternativeRules("request-body", "the request body"),
  ...requestLimitRules("request-body"),
  ...constraintRules("request-body"),
  ...reading(
    ["required"],
    [
      rule(
        "new-required-request-property",
        "a required request property added (to an object the base had)",
        "request senders",
        "breaking",
        "required: [name] → [name, email]",
      ),
    ],
  ),
  rule(
    "new-optional-request-property",
    "an optional request property added",
    "nobody",
    "non-breaking",
    "+ properties.fax",
  ),
  rule("request-property-removed", "a request property removed", "request senders", "breaking", "- properties.phone"),
  ...reading(
    ["required"],
    [
      rule(
        "request-property-became-required",
        "a request property became required",
        "request senders",
        "breaking",
        "required: [name] → [name, phone]",
      ),
    ],
  ),
  ...reading(
    ["required"],
    [
      rule(
        "request-property-became-optional",
        "a request property became optional",
        "nobody",
        "non-breaking",
        "required: [name, phone] → [name]",
      ),
    ],
  ),
  ...additionalPropertiesRules("request-property", "a nested request object"),
  ...requestValueRules("request-property", "a request property"),
  ...requestLimitRules("request-property"),
  ...constraintRules("request-property"),
  ...defaultRules("request-property"),
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
    "response-media-type-name-changed",
    "a response media type renamed within JSON (a `+json` suffix, `charset`): the client parses both as JSON",
    "nobody",
    "info",
    "application/json → application/problem+json",
  ),
  // response headers
  rule("response-header-added", "a response header added", "nobody", "info", "+ header X-Request-Id"),
  rule(
    "required-response-header-removed",
    "a required response header removed",
    "response readers",
    "breaking",
    "- header Location (required)",
  ),
  rule(
    "optional-response-header-removed",
    "an optional response header removed (oasdiff: warning)",
    "response readers",
    "breaking",
    "- header X-Request-Id",
  ),
  rule(
    "response-header-became-optional",
    "a response header became optional: readers may no longer get it",
    "response readers",
    "breaking",
    "required: true → false",
  ),
  rule(
    "response-header-became-required",
    "a response header became required",
    "nobody",
    "non-breaking",
    "required: false → true",
    "project",
  ),
  ...reading(
    ["type"],
    [
      rule(
        "response-body-type-changed",
        "a response body's `type` changed, not only narrowed",
        "response readers",
        "breaking",
        "type: object → array",
      ),
    ],
  ),
  ...reading(
    ["type"],
    [
      rule(
        "response-body-type-specialized",
        "a response body's `type` narrowed",
        "nobody",
        "non-breaking",
        'type: [object, "null"] → object',
      ),
    ],
  ),
  ...alternativeRules("response-body", "a response body"),
  ...additionalPropertiesRules("response-body", "a response body"),
  ...responseLimitRules("response-body"),
  ...constraintRules("response-body"),
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
  ...reading(
    ["required"],
    [
      rule(
        "response-property-became-optional",
        "a response property became optional: readers may no longer get it",
        "response readers",
        "breaking",
        "required: [id] → []",
      ),
    ],
  ),
  ...reading(
    ["required"],
    [
      rule(
        "response-property-became-required",
        "a response property became required",
        "nobody",
        "non-breaking",
        "required: [] → [id]",
      ),
    ],
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
  ...reading(
    ["additionalProperties"],
    [
      rule(
        "response-property-added-to-closed-model",
        "a property added to a response object with `additionalProperties: false`: the deployed packages' response validators refuse the vendor's new answer (open the model or bump the major; oasdiff: info)",
        "response readers",
        "breaking",
        "additionalProperties: false, + properties.state",
        "project",
      ),
    ],
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
  ...reading(
    ["pattern"],
    [
      rule(
        "response-property-pattern-added",
        "a response property gains a `pattern`",
        "nobody",
        "non-breaking",
        "no pattern → pattern: ^[0-9]+$",
      ),
      rule(
        "response-property-pattern-removed",
        "a response property's `pattern` removed: the deployed response validators refuse what it now lets through",
        "response readers",
        "breaking",
        "pattern: ^[0-9]+$ → none",
      ),
      rule(
        "response-property-pattern-changed",
        "a response property's `pattern` changed (it may let through what it refused)",
        "response readers",
        "breaking",
        "pattern: ^[0-9]+$ → ^[0-9A-Z]+$",
      ),
    ],
  ),
  ...additionalPropertiesRules("response-property", "a nested response object"),
  ...responseLimitRules("response-property"),
  ...constraintRules("response-property"),
  ...defaultRules("response-property"),
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
    "a row of the mapping (`toRequest`) that fed an optional vendor field removed or changed (what `toRequest` sends changes)",
    "nobody",
    "info",
    "- /body/fax ← /phone",
    "project",
  ),
  rule(
    "x-mapping-required-row-removed",
    "a row of the mapping that fed a required vendor field removed, or now reads other canonical fields: `toRequest` fails (or sends another value) for customers it mapped",
    "request senders",
    "breaking",
    "- /body/Name ← /company/name (the vendor requires Name)",
    "project",
  ),
  rule(
    "x-mapping-result-row-added",
    "a row of the result mapping (`fromResponse`) added",
    "nobody",
    "info",
    "+ /number ← /Number",
    "project",
  ),
  rule(
    "x-mapping-result-row-removed",
    "a row of the result mapping (`fromResponse`) removed: a documented result field is no longer filled",
    "response readers",
    "breaking",
    "- /number ← /Number",
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

/**
 * Keywords the validators enforce that no rule names on its own: the
 * differ follows them to what they hold (a test holds every enforced keyword
 * to a rule's \`keywords\` or to this list).
 */
export const FOLLOWED_KEYWORDS: Readonly<Record<string, string>> = {
  $ref: "followed to its target; a change there is reported where it is",
  allOf: "its parts are read as one schema",
  properties: "each property is compared as a field: added, removed, and by its own keywords",
  items: "the item schema is compared as the field `/*`",
  $dynamicRef: "refused at load",
};

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
    "Whom a change breaks is judged for the generated package: its request validators refuse what a tightened",
    "request schema refuses, and its response validators (`validateResponse`, which the client runs) refuse what a",
    "loosened response schema lets the vendor send, so a loosened response breaks the packages already deployed. A",
    "response header's schema is judged by the response-property rules; the canonical customer's `Customer` by the",
    "request rules (each finding names the vendor mappings that read the field) and its result by the response rules.",
    "",
    "| id | what changed | breaks | severity | example (base → head) |",
    "|---|---|---|---|---|",
    ...lines,
    "",
    "Every keyword the validators enforce has rules above (a test holds the table to the keywords the loader",
    "accepts and the guards compile); these are followed to what they hold instead:",
    "",
    ...Object.entries(FOLLOWED_KEYWORDS).map(([keyword, how]) => `- \`${keyword}\`: ${how}`),
    "",
  ].join("\n");
}
