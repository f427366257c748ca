import type { SpecModel } from "../model/model.js";
import type { Schema } from "../core/schema-walk.js";
import { parameterGroups, responseTypeName } from "./names.js";
import { typeName } from "./type-expression.js";

/** Something the package validates: a body, a parameter group, a response, or a canonical schema. */
export interface ValidationTarget {
  /** Name of the compiled function in the standalone module. */
  id: string;
  /** Name of the TypeScript type the guard narrows to. */
  type: string;
  schema: Schema;
  /** Where vendor error rules for it are looked up (`x-errors` `in`). */
  location: "body" | "path" | "query" | "header" | "cookie" | undefined;
  status: string | undefined;
  summary: string;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

export function validationTargets(model: SpecModel): ValidationTarget[] {
  const operation = model.operation;
  if (!operation)
    return model.schemas.map(({ name, schema }) => ({
      id: lowerFirst(typeName(name)),
      type: typeName(name),
      schema: { $ref: `#/components/schemas/${name}` },
      location: undefined,
      status: undefined,
      summary: `a ${name} (${typeof schema.description === "string" ? schema.description.split(". ")[0]?.replace(/\.$/, "") : name})`,
    }));
  const prefix = typeName(operation.id);
  const targets: ValidationTarget[] = [];
  if (operation.requestBody)
    targets.push({
      id: "requestBody",
      type: `${prefix}RequestBody`,
      schema: operation.requestBody.schema,
      location: "body",
      status: undefined,
      summary: "the request body",
    });
  for (const group of parameterGroups(model))
    targets.push({
      id: lowerFirst(group.suffix),
      type: `${prefix}${group.suffix}`,
      schema: group.schema,
      location: group.location,
      status: undefined,
      summary: `the ${group.location} parameters`,
    });
  if (model.context)
    targets.push({
      id: "context",
      type: `${prefix}Context`,
      schema: model.context,
      location: undefined,
      status: undefined,
      summary: "the context (inputs that are not customer data)",
    });
  for (const response of operation.responses)
    if (response.body) {
      const type = responseTypeName(model, response.status);
      targets.push({
        id: lowerFirst(type.slice(prefix.length)),
        type,
        schema: response.body.schema,
        location: undefined,
        status: response.status,
        summary: `a ${response.status} response body`,
      });
    }
  return targets;
}
