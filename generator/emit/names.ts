import type { ParameterLocation, SpecModel } from "../model/model.js";
import type { Schema } from "../core/schema-walk.js";
import { typeName } from "./type-expression.js";

const GROUPS: { location: ParameterLocation; suffix: string }[] = [
  { location: "path", suffix: "PathParameters" },
  { location: "query", suffix: "QueryParameters" },
  { location: "header", suffix: "Headers" },
  { location: "cookie", suffix: "Cookies" },
];

/** The operation's parameters of one location as one object schema, so they type and validate as a group. */
export function parameterGroups(model: SpecModel): { location: ParameterLocation; suffix: string; schema: Schema }[] {
  const parameters = model.operation?.parameters ?? [];
  return GROUPS.flatMap(({ location, suffix }) => {
    const group = parameters.filter((parameter) => parameter.in === location);
    if (group.length === 0) return [];
    const schema: Schema = {
      type: "object",
      properties: Object.fromEntries(
        group.map((parameter) => [
          parameter.name,
          {
            ...parameter.schema,
            ...(parameter.description ? { description: parameter.description } : {}),
            ...(parameter.deprecated ? { deprecated: true } : {}),
          },
        ]),
      ),
      required: group.filter((parameter) => parameter.required).map((parameter) => parameter.name),
    };
    return [{ location, suffix, schema }];
  });
}

export function isSuccess(status: string): boolean {
  return /^2/.test(status);
}

/** The status a fixture answers with for a documented one: itself, or the range's first (`2XX` → 200). */
export function concreteStatus(status: string): number {
  return /^[1-5]XX$/i.test(status) ? Number(status.charAt(0)) * 100 : Number(status);
}

/** `CreateCustomerResponse200` for a success, `CreateCustomerError400` otherwise. */
export function responseTypeName(model: SpecModel, status: string): string {
  const prefix = typeName(model.operation?.id ?? "");
  const suffix = status === "default" ? "Default" : status.toUpperCase();
  return `${prefix}${isSuccess(status) ? "Response" : "Error"}${suffix}`;
}
