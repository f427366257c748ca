import type { Schema } from "../../core/schema-walk.js";
import { COMPONENTS_ID } from "../../model/validation-schema.js";
import type { Names } from "./scope.js";

/**
 * What a keyword module sees of the compiler (`compiler.ts`): the module's
 * names and declarations, and the means to check a subschema. Each keyword
 * family lives in its own module, as ajv's vocabularies do, and writes
 * early-return statements through this.
 */
export interface GuardContext {
  /** Module-level names: helper constants and functions. */
  readonly names: Names;
  /** Declarations in the order they must appear: constants first, then functions. */
  readonly constants: string[];
  readonly functions: string[];
  readonly imports: { helpers: Set<string> };
  /** The function that checks a component, written on first use. */
  component(name: string): string;
  /** A function `(value) => boolean` for a subschema used where a yes/no is needed (anyOf, oneOf, not, if). */
  predicate(schema: Schema | boolean, hint: string): string;
  /** Statements that `return false` as soon as `value` breaks `schema`; `narrowed`: the kinds checks before these narrowed `value` to. */
  checks(
    schema: Schema | boolean,
    value: string,
    scope: Names,
    hint: string,
    narrowed?: readonly (Kind | undefined)[],
  ): string[];
  /** A module constant shared by every use of the same `key` within `family`: declared once, on first use. */
  shared(family: string, key: string, hint: string, declare: (name: string) => string): string;
}

/** The value kinds a keyword applies to; on any other kind it holds trivially. */
export type Kind = "string" | "number" | "object" | "array";

/** How a guard reads a field of an object: dotted where the key allows it. */
export type FieldReader = (key: string) => string;

/** Annotations ajv knows but does not validate. */
export const IGNORED = new Set(["readOnly", "writeOnly", "default"]);

const COMPONENT_REF = `${COMPONENTS_ID}#/$defs/`;

/** The component a `$ref` names, when it names one. */
export const componentName = (ref: unknown) =>
  typeof ref === "string" && ref.startsWith(COMPONENT_REF)
    ? decodeURIComponent(ref.slice(COMPONENT_REF.length))
    : undefined;
