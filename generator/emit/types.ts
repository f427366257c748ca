import type { SpecModel } from "../model/model.js";
import { isSchemaObject, walkSchema, type Schema } from "../core/schema-walk.js";
import { typeName, TypeWriter, type Direction } from "./type-expression.js";
import { parameterGroups, responseTypeName } from "./names.js";
import { indentBlocks, jsDoc, printStatements } from "./source-file.js";
import type { OutputKind } from "./output-kind.js";
import { componentName, schemaNamed } from "../model/lookup.js";

/** Named schemas reachable from `roots`, following `$ref`s. */
function reachable(model: SpecModel, roots: Schema[]): Set<string> {
  const found = new Set<string>();
  const visit = (schema: Schema) =>
    walkSchema(schema, "", (node) => {
      const name = componentName(node);
      if (name === undefined || found.has(name)) return;
      found.add(name);
      const target = schemaNamed(model, name);
      if (target) visit(target);
    });
  roots.forEach(visit);
  return found;
}

function directionsOf(model: SpecModel): Record<Direction, Set<string>> {
  const operation = model.operation;
  if (!operation) return { write: new Set(model.schemas.map(({ name }) => name)), read: new Set() };
  const write = reachable(model, [
    ...(operation.requestBody ? [operation.requestBody.schema] : []),
    ...operation.parameters.map((parameter) => parameter.schema),
    ...(model.context ? [model.context] : []),
  ]);
  const read = reachable(
    model,
    operation.responses.flatMap((response) => (response.body ? [response.body.schema] : [])),
  );
  // A component no operation uses still gets its (request-side) type.
  for (const { name } of model.schemas) if (!write.has(name) && !read.has(name)) write.add(name);
  return { write, read };
}

function declaration(
  name: string,
  schema: Schema,
  writer: TypeWriter,
  direction: Direction,
  extraDoc: string[] = [],
): string {
  const doc = writer.doc(schema, extraDoc);
  const head = doc ? `${jsDoc(doc)}\n` : "";
  // An object that names no component and keeps nothing unmerged: an interface of its own.
  const own = writer.own(schema);
  const isPlainObject =
    isSchemaObject(own.properties) &&
    own.type === "object" &&
    !own.oneOf &&
    !own.anyOf &&
    writer.named(schema).length === 0 &&
    !(Array.isArray(own.allOf) && own.allOf.some((part) => isSchemaObject(part) && part.properties));
  if (isPlainObject)
    return `${head}${indentBlocks(`export interface ${name} {\n${writer.members(schema, direction).join("\n")}\n}`)}`;
  return `${head}${indentBlocks(`export type ${name} = ${writer.expression(schema, direction)};`)}`;
}

/** Cross-field rules read best next to the type they constrain. */
function ruleNotes(schema: Schema): string[] {
  const rules = Array.isArray(schema.allOf) ? (schema.allOf as Schema[]) : [];
  const notes = rules
    .filter((rule) => typeof rule.description === "string" && rule.if !== undefined)
    .map((rule) => `- ${String(rule.description)}`);
  if (isSchemaObject(schema.dependentRequired))
    for (const [field, needs] of Object.entries(schema.dependentRequired).sort(([a], [b]) => (a < b ? -1 : 1)))
      notes.push(`- \`${field}\` requires ${(needs as string[]).map((need) => `\`${need}\``).join(", ")}.`);
  // A top-level `if` is described by the schema's own description, which already opens the type's doc comment.
  return notes.length > 0 ? ["", "Rules:", ...notes] : [];
}

function operationStatements(model: SpecModel, writer: TypeWriter): string[] {
  const operation = model.operation;
  if (!operation) return [];
  const prefix = typeName(operation.id);
  const statements: string[] = [];
  const deprecated = operation.deprecated
    ? [`@deprecated The vendor marks ${operation.method} ${operation.path} as obsolete.`]
    : [];
  statements.push(
    operation.requestBody
      ? declaration(`${prefix}RequestBody`, operation.requestBody.schema, writer, "write", [
          `The ${operation.method} ${operation.path} request body (${operation.requestBody.contentTypes.join(", ")}).`,
          ...deprecated,
        ])
      : `${jsDoc(`${operation.method} ${operation.path} takes no request body: no value is one.`)}\nexport type ${prefix}RequestBody = never;`,
  );
  for (const group of parameterGroups(model))
    statements.push(
      declaration(`${prefix}${group.suffix}`, group.schema, writer, "write", [
        `The ${group.location} parameters of ${operation.method} ${operation.path}.`,
      ]),
    );
  for (const response of operation.responses)
    if (response.body)
      statements.push(
        declaration(responseTypeName(model, response.status), response.body.schema, writer, "read", [
          `Response ${response.status}: ${response.description}`,
        ]),
      );
  if (model.context)
    statements.push(
      declaration(`${prefix}Context`, model.context, writer, "write", [
        "Inputs that are not customer data: credentials, account and channel ids, headers.",
      ]),
    );
  return statements;
}

/** `types.ts`: one exported type per component schema and direction, plus the operation's named types. */
export function emitTypes(model: SpecModel): string {
  const directions = directionsOf(model);
  const bothWays = new Set([...directions.write].filter((name) => directions.read.has(name)));
  const writer = new TypeWriter(model.schemas, bothWays);
  const statements: string[] = [];
  for (const { name, schema } of model.schemas) {
    const split = bothWays.has(name) && writer.differsByDirection({ $ref: `#/components/schemas/${name}` });
    for (const direction of ["write", "read"] as const) {
      if (!directions[direction].has(name)) continue;
      if (direction === "read" && !split && directions.write.has(name)) continue;
      statements.push(declaration(writer.nameFor(name, direction), schema, writer, direction, ruleNotes(schema)));
    }
  }
  statements.push(...operationStatements(model, writer));
  return printStatements(statements);
}

/** TypeScript types for every schema and direction, and the operation's named types. */
export const typesOutput: OutputKind = {
  name: "types",
  summary:
    "A type per component schema and per operation part (request body, parameters, context, each response); `X` is what you send and `XRead` what comes back where `readOnly`/`writeOnly` make them differ.",
  optional: false,
  appliesTo: () => true,
  files: ({ model }) => [{ path: "src/types.ts", content: emitTypes(model), verbatim: true }],
  main: () => [{ source: "./types.js", typesOnly: true }],
};
