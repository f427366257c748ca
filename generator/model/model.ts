import type { SpecPosition } from "../core/spec-error.js";
import type { Schema } from "../core/schema-walk.js";

/**
 * The normalized model every emitter reads. It is built once per spec by
 * `buildModel`; emitters never look at the raw YAML. Lists are in a fixed
 * order (by name or status) unless the order carries meaning (properties,
 * parameters and errors stay as the vendor documents them).
 */
export interface SpecModel {
  kind: "vendor" | "canonical";
  /** File name without extension: the package name. */
  slug: string;
  /** Path of the spec relative to the repository root, with forward slashes. */
  specFile: string;
  title: string;
  version: string;
  description: string | undefined;
  vendorName: string;
  seed: string | undefined;
  servers: ServerModel[];
  securitySchemes: SecuritySchemeModel[];
  /** Alternatives, each a list of scheme names; an empty list means "no auth" is accepted. */
  security: string[][];
  operation: OperationModel | undefined;
  /** JSON Schema of the inputs that are not customer data (`x-context`). */
  context: Schema | undefined;
  /** Component schemas by name, sorted; `$ref`s in them point to `#/components/schemas/<name>`. */
  schemas: NamedSchema[];
  /** How the canonical customer maps to the request and the response back (`x-mapping`). */
  mapping: MappingModel | undefined;
  /** Positioned one-line warnings (a vendor's own example its schema refuses): reported, not fatal. */
  warnings: string[];
}

/** Transforms a declaration may name; `join` and `nth` also shape where values come from. */
export const TRANSFORMS = [
  "copy",
  "join",
  "nth",
  "country-alpha3",
  "country-alpha2",
  "date",
  "date-time",
  "local-date-time",
  "assume-utc",
  "epoch-seconds",
  "string",
  "lookup",
] as const;
export type TransformName = (typeof TRANSFORMS)[number];

/** One `x-mapping` declaration, as written, with where it is for errors. */
/** A lookup's fallback: leave the (optional) vendor field out, or send a constant. */
/** `otherwise` as read, with where it is written. */
export interface OtherwiseModel {
  then: "omit" | { value: unknown };
  at: SpecPosition;
}

export interface FieldMappingModel {
  to: string;
  from: string | string[] | undefined;
  context: string | undefined;
  /** A constant (`value`), when `hasValue`. */
  value: unknown;
  hasValue: boolean;
  transform: TransformName | undefined;
  separator: string | undefined;
  index: number | undefined;
  where: Record<string, unknown> | undefined;
  pick: string | undefined;
  table: Record<string, unknown> | undefined;
  default: unknown;
  hasDefault: boolean;
  when: Record<string, unknown> | undefined;
  map: FieldMappingModel[] | undefined;
  /** Why it maps this way, shown in the README's mapping table. */
  note: string | undefined;
  /** What a `lookup` gives for a value its table lacks; an error when undefined. */
  otherwise: OtherwiseModel | undefined;
  at: SpecPosition;
  pointer: string;
}

export interface AuthMappingModel {
  scheme: string;
  username: string | undefined;
  password: string | undefined;
  token: string | undefined;
  pointer: string;
  at: SpecPosition;
}

/** A vendor request field deliberately left unfed, and why. */
export interface UnmappedModel {
  field: string;
  reason: string;
  at: SpecPosition;
}

/** A canonical field the canonical schema leaves optional but the vendor cannot do without. */
export interface NeedModel {
  field: string;
  reason: string;
  at: SpecPosition;
}

export interface MappingModel {
  request: FieldMappingModel[];
  response: FieldMappingModel[];
  auth: AuthMappingModel[];
  unmapped: UnmappedModel[];
  needs: NeedModel[];
  pointer: string;
  at: SpecPosition;
}

export interface NamedSchema {
  name: string;
  schema: Schema;
}

export interface ServerModel {
  url: string;
  description: string | undefined;
  variables: { name: string; default: string; description: string | undefined }[];
}

export interface SecuritySchemeModel {
  name: string;
  type: string;
  scheme: string | undefined;
  in: string | undefined;
  parameterName: string | undefined;
  description: string | undefined;
}

export type ParameterLocation = "path" | "query" | "header" | "cookie";

export interface ParameterModel {
  name: string;
  in: ParameterLocation;
  required: boolean;
  deprecated: boolean;
  description: string | undefined;
  schema: Schema;
}

export interface ExampleModel {
  name: string;
  summary: string | undefined;
  value: unknown;
  expect: "valid" | "invalid" | undefined;
  expectErrors: RuleRef[];
  /** Where the example is in the spec, for positioned errors. */
  pointer: string;
}

export interface RuleRef {
  path: string;
  keyword: string;
}

export interface BodyModel {
  contentTypes: string[];
  schema: Schema;
  examples: ExampleModel[];
}

export interface RequestBodyModel extends BodyModel {
  required: boolean;
}

export interface ErrorBodyModel {
  code: string;
  message: string | undefined;
  list: string | undefined;
  /** Pointer to an object: the vendor's field name → its message (one canonical error per entry). */
  fields: string | undefined;
  /** Pointer (in the body, or in each list item) to the name or JSON pointer of the one field at fault: `/field`, `/source/pointer`. */
  field: string | undefined;
  when: { pointer: string; equals: unknown } | undefined;
}

export interface ResponseModel {
  status: string;
  description: string;
  body: BodyModel | undefined;
  errorBody: ErrorBodyModel | undefined;
}

export const ERROR_KINDS = [
  "invalid-field",
  "duplicate",
  "unauthorized",
  "not-found",
  "unavailable",
  "unknown",
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface VendorErrorModel {
  code: string | number;
  status: number;
  message: string;
  kind: ErrorKind;
  rules: { in: "body" | ParameterLocation; path: string; keywords: string[] }[];
  /** The error the vendor answers a body it cannot read with (malformed JSON): `unreadable: true`. */
  unreadable: boolean;
  /** The error the vendor answers any broken rule with that no entry names (an "invalid request"): `generic: true`. */
  generic: boolean;
}

export interface OperationModel {
  id: string;
  method: string;
  path: string;
  /** Where the operation is in the spec (`/paths/~1customers/post`), for positions of what is found later. */
  pointer: string;
  summary: string | undefined;
  description: string | undefined;
  deprecated: boolean;
  parameters: ParameterModel[];
  requestBody: RequestBodyModel | undefined;
  responses: ResponseModel[];
  errors: VendorErrorModel[];
  /** `x-idempotency`: where the vendor takes an idempotency key (a header, or a body field), if it documents one. */
  idempotency: IdempotencyModel | undefined;
}

/** How a vendor takes an idempotency key: the same key, the same customer, never a second one. */
export type IdempotencyModel = { in: "header"; name: string } | { in: "body"; field: string };
