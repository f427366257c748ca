/**
 * A vendor's mapping plan as the runtime reads it: its spec's `x-mapping`
 * and operation, checked at generate time and emitted as data, and the
 * results of running it both ways.
 */
import type { TransformName, Transforms } from "./transforms.js";
import type { CompiledValidator, ErrorKind, ValidationResult, VendorError } from "./validation.js";

export type { ErrorKind } from "./validation.js";

/** One declaration of the plan; see docs/mapping.md for the vocabulary. */
export interface FieldMapping {
  /** Target: `/body/...`, `/path/<name>`, `/query/<name>`, `/header/<name>` or `/server/<variable>` (relative to the parent inside `map`). */
  readonly to: string;
  /** Canonical pointer(s), relative to the enclosing `map` scope; several only for `join`. */
  readonly from?: string | readonly string[];
  /** A property of the context. */
  readonly context?: string;
  /** A constant. */
  readonly value?: unknown;
  readonly transform?: TransformName | "join" | "nth";
  readonly separator?: string;
  readonly index?: number;
  readonly where?: Readonly<Record<string, unknown>>;
  readonly pick?: string;
  readonly table?: Readonly<Record<string, unknown>>;
  readonly default?: unknown;
  /** For `lookup`: a value the table lacks is left out (`omit`) or sent as this constant; an error when absent. */
  readonly otherwise?: "omit" | { readonly value: unknown };
  /** Applies only when every canonical pointer here holds the given value. */
  readonly when?: Readonly<Record<string, unknown>>;
  /** Children, for an object (or each item of an array) of the source. */
  readonly map?: readonly FieldMapping[];
}

export interface AuthMapping {
  readonly type: "basic" | "bearer" | "apiKey";
  /** For apiKey: `header` or `query`, and the parameter name. */
  readonly in?: "header" | "query";
  readonly name?: string;
  /** Context properties holding the credentials. */
  readonly username?: string;
  readonly password?: string;
  readonly token?: string;
}

export interface ErrorLocation {
  readonly status: string;
  readonly code: string;
  readonly message?: string | undefined;
  readonly list?: string | undefined;
  /** An object in the body (or in each list item): the vendor's field name → its message, one error each. */
  readonly fields?: string | undefined;
  /** The one field at fault, in the body (or in each list item): its name or a JSON pointer (`/source/pointer`). */
  readonly field?: string | undefined;
  readonly when?: { readonly pointer: string; readonly equals: unknown } | undefined;
}

export interface MappingPlan {
  readonly method: string;
  readonly path: string;
  readonly server: string;
  /** Defaults of the server URL's variables, used where no declaration feeds one. */
  readonly serverDefaults: Readonly<Record<string, string>>;
  readonly contentType: string | undefined;
  readonly request: readonly FieldMapping[];
  /** The transforms `request` and `response` name, by name (`./transforms`, `./countries`): imported by the generated mapper, so that a bundle holds only those it uses. */
  readonly transforms?: Transforms;
  readonly auth: readonly AuthMapping[];
  /** `/id`, `/number`, `/createdAt` of the canonical result, read from the success body. */
  readonly response: readonly FieldMapping[];
  readonly errorLocations: readonly ErrorLocation[];
  /** The vendor's documented errors, with the canonical field each reports where it names one. */
  readonly errors: readonly VendorError[];
  /** Vendor body field (`/BillingAddress/City`, list indexes as `*`) → the canonical field feeding it; where an error body names fields (`fields` or `field`). */
  readonly fieldSources?: Readonly<Record<string, string>>;
  /** Where the vendor takes an idempotency key (its spec's `x-idempotency`): the client sends one and retries what may have arrived. */
  readonly idempotency?:
    | { readonly in: "header"; readonly name: string }
    | { readonly in: "body"; readonly field: string };
}

export interface MappingError {
  /** `invalid-customer`: the customer breaks the canonical schema; `invalid-context`: the context breaks the vendor's; `does-not-fit`: a value breaks a vendor rule; `no-place`: the vendor has nowhere to put it. */
  kind: "invalid-customer" | "invalid-context" | "does-not-fit" | "no-place";
  /** Canonical pointer (`/person/givenName`), or `context/<name>` for a context input; a join's first part. */
  field: string;
  /** Every canonical field behind the value, each its own pointer, where there are several (a join's parts). */
  fields?: string[];
  /** Where it would go at the vendor (`/body/name`), when there is such a place. */
  vendorField?: string;
  /** The rule that fails (`maxLength`, `required`, a transform name). */
  rule?: string;
  /** The vendor's limit, for limit rules (`60` for `maxLength`). */
  limit?: unknown;
  message: string;
}

export interface VendorRequest<Body> {
  method: string;
  /** The whole URL: the server (its variables filled) and the path. */
  url: string;
  /** The path alone, its parameters filled: for sending to another base URL (a mock, a proxy). */
  path: string;
  headers: Record<string, string>;
  query: Record<string, string>;
  body: Body;
}

export type ToRequestResult<Body> = { ok: true; request: VendorRequest<Body> } | { ok: false; errors: MappingError[] };

export interface CanonicalError {
  kind: ErrorKind;
  code: string | number | undefined;
  message: string;
  /** The canonical field the vendor names, where its error names one. */
  field?: string;
  /** The vendor's own name for the field, as its error body gives it (`BillingAddress.City`). */
  vendorField?: string;
}

export type FromResponseResult =
  | { ok: true; id: string; number?: string; createdAt?: string }
  | { ok: false; status: number; errors: CanonicalError[] };

/** The validators one request needs, from the vendor package. */
export interface RequestValidators {
  customer: (value: unknown) => ValidationResult<unknown>;
  context: ((value: unknown) => ValidationResult<unknown>) | undefined;
  body: CompiledValidator | undefined;
  parameters: Partial<Record<"path" | "query" | "header", CompiledValidator>>;
}
