import type { ErrorObject } from "ajv";
import type { SourceDocument } from "../core/source.js";
import { SpecError } from "../core/spec-error.js";
import type { BodyModel, SpecModel } from "./model.js";
import { escapePointerPart } from "../core/pointer.js";
import { isSchemaObject, walkSchema, type Schema } from "../core/schema-walk.js";
import { compileSchema, ruleOf } from "./validation-schema.js";
import { schemaViews } from "./schema-view.js";

/** How deep branches of branches are followed (a branch may refer back to the schema it is in). */
const MAX_BRANCH_DEPTH = 8;

const key = (rule: { path: string; keyword: string }) => `${rule.path} ${rule.keyword}`;

/** Where the rule an error names is written (`file:line:column`), found through the schema view; undefined when not known. */
function ruleWritten(source: SourceDocument, model: SpecModel, root: Schema, error: ErrorObject): string | undefined {
  const views = schemaViews(model);
  const holders = schemasAt(model, root, error.instancePath.replace(/\/\d+(?=\/|$)/g, "/*"), false);
  const pointer = holders
    .filter((schema) => error.keyword in schema)
    .map((schema) => views.keywordAt(schema, error.keyword))
    .find((found) => found !== undefined);
  return pointer === undefined ? undefined : formatted(source, pointer);
}

/** `file:line:column` of a pointer. */
function formatted(source: SourceDocument, pointer: string): string {
  const { file, line, column } = source.locate(pointer);
  return `${file}:${line}:${column}`;
}

/** Every example must get the verdict it is documented with, and break exactly the rules it lists. */
function checkExamples(source: SourceDocument, body: BodyModel, model: SpecModel): void {
  if (body.examples.length === 0) return;
  const validate = compileSchema(model.schemas, body.schema);
  for (const example of body.examples) {
    const valid = validate(example.value);
    const errors = valid ? [] : (validate.errors ?? []);
    const found = [...new Set(errors.map((error: ErrorObject) => key(ruleOf(error))))].sort();
    const expected = [...new Set(example.expectErrors.map(key))].sort();
    // Each broken rule with the line it is written on (a nested property's own, not the body's); worked out only for a
    // message, since a line costs the positioned parse of the whole file.
    const breaks = () => {
      const written = new Map(
        errors.map((error) => [key(ruleOf(error)), ruleWritten(source, model, body.schema, error)]),
      );
      const named = found.map((rule) => (written.get(rule) ? `${rule} (${written.get(rule)})` : rule));
      return `example \`${example.name}\` breaks its own schema: ${named.join(", ")}`;
    };
    // Without a verdict an example is the vendor's claim that it is valid: when it is not, the vendor's document is wrong, not ours.
    if (example.expect === undefined && !valid)
      model.warnings.push(warning(source, `${example.pointer}/value`, breaks()));
    if (example.expect === "valid" && !valid) throw new SpecError(source.locate(`${example.pointer}/value`), breaks());
    if (example.expect === "invalid" && found.join("|") !== expected.join("|"))
      throw new SpecError(
        source.locate(`${example.pointer}/x-expect-errors`),
        `example \`${example.name}\` breaks ${found.join(", ") || "no rule"}; x-expect-errors lists ${expected.join(", ")}`,
      );
  }
}

/**
 * The subschemas of `schema` that describe the same value, in the order `subschemas` gives them: `then`, `else`,
 * `allOf`, `anyOf`, `oneOf` and `dependentSchemas` (`conditional`), or `allOf` alone. Read directly rather than
 * picked out of every subschema: a schema's properties are no such subschema, and a body has hundreds.
 */
function sameValueSchemas(schema: Schema, conditional: boolean): Schema[] {
  const found: Schema[] = [];
  const take = (value: unknown) => {
    if (isSchemaObject(value)) found.push(value);
  };
  if (conditional) [schema.then, schema.else].forEach(take);
  for (const keyword of conditional ? ["allOf", "anyOf", "oneOf"] : ["allOf"]) {
    const list = schema[keyword];
    if (Array.isArray(list)) list.forEach(take);
  }
  if (conditional && isSchemaObject(schema.dependentSchemas)) Object.values(schema.dependentSchemas).forEach(take);
  return found;
}

/**
 * Finds the schemas that describe the value at `path` (a JSON pointer with `*` for array items): properties,
 * items, and a free-form map's values (`additionalProperties` as a schema) for a key the schema does not name.
 * With `conditional: false`, only what always applies (`$ref`, `allOf`), not `then`, `anyOf` and the like.
 */
export function schemasAt(model: SpecModel, root: Schema, path: string, conditional = true): Schema[] {
  const views = schemaViews(model);
  // The view (refs resolved, `allOf` merged where exact), then what it keeps beside: `allOf` parts that did not merge and,
  // with `conditional`, the branches.
  const resolve = (schema: Schema, depth = 0): Schema[] => {
    const view = views.view(schema).schema;
    const expanded = [view];
    if (depth < MAX_BRANCH_DEPTH)
      for (const child of sameValueSchemas(view, conditional)) expanded.push(...resolve(child, depth + 1));
    return expanded;
  };
  let current = resolve(root);
  for (const segment of path.split("/").slice(1)) {
    const next: Schema[] = [];
    for (const schema of current) {
      const properties = schema.properties;
      if (segment === "*" && isSchemaObject(schema.items)) next.push(...resolve(schema.items));
      else if (segment !== "*" && isSchemaObject(properties) && isSchemaObject(properties[segment]))
        next.push(...resolve(properties[segment]));
      // A key the schema does not name is one of its free-form map's (`metadata/plan`); `*` stands for a numeric key.
      else if (isSchemaObject(schema.additionalProperties)) next.push(...resolve(schema.additionalProperties));
    }
    current = next;
  }
  return current;
}

/** `x-errors` rules must point at something the request really has. */
function checkErrorRules(source: SourceDocument, model: SpecModel): void {
  const operation = model.operation;
  if (!operation) return;
  const pointer = `${operation.pointer}/x-errors`;
  operation.errors.forEach((error, index) =>
    error.rules.forEach((rule, ruleIndex) => {
      const at = `${pointer}/${index}/rules/${ruleIndex}/path`;
      if (rule.in === "body") {
        if (!operation.requestBody)
          throw new SpecError(source.locate(at), "this rule is in the body, but the operation has no request body");
        if (schemasAt(model, operation.requestBody.schema, rule.path).length === 0)
          throw new SpecError(source.locate(at), `\`${rule.path}\` is not a field of the request body`);
      } else if (
        !operation.parameters.some((parameter) => parameter.in === rule.in && `/${parameter.name}` === rule.path)
      )
        throw new SpecError(source.locate(at), `there is no ${rule.in} parameter \`${rule.path.slice(1)}\``);
    }),
  );
}

/** A positioned one-line warning, as `model.warnings` holds them. */
export const warning = (source: SourceDocument, pointer: string, problem: string) =>
  `${new SpecError(source.locate(pointer), problem).message} (warning)`;

/** A schema's own `examples` (OpenAPI 3.0's `example`, upgraded) are the vendor's claim of valid values; one that is not is a warning. */
function checkSchemaExamples(source: SourceDocument, model: SpecModel): void {
  for (const { name, schema } of model.schemas)
    walkSchema(schema, `/components/schemas/${escapePointerPart(name)}`, (node, pointer) => {
      if (!Array.isArray(node.examples) || node.examples.length === 0) return;
      const validate = compileSchema(model.schemas, node);
      node.examples.forEach((example, index) => {
        if (validate(example)) return;
        const found = [
          ...new Set((validate.errors ?? []).map((error: ErrorObject) => key(ruleOf(error)).replace(/^ /, "/ "))),
        ].sort();
        model.warnings.push(
          warning(
            source,
            `${pointer}/examples/${index}`,
            `the vendor's example breaks its own schema: ${found.join(", ")}`,
          ),
        );
      });
    });
}

/** The first of `minLength`/`maxLength` a string breaks (keyword and limit), counted in code points as the validators count. */
function lengthBroken(node: Schema, value: string): [string, number] | undefined {
  const length = [...value].length;
  if (typeof node.maxLength === "number" && length > node.maxLength) return ["maxLength", node.maxLength];
  if (typeof node.minLength === "number" && length < node.minLength) return ["minLength", node.minLength];
  return undefined;
}

/**
 * An `enum` whose every value breaks the length limits that apply with it (beside it, on its `$ref`, in an `allOf`
 * part: as the schema view reads it) admits no value: a defect of the vendor's document, a warning at the enum.
 */
function checkUnsatisfiableEnums(source: SourceDocument, model: SpecModel): void {
  const views = schemaViews(model);
  const reported = new Set<string>();
  for (const { name, schema } of model.schemas)
    walkSchema(schema, `/components/schemas/${escapePointerPart(name)}`, (node, pointer) => {
      const merged = views.view(node).schema;
      if (!Array.isArray(merged.enum) || merged.enum.length === 0) return;
      const broken = merged.enum.map((value) => (typeof value === "string" ? lengthBroken(merged, value) : undefined));
      if (broken.some((rule) => rule === undefined)) return;
      const at = views.keywordAt(node, "enum") ?? `${pointer}/enum`;
      // A component's enum reached through several references is one defect.
      if (reported.has(at)) return;
      reported.add(at);
      const [limit, value] = broken[0] as [string, number];
      const written = views.keywordAt(node, limit);
      const beside = written === `${at.slice(0, at.lastIndexOf("/"))}/${limit}` || written === undefined;
      const where = beside ? "beside it" : `at ${formatted(source, written)}`;
      model.warnings.push(
        warning(
          source,
          at,
          `no value of \`enum\` satisfies the ${limit} ${value} ${where} (${JSON.stringify(merged.enum[0])} has ${[...String(merged.enum[0])].length} characters): the validators refuse every value here`,
        ),
      );
    });
}

/** Checks that need the whole model: examples against their schemas, error rules against the request. */
export function checkModel(source: SourceDocument, model: SpecModel): void {
  const bodies = [model.operation?.requestBody, ...(model.operation?.responses.map((response) => response.body) ?? [])];
  for (const body of bodies) if (body) checkExamples(source, body, model);
  checkSchemaExamples(source, model);
  checkUnsatisfiableEnums(source, model);
  checkErrorRules(source, model);
}
