import type { RequestValidators } from "@customer-adapters/runtime/mapping";
import { runValidator, type CompiledValidator } from "@customer-adapters/runtime/validation";
import type { Schema } from "../core/schema-walk.js";
import type { SpecModel } from "../model/model.js";
import { compileSchema } from "../model/validation-schema.js";
import { parameterGroups } from "./names.js";

/**
 * The validators `buildRequest` takes, compiled with ajv at generate time from
 * the same schemas the package's own are: the fixtures' mapped samples and
 * `customer-adapters check` run a vendor's mapping with them in-process.
 */
export function requestValidators(model: SpecModel, canonical: SpecModel): RequestValidators {
  const operation = model.operation;
  const compile = (owner: SpecModel, schema: Schema) => compileSchema(owner.schemas, schema);
  const checker = (owner: SpecModel, schema: Schema) => {
    const validate = compile(owner, schema);
    return (value: unknown) => runValidator(validate as CompiledValidator, value);
  };
  return {
    customer: checker(canonical, { $ref: "#/components/schemas/Customer" }),
    context: model.context ? checker(model, model.context) : undefined,
    body: operation?.requestBody ? (compile(model, operation.requestBody.schema) as CompiledValidator) : undefined,
    parameters: Object.fromEntries(
      parameterGroups(model)
        .filter((group) => group.location !== "cookie")
        .map((group) => [group.location, compile(model, group.schema) as CompiledValidator]),
    ),
  };
}
