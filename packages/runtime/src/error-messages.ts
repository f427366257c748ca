/**
 * ajv's error messages, made from an error's keyword and params. The
 * compiled validators are generated with `messages: false`: each error site
 * then holds no sentence of its own, which made ajv's code a fifth larger
 * (test/generator/error-messages.test.ts holds these to ajv's own, keyword by keyword).
 */

type Params = Record<string, unknown>;

const LIMITS: Record<string, string> = {
  maxLength: "more than {} characters",
  minLength: "fewer than {} characters",
  maxItems: "more than {} items",
  minItems: "fewer than {} items",
  maxProperties: "more than {} properties",
  minProperties: "fewer than {} properties",
  items: "more than {} items",
  unevaluatedItems: "more than {} items",
};

const FIXED: Record<string, string> = {
  additionalProperties: "must NOT have additional properties",
  unevaluatedProperties: "must NOT have unevaluated properties",
  enum: "must be equal to one of the allowed values",
  const: "must be equal to constant",
  anyOf: "must match a schema in anyOf",
  oneOf: "must match exactly one schema in oneOf",
  not: "must NOT be valid",
  propertyNames: "property name must be valid",
  "false schema": "boolean schema is false",
};

function dependencyMessage({ property, depsCount, deps }: Params): string {
  return `must have ${depsCount === 1 ? "property" : "properties"} ${deps} when property ${property} is present`;
}

/** The sentence ajv writes for an error (`must NOT have more than 50 characters`), from its keyword and params. */
export function errorMessage(keyword: string, params: Params): string {
  const fixed = FIXED[keyword];
  if (fixed !== undefined) return fixed;
  const limit = LIMITS[keyword];
  if (limit !== undefined) return `must NOT have ${limit.replace("{}", String(params.limit))}`;
  switch (keyword) {
    case "required":
      return `must have required property '${params.missingProperty}'`;
    case "type":
      return `must be ${params.type}`;
    case "maximum":
    case "minimum":
    case "exclusiveMaximum":
    case "exclusiveMinimum":
      return `must be ${params.comparison} ${params.limit}`;
    case "multipleOf":
      return `must be multiple of ${params.multipleOf}`;
    case "pattern":
      return `must match pattern "${params.pattern}"`;
    case "format":
      return `must match format "${params.format}"`;
    case "uniqueItems":
      return `must NOT have duplicate items (items ## ${params.j} and ${params.i} are identical)`;
    case "contains":
      return params.maxContains === undefined
        ? `must contain at least ${params.minContains} valid item(s)`
        : `must contain at least ${params.minContains} and no more than ${params.maxContains} valid item(s)`;
    case "dependentRequired":
      return dependencyMessage(params);
    case "if":
      return `must match "${params.failingKeyword}" schema`;
    default:
      return `must pass "${keyword}" keyword validation`;
  }
}
