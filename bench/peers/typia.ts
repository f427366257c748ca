/**
 * typia as a peer: typia checks TypeScript types, so each vendor's request
 * schema is written out as a type carrying typia's tags (lengths, patterns,
 * formats, integer kinds), then typia's own `generate` command (its
 * TypeScript transform, run offline) turns `typia.createEquals<T>()` into
 * code. `equals`, not `is`: the specs' objects are closed. What a type cannot
 * say (if/then, dependentRequired) is listed, and shows up as disagreements.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

type Schema = boolean | Record<string, unknown>;

const FORMATS = new Set(["email", "uuid", "date-time", "date", "time", "uri", "ipv4", "ipv6", "hostname"]);

const typeName = (ref: string) => `D_${ref.slice(ref.lastIndexOf("/") + 1).replace(/[^A-Za-z0-9_]/g, "_")}`;

/** The typia-tagged TypeScript type for `schema`; keywords it cannot express go into `unsupported`. */
export function typiaType(schema: Schema, unsupported: Set<string>): string {
  if (schema === true) return "unknown";
  if (schema === false) return "never";
  for (const keyword of ["if", "dependentRequired", "not", "patternProperties", "uniqueItems"])
    if (keyword in schema) unsupported.add(keyword);
  const parts: string[] = [];
  if (typeof schema.$ref === "string") parts.push(typeName(schema.$ref));
  for (const keyword of ["anyOf", "oneOf"] as const) {
    const members = schema[keyword];
    if (Array.isArray(members))
      parts.push(`(${members.map((member) => typiaType(member as Schema, unsupported)).join(" | ")})`);
  }
  if (Array.isArray(schema.allOf))
    parts.push(...schema.allOf.map((member) => `(${typiaType(member as Schema, unsupported)})`));
  if ("const" in schema) parts.push(JSON.stringify(schema.const));
  if (Array.isArray(schema.enum)) parts.push(`(${schema.enum.map((value) => JSON.stringify(value)).join(" | ")})`);
  const types = Array.isArray(schema.type)
    ? (schema.type as string[])
    : typeof schema.type === "string"
      ? [schema.type]
      : schema.properties
        ? ["object"]
        : [];
  if (types.length > 0)
    parts.push(`(${types.map((type) => typed(type, schema as Record<string, unknown>, unsupported)).join(" | ")})`);
  return parts.length === 0 ? "unknown" : parts.join(" & ");
}

function typed(type: string, schema: Record<string, unknown>, unsupported: Set<string>): string {
  const tags: string[] = [];
  const tag = (keyword: string, name: string) => {
    if (schema[keyword] !== undefined) tags.push(`tags.${name}<${JSON.stringify(schema[keyword])}>`);
  };
  switch (type) {
    case "null":
      return "null";
    case "boolean":
      return "boolean";
    case "string":
      tag("minLength", "MinLength");
      tag("maxLength", "MaxLength");
      tag("pattern", "Pattern");
      if (typeof schema.format === "string") {
        if (FORMATS.has(schema.format)) tags.push(`tags.Format<${JSON.stringify(schema.format)}>`);
        else unsupported.add(`format ${schema.format}`);
      }
      return ["string", ...tags].join(" & ");
    case "integer":
    case "number":
      if (type === "integer") tags.push(`tags.Type<${schema.format === "int32" ? '"int32"' : '"int64"'}>`);
      tag("minimum", "Minimum");
      tag("maximum", "Maximum");
      tag("exclusiveMinimum", "ExclusiveMinimum");
      tag("exclusiveMaximum", "ExclusiveMaximum");
      tag("multipleOf", "MultipleOf");
      return ["number", ...tags].join(" & ");
    case "array":
      tag("minItems", "MinItems");
      tag("maxItems", "MaxItems");
      return [`Array<${typiaType((schema.items as Schema | undefined) ?? true, unsupported)}>`, ...tags].join(" & ");
    case "object": {
      const required = new Set((schema.required as string[] | undefined) ?? []);
      const properties = Object.entries((schema.properties as Record<string, Schema> | undefined) ?? {});
      const fields = properties.map(
        ([key, value]) => `${JSON.stringify(key)}${required.has(key) ? "" : "?"}: ${typiaType(value, unsupported)};`,
      );
      for (const key of required)
        if (!properties.some(([name]) => name === key)) fields.push(`${JSON.stringify(key)}: unknown;`);
      const extra = schema.additionalProperties;
      // typia's `equals` rejects undeclared keys unless the type has an index signature.
      if (extra !== false)
        fields.push(
          `[key: string]: ${properties.length > 0 ? "unknown" : typiaType((extra as Schema | undefined) ?? true, unsupported)};`,
        );
      return `{ ${fields.join(" ")} }`;
    }
    default:
      throw new Error(`typia peer: unknown type ${type}`);
  }
}

export interface TypiaSource {
  slug: string;
  root: Schema;
  defs: Record<string, unknown>;
}

/**
 * Writes one module per vendor (`export const check = typia.createEquals<Body>()`)
 * and runs typia's transform over them into `<dir>/out`. `dir` sits inside the
 * repository's node_modules so that `typia` resolves from the output.
 * Returns, per slug, the keywords its type could not carry.
 */
export function buildTypia(root: string, dir: string, sources: readonly TypiaSource[]): Record<string, string[]> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "in"), { recursive: true });
  writeFileSync(
    join(dir, "tsconfig.json"),
    `${JSON.stringify({ compilerOptions: { target: "ES2022", module: "ESNext", moduleResolution: "Bundler", strict: true, skipLibCheck: true } })}\n`,
  );
  const gaps: Record<string, string[]> = {};
  for (const { slug, root: body, defs } of sources) {
    const unsupported = new Set<string>();
    const aliases = Object.entries(defs).map(
      ([name, schema]) => `type ${typeName(name)} = ${typiaType(schema as Schema, unsupported)};`,
    );
    const text = `import typia, { tags } from "typia";\n${aliases.join("\n")}\ntype Body = ${typiaType(body, unsupported)};\nexport const check = typia.createEquals<Body>();\n`;
    writeFileSync(join(dir, "in", `${slug}.ts`), text);
    gaps[slug] = [...unsupported].sort();
  }
  const cli = join(root, "node_modules/typia/lib/executable/typia.js");
  const result = spawnSync(
    process.execPath,
    [cli, "generate", "--input", "in", "--output", "out", "--project", "tsconfig.json"],
    { cwd: dir, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`typia generate: ${result.stdout}${result.stderr}`);
  return gaps;
}
