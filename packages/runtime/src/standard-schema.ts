/**
 * Standard Schema v1 (https://standardschema.dev) over the generated
 * `validateX` functions, so that tRPC, TanStack Form, Hono and other tools
 * take them as they take a zod or valibot schema. No second validator: each
 * schema calls its `validateX` and rewrites the result. Its types are the
 * spec's own (`@standard-schema/spec`, imported as types only).
 */
import type { StandardSchemaV1 } from "@standard-schema/spec";
import type { ValidationError, ValidationResult } from "./validation.js";

/** One broken rule as a Standard Schema issue, keeping the rule and the vendor's own code. */
export interface VendorIssue extends StandardSchemaV1.Issue {
  /** Path segments to the value at fault (`["addresses", 0, "city"]`); empty for the value itself. */
  readonly path: readonly PropertyKey[];
  /** The JSON Schema keyword that failed (`maxLength`, `required`, ...). */
  readonly rule: string;
  /** The vendor's own error code for this rule, where the vendor documents one. */
  readonly vendorCode?: string | number;
  /** The vendor's own message for that code. */
  readonly vendorMessage?: string;
}

export type VendorSchemaResult<T> = StandardSchemaV1.SuccessResult<T> | { readonly issues: readonly VendorIssue[] };

/** A Standard Schema whose `validate` answers at once (never a promise) with `VendorIssue`s. */
export interface VendorSchema<T> extends StandardSchemaV1<T> {
  readonly "~standard": VendorSchemaProps<T>;
}

export interface VendorSchemaProps<T> extends StandardSchemaV1.Props<T> {
  readonly validate: (value: unknown) => VendorSchemaResult<T>;
}

/** The schema library's name, as Standard Schema's `vendor` means it (the tool, not the commerce vendor). */
export const STANDARD_SCHEMA_VENDOR = "customer-adapters";

const INDEX = /^(?:0|[1-9]\d*)$/;

/**
 * A JSON pointer as path segments: `~1` and `~0` unescaped, and an array
 * index as a number (a pointer alone cannot tell `/0` of a list from a key
 * "0", so the validated value is consulted).
 */
export function pathSegments(pointer: string, value: unknown): PropertyKey[] {
  if (pointer === "") return [];
  let current = value;
  return pointer
    .slice(1)
    .split("/")
    .map((raw) => {
      const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
      let list = false;
      try {
        list = Array.isArray(current);
        current =
          current !== null && typeof current === "object" ? (current as Record<string, unknown>)[key] : undefined;
      } catch {
        // A value that cannot be read again (a revoked Proxy): its keys stay text.
        current = undefined;
      }
      return list && INDEX.test(key) ? Number(key) : key;
    });
}

function issueOf(error: ValidationError, value: unknown): VendorIssue {
  return {
    message: error.message,
    path: pathSegments(error.path, value),
    rule: error.rule,
    ...(error.vendorCode === undefined ? {} : { vendorCode: error.vendorCode }),
    ...(error.vendorMessage === undefined ? {} : { vendorMessage: error.vendorMessage }),
  };
}

/** A Standard Schema over a generated `validateX`. */
export function standardSchema<T>(validate: (value: unknown) => ValidationResult<T>): VendorSchema<T> {
  return {
    "~standard": {
      version: 1,
      vendor: STANDARD_SCHEMA_VENDOR,
      validate(value) {
        const result = validate(value);
        return result.ok ? { value: result.value } : { issues: result.errors.map((error) => issueOf(error, value)) };
      },
    },
  };
}
