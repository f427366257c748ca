import type { Schema } from "../../core/schema-walk.js";
import { jsDoc } from "../source-file.js";
import { typeName } from "../type-expression.js";
import { combinatorChecks } from "./combinators.js";
import { conditionalChecks } from "./conditional.js";
import { componentName, type GuardContext, IGNORED, type Kind } from "./context.js";
import { enumConstChecks } from "./enum-const.js";
import { formatChecks } from "./format.js";
import { ARRAY_KEYWORDS, arrayChecks } from "./items.js";
import { numberChecks } from "./number-limits.js";
import { OBJECT_KEYWORDS, objectChecks } from "./properties.js";
import { refChecks } from "./ref.js";
import { Names } from "./scope.js";
import { stringChecks } from "./string-limits.js";
import { kindOfType, typeChecks, typesOf, typeTest } from "./type.js";

/** Compiles validation schemas into early-return checks, sharing one function per component. */
export class GuardCompiler implements GuardContext {
  readonly names: Names;
  readonly constants: string[] = [];
  readonly functions: string[] = [];
  readonly imports = { helpers: new Set<string>() };
  private readonly componentFunctions = new Map<string, string>();
  /** Per family (pattern, format), the constant declared for each key. */
  private readonly sharedConstants = new Map<string, string>();

  constructor(
    private readonly components: Map<string, Schema>,
    exported: string[],
  ) {
    this.names = new Names(["value", ...exported]);
  }

  component(name: string): string {
    const known = this.componentFunctions.get(name);
    if (known) return known;
    const fn = this.names.take(`is ${typeName(name)}`);
    this.componentFunctions.set(name, fn);
    const doc = `Whether a value is a valid \`${name}\`.`;
    this.functions.push(this.functionOf(fn, this.components.get(name) as Schema, name, doc));
    return fn;
  }

  predicate(schema: Schema | boolean, hint: string): string {
    // Called in place (`(() => true)(value)`): `true` admits anything, `false` nothing.
    if (typeof schema === "boolean") return `(() => ${schema})`;
    const ref = componentName(schema.$ref);
    if (ref !== undefined && Object.keys(schema).every((keyword) => keyword === "$ref" || IGNORED.has(keyword))) {
      return this.component(ref);
    }
    const fn = this.names.take(`is ${hint}`);
    this.functions.push(this.functionOf(fn, schema, hint));
    return fn;
  }

  shared(family: string, key: string, hint: string, declare: (name: string) => string): string {
    const id = `${family}\u0000${key}`;
    const known = this.sharedConstants.get(id);
    if (known) return known;
    const name = this.names.take(hint, "constant");
    this.sharedConstants.set(id, name);
    this.constants.push(declare(name));
    return name;
  }

  functionOf(name: string, schema: Schema, hint: string, doc?: string, exported = false): string {
    const body = this.checks(schema, "value", this.names.scope(), hint);
    // A schema that checks nothing (a bare description) never reads its value: a consumer's noUnusedParameters would refuse `value`.
    const parameter = body.length === 0 ? "_value" : "value";
    const head = `${doc ? `${jsDoc(doc)}\n` : ""}${exported ? "export " : ""}function ${name}(${parameter}: unknown): boolean`;
    return `${head} {\n${[...body, "return true;"].join("\n")}\n}`;
  }

  /** The keyword families in the order their checks run: type first, then values, then applicators. */
  checks(
    schema: Schema | boolean,
    value: string,
    scope: Names,
    hint: string,
    narrowed?: readonly (Kind | undefined)[],
  ): string[] {
    if (schema === true) return [];
    if (schema === false) return ["return false;"];
    const types = typesOf(schema);
    const lines = [
      ...typeChecks(types, value),
      ...enumConstChecks(this, schema, value, hint),
      ...refChecks(this, schema, value),
    ];

    // What TypeScript knows of the value here: the declared types, within what checks before these narrowed it to.
    const declared = types?.map(kindOfType);
    const kinds = declared && narrowed ? declared.filter((kind) => narrowed.includes(kind)) : (declared ?? narrowed);
    const guarded = (kind: Kind, checksOf: () => string[]) => {
      // A keyword of a kind the declared types exclude (`maxLength` beside `type: integer`) holds trivially:
      // the type check above has narrowed the value, and a check for that kind would not type-check.
      if (kinds !== undefined && !kinds.includes(kind)) return;
      const body = checksOf();
      if (body.length === 0) return;
      // With a single declared type the type check above has already narrowed the value.
      if (kinds?.length === 1 && kinds[0] === kind) lines.push(...body);
      else lines.push(`if (${typeTest(kind, value)}) {`, ...body, "}");
    };
    guarded("string", () => [
      ...stringChecks(this, schema, value, hint),
      ...formatChecks(this, schema, value, "string"),
    ]);
    guarded("number", () => [...numberChecks(schema, value), ...formatChecks(this, schema, value, "number")]);
    const uses = (keywords: string[]) => keywords.some((keyword) => schema[keyword] !== undefined);
    if (uses(OBJECT_KEYWORDS)) guarded("object", () => objectChecks(this, schema, value, scope, hint));
    if (uses(ARRAY_KEYWORDS)) guarded("array", () => arrayChecks(this, schema, value, scope, hint));

    lines.push(...combinatorChecks(this, schema, value, scope, hint, kinds));
    lines.push(...conditionalChecks(this, schema, value, scope, hint, kinds));
    return lines;
  }
}
