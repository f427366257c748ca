import type { NamedSchema } from "../model/model.js";
import { isSchemaObject, subschemas, type Schema } from "../core/schema-walk.js";
import { jsDoc } from "./source-file.js";
import { SCHEMA_REF, componentName } from "../model/lookup.js";
import { type SchemaViews, schemaViews } from "../model/schema-view.js";

/** Which side of the wire a type describes: what is sent (`write`) or what is read back (`read`). */
export type Direction = "write" | "read";

/** A valid TypeScript identifier from a schema or parameter name. */
export function typeName(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((word) => word[0]?.toUpperCase() + word.slice(1)).join("");
  return /^[0-9]/.test(joined) ? `_${joined}` : joined;
}

export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}

/** The JSDoc text for a schema: the vendor's description, then its limits as tags. */
export function docOf(schema: Schema, extra: string[] = []): string | undefined {
  const lines: string[] = [];
  if (typeof schema.description === "string") lines.push(schema.description.trim());
  if (schema["x-sensitive"] === true || schema["x-credential"] === true)
    lines.push("Sensitive: never logged or shown in error messages.");
  lines.push(...extra);
  const tag = (name: string, value: unknown) => {
    if (value !== undefined) lines.push(`@${name} ${typeof value === "string" ? value : JSON.stringify(value)}`);
  };
  tag("format", schema.format);
  tag("minLength", schema.minLength);
  tag("maxLength", schema.maxLength);
  tag("pattern", schema.pattern);
  tag("minimum", schema.minimum);
  tag("maximum", schema.maximum);
  tag("minItems", schema.minItems);
  tag("maxItems", schema.maxItems);
  tag("default", schema.default);
  if (schema.deprecated === true) lines.push("@deprecated");
  if (lines.length === 0) return undefined;
  return lines.join("\n").replace(/\*\//g, "*\\/");
}

/**
 * Turns JSON Schema into TypeScript type text. Each named schema that reads
 * differently from how it is written (readOnly/writeOnly somewhere inside)
 * gets two types: `Name` for what is sent and `NameRead` for what comes back.
 */
export class TypeWriter {
  private readonly byName: Map<string, Schema>;
  private readonly views: SchemaViews;
  private readonly splitCache = new Map<string, boolean>();

  /**
   * @param bothWays names of schemas that are both sent and read back; only
   * those need a second (`Read`) type when the two sides differ.
   */
  constructor(
    schemas: NamedSchema[],
    private readonly bothWays: ReadonlySet<string> = new Set(schemas.map(({ name }) => name)),
  ) {
    this.byName = new Map(schemas.map(({ name, schema }) => [name, schema]));
    this.views = schemaViews({ schemas });
  }

  /** What the schema says beside the components it names, merged (`allOf` parts, limits, `required`): read for text and docs. */
  own(schema: Schema): Schema {
    return this.views.own(schema).view.schema;
  }

  /** The components the schema names (its `$ref`, `allOf` parts that are references): written by their type names. */
  named(schema: Schema): readonly string[] {
    return this.views.own(schema).names;
  }

  /** The doc comment of a schema: its own description and limits, those of its `allOf` parts included. */
  doc(schema: Schema, extra: string[] = []): string | undefined {
    return docOf(this.own(schema), extra);
  }

  /** Whether the schema (following refs) has readOnly or writeOnly parts. */
  differsByDirection(schema: Schema, seen = new Set<string>()): boolean {
    const name = componentName(schema);
    if (name !== undefined) {
      if (seen.has(name)) return false;
      const cached = this.splitCache.get(name);
      if (cached !== undefined) return cached;
      seen.add(name);
      const target = this.byName.get(name);
      const result = target ? this.differsByDirection(target, seen) : false;
      this.splitCache.set(name, result);
      return result;
    }
    if (schema.readOnly === true || schema.writeOnly === true) return true;
    for (const [child] of subschemas(schema)) if (this.differsByDirection(child, seen)) return true;
    return false;
  }

  /** The exported type name for a named schema seen from one direction. */
  nameFor(name: string, direction: Direction): string {
    const split = this.bothWays.has(name) && this.differsByDirection({ $ref: SCHEMA_REF + name });
    return typeName(name) + (split && direction === "read" ? "Read" : "");
  }

  private hidden(schema: Schema, direction: Direction): boolean {
    return this.views.view(schema).schema[direction === "write" ? "readOnly" : "writeOnly"] === true;
  }

  expression(schema: Schema | boolean, direction: Direction): string {
    // JSON Schema's `true` admits any value, `false` none.
    if (typeof schema === "boolean") return schema ? "unknown" : "never";
    const name = componentName(schema);
    if (name !== undefined) return this.nameFor(name, direction);
    const { names, view } = this.views.own(schema);
    const own = view.schema;
    // Values listed here are exact: those the named components allow too.
    const values = "const" in own || Array.isArray(own.enum) ? this.views.view(schema).schema : own;
    if ("const" in values) return JSON.stringify(values.const);
    if (Array.isArray(values.enum)) return values.enum.map((value) => JSON.stringify(value)).join(" | ");
    const unions = (own.oneOf ?? own.anyOf) as Schema[] | undefined;
    const parts: string[] = [];
    // Parenthesized below only beside another part, as a formatter would leave it.
    if (Array.isArray(unions)) parts.push(unions.map((member) => this.expression(member, direction)).join(" | "));
    for (const named of names) parts.push(this.nameFor(named, direction));
    // What did not merge exactly (disjoint types, a second closed object) is intersected as written.
    if (Array.isArray(own.allOf))
      for (const member of own.allOf as Schema[])
        if (member.properties !== undefined || member.type !== undefined)
          parts.push(this.expression(member, direction));
    const types = [...(view.types ?? [])];
    if (types.length > 0) parts.push(types.map((type) => this.primitive(type, own, direction)).join(" | "));
    else if (own.properties !== undefined) parts.push(this.objectLiteral(own, direction));
    if (parts.length === 0) return "unknown";
    return parts.length === 1
      ? (parts[0] as string)
      : parts.map((part) => (part.includes("|") ? `(${part})` : part)).join(" & ");
  }

  private primitive(type: string, schema: Schema, direction: Direction): string {
    switch (type) {
      case "string":
        return "string";
      case "number":
      case "integer":
        return "number";
      case "boolean":
        return "boolean";
      case "null":
        return "null";
      case "array": {
        const items = isSchemaObject(schema.items) ? this.expression(schema.items, direction) : "unknown";
        return /[|&]/.test(items) ? `(${items})[]` : `${items}[]`;
      }
      default:
        return this.objectLiteral(schema, direction);
    }
  }

  /** Property members of an object schema, as `{ name?: type }` text with JSDoc. */
  members(schema: Schema, direction: Direction): string[] {
    const own = this.own(schema);
    const properties = isSchemaObject(own.properties) ? own.properties : {};
    const required = new Set(Array.isArray(own.required) ? (own.required as string[]) : []);
    const lines: string[] = [];
    for (const [name, property] of Object.entries(properties)) {
      if (!isSchemaObject(property) || this.hidden(property, direction)) continue;
      const doc = this.doc(property);
      if (doc) lines.push(jsDoc(doc));
      const readonly = direction === "read" && this.own(property).readOnly === true ? "readonly " : "";
      lines.push(
        `${readonly}${propertyKey(name)}${required.has(name) ? "" : "?"}: ${this.expression(property, direction)};`,
      );
    }
    // Declared properties must fit the index signature, so it can only say `unknown` beside them.
    if (isSchemaObject(own.additionalProperties) && lines.length > 0) lines.push(`[key: string]: unknown;`);
    return lines;
  }

  objectLiteral(schema: Schema, direction: Direction): string {
    const members = this.members(schema, direction);
    if (members.length === 0 && isSchemaObject(schema.additionalProperties))
      return `Record<string, ${this.expression(schema.additionalProperties, direction)}>`;
    if (members.length === 0)
      return schema.additionalProperties === false ? "Record<string, never>" : "Record<string, unknown>";
    return `{\n${members.join("\n")}\n}`;
  }
}
