/**
 * @exodus/schemasafe as a peer, compiling the same validation schemas as the
 * generated guards. It applies `format` to strings only and, in its default
 * mode, refuses a rule that cannot apply (`format: int32` beside
 * `type: ["integer", "null"]`: "Unexpected rules in type"). So `int32` is
 * taken out of the schemas it is given: on strings ajv-formats lets it pass
 * anyway, and on integers its range goes unchecked by schemasafe (the bench
 * says so, and an int32 out of range shows as a disagreement).
 */
import { validator } from "@exodus/schemasafe";

/** `schema` without `format: int32`, everywhere. */
export function withoutInt32<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(withoutInt32) as T;
  if (schema === null || typeof schema !== "object") return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key, value]) => !(key === "format" && value === "int32"))
      .map(([key, value]) => [
        key,
        key === "const" || key === "enum" || key === "default" ? value : withoutInt32(value),
      ]),
  ) as T;
}

/** What schemasafe is given for a body schema and its components: the code of `validatorSource` compiles exactly this. */
export function schemasafeInput(componentsId: string, root: object, defs: Record<string, unknown>) {
  return { schema: withoutInt32(root), schemas: { [componentsId]: { $id: componentsId, $defs: withoutInt32(defs) } } };
}

export function schemasafeValidator(componentsId: string, root: object, defs: Record<string, unknown>) {
  const { schema, schemas } = schemasafeInput(componentsId, root, defs);
  return validator(schema as never, { schemas: schemas as never });
}

/** An ES module compiling the same validator at run time, for the cold start. */
export function schemasafeModuleSource(componentsId: string, root: object, defs: Record<string, unknown>): string {
  const { schema, schemas } = schemasafeInput(componentsId, root, defs);
  return `import { validator } from "@exodus/schemasafe";\nexport const check = validator(${JSON.stringify(schema)}, { schemas: ${JSON.stringify(schemas)} });\n`;
}
