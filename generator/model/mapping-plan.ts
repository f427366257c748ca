import { isSchemaObject, walkSchema, type Schema } from "../core/schema-walk.js";
import { canonicalFieldsOf, fieldSources } from "./mapping-table.js";
import type { FieldMappingModel, SpecModel } from "./model.js";
import { planTransforms } from "./plan-transforms.js";
import { schemaViews } from "./schema-view.js";

/**
 * The mapping plan: a vendor's `x-mapping` and operation as the runtime reads
 * them (`MappingPlan` in `@customer-adapters/runtime/mapping`), data only
 * but for the transforms it names, no positions. The mapper, the mock and the
 * fixtures are all emitted from it.
 */

/** A declaration as the runtime reads it: only what it acts on, no positions. */
function planOf(declaration: FieldMappingModel): Record<string, unknown> {
  const plan: Record<string, unknown> = { to: declaration.to };
  if (declaration.from !== undefined) plan.from = declaration.from;
  if (declaration.context !== undefined) plan.context = declaration.context;
  if (declaration.hasValue) plan.value = declaration.value;
  if (declaration.transform !== undefined && declaration.transform !== "copy") plan.transform = declaration.transform;
  for (const key of ["separator", "index", "where", "pick", "table", "when"] as const)
    if (declaration[key] !== undefined) plan[key] = declaration[key];
  if (declaration.hasDefault) plan.default = declaration.default;
  if (declaration.otherwise !== undefined) plan.otherwise = declaration.otherwise.then;
  if (declaration.map !== undefined) plan.map = declaration.map.map(planOf);
  return plan;
}

type AuthPlan = { scheme: string; plan: Record<string, unknown> };

/** Each declared auth as the runtime applies it, with the security scheme it stands for. */
function authWithSchemes(model: SpecModel): AuthPlan[] {
  return (model.mapping?.auth ?? []).flatMap((auth): AuthPlan[] => {
    const scheme = model.securitySchemes.find((candidate) => candidate.name === auth.scheme);
    if (!scheme) return [];
    const plan = (fields: Record<string, unknown>) => [{ scheme: auth.scheme, plan: fields }];
    if (scheme.type === "http" && scheme.scheme?.toLowerCase() === "basic")
      return plan({ type: "basic", username: auth.username, password: auth.password });
    if (scheme.type === "apiKey")
      return plan({ type: "apiKey", in: scheme.in, name: scheme.parameterName, token: auth.token });
    return plan({ type: "bearer", token: auth.token });
  });
}

function authPlan(model: SpecModel): Record<string, unknown>[] {
  return authWithSchemes(model).map((auth) => auth.plan);
}

/**
 * The vendor's documented errors as every package carries them, once: code,
 * status, message, kind, the rules each reports and, with a mapping, the
 * canonical fields behind those rules.
 */
export function vendorErrorTable(model: SpecModel): Record<string, unknown>[] {
  return (model.operation?.errors ?? []).map((error) => ({
    code: error.code,
    status: error.status,
    message: error.message,
    kind: error.kind,
    rules: error.rules,
    ...(error.unreadable ? { unreadable: true } : {}),
    ...(error.generic ? { generic: true } : {}),
    ...(model.mapping ? { fields: canonicalFieldsOf(model, error.rules) } : {}),
  }));
}

export function mappingPlan(model: SpecModel): Record<string, unknown> {
  const operation = model.operation;
  if (!operation) throw new Error("a mapping plan needs a vendor model");
  const contentTypes = operation.requestBody?.contentTypes ?? [];
  return {
    method: operation.method,
    path: operation.path,
    server: model.servers[0]?.url ?? "",
    serverDefaults: Object.fromEntries(
      (model.servers[0]?.variables ?? []).map((variable) => [variable.name, variable.default]),
    ),
    contentType: contentTypes.find((type) => /json/.test(type)) ?? contentTypes[0],
    request: (model.mapping?.request ?? []).map(planOf),
    // Functions, not data: the emitted mapper writes them as imports (emit/mapping.ts).
    transforms: Object.fromEntries(planTransforms(model.mapping).map((transform) => [transform.name, transform.run])),
    auth: authPlan(model),
    response: (model.mapping?.response ?? []).map(planOf),
    errorLocations: operation.responses.flatMap((response) =>
      response.errorBody
        ? [
            Object.fromEntries(
              Object.entries({ status: response.status, ...response.errorBody }).filter(
                ([, value]) => value !== undefined,
              ),
            ),
          ]
        : [],
    ),
    errors: vendorErrorTable(model),
    // Only where the vendor documents one, so that other plans stay as they are.
    ...(operation.idempotency ? { idempotency: operation.idempotency } : {}),
    // Only where an error body names fields, so that other plans stay as they are.
    ...(operation.responses.some(
      (response) => response.errorBody?.fields !== undefined || response.errorBody?.field !== undefined,
    )
      ? { fieldSources: fieldSources(model) }
      : {}),
  };
}

/** Fields of the request body that carry a credential (`x-credential`), as the schema view reads them: for vendors whose auth travels in the body. */
export function bodyCredentials(model: SpecModel): string[] {
  const body = model.operation?.requestBody?.schema;
  if (!body) return [];
  const views = schemaViews(model);
  const properties = views.view(body).schema.properties;
  return Object.entries(isSchemaObject(properties) ? properties : {})
    .filter(([, property]) => isSchemaObject(property) && views.view(property).schema["x-credential"] === true)
    .map(([field]) => field);
}

/** Where the mock checks credentials: the declared auth, and body fields marked `x-credential`. */
export function credentialChecks(model: SpecModel): Record<string, unknown>[] {
  // A credential is optional when some security alternative goes without its scheme (`[]`, or `{ apiKey }` beside `{ oauth2, apiKey }`).
  const checks: Record<string, unknown>[] = [];
  for (const { scheme, plan: auth } of authWithSchemes(model)) {
    const optional = model.security.some((alternative) => !alternative.includes(scheme));
    const check =
      auth.type === "basic"
        ? { in: "basic", context: [auth.username, auth.password], optional }
        : auth.type === "bearer"
          ? { in: "bearer", context: [auth.token], optional }
          : { in: auth.in === "query" ? "query" : "header", name: auth.name, context: [auth.token], optional };
    // Two schemes sending the same credential (two OAuth 2.0 flows, one bearer token) are one check.
    if (!checks.some((known) => JSON.stringify(known) === JSON.stringify(check))) checks.push(check);
  }
  for (const field of bodyCredentials(model)) {
    const fed = model.mapping?.request.find(
      (declaration) => declaration.to === `/body/${field}` && declaration.context !== undefined,
    );
    if (fed) checks.push({ in: "body", name: `/${field}`, context: [fed.context], optional: false });
  }
  return checks;
}

const isSecret = (schema: unknown) =>
  isSchemaObject(schema) && (schema["x-sensitive"] === true || schema["x-credential"] === true);

/**
 * Names of what the spec marks `x-sensitive` or `x-credential`: context properties, and parameter and body
 * property names. The client redacts their values from the vendor's messages.
 */
export function sensitiveFields(model: SpecModel): { context: string[]; fields: string[] } {
  const secretNames = (schema: Schema | undefined): string[] => {
    const names: string[] = [];
    if (schema)
      walkSchema(schema, "", (node) => {
        if (!isSchemaObject(node.properties)) return;
        for (const [name, property] of Object.entries(node.properties)) if (isSecret(property)) names.push(name);
      });
    return names;
  };
  const operation = model.operation;
  const fields = [
    ...(operation?.parameters ?? [])
      .filter((parameter) => isSecret(parameter.schema))
      .map((parameter) => parameter.name),
    ...secretNames(operation?.requestBody?.schema),
    ...model.schemas.flatMap((named) => secretNames(named.schema)),
  ];
  const sorted = (names: string[]) => [...new Set(names)].sort();
  return { context: sorted(secretNames(model.context)), fields: sorted(fields) };
}
