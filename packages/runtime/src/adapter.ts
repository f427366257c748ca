/**
 * The face every vendor package shows, so that a consumer can loop over
 * vendors.
 */
import type { CreateResult, SendOptions } from "./client.js";
import type { FromResponseResult, ToRequestResult } from "./mapping.js";
import type { VendorSchema } from "./standard-schema.js";
import type { ValidationResult, VendorError } from "./validation.js";

export interface AuthScheme {
  /** Name of the scheme in the spec. */
  name: string;
  /** `http`, `apiKey`, `oauth2`, `openIdConnect`, `mutualTLS`, or `body` for a credential sent in the request body. */
  type: string;
  /** For `http`: `basic` or `bearer`. */
  scheme?: string;
  /** For `apiKey`: where the key goes and under which name. */
  in?: string;
  parameterName?: string;
}

export interface OperationInfo {
  operationId: string;
  method: string;
  /** Path template, with `{name}` for path parameters. */
  path: string;
  /** Server URL templates, with `{name}` for server variables. */
  servers: readonly string[];
  requestContentTypes: readonly string[];
  /** Alternatives: each entry is a set of schemes used together; an empty set means no auth is needed. */
  auth: readonly (readonly AuthScheme[])[];
  deprecated: boolean;
}

export interface VendorAdapter<RequestBody = unknown, Context = never, Customer = unknown> {
  /** The vendor's slug, the same as its spec's file name. */
  vendor: string;
  operation: OperationInfo;
  /** The vendor's documented errors: code, HTTP status, message, canonical kind and the rules each reports. */
  vendorErrors: readonly VendorError[];
  validateRequest(value: unknown): ValidationResult<RequestBody>;
  isRequest(value: unknown): value is RequestBody;
  /** The request body's Standard Schema v1 (`validateRequest` underneath), for tRPC, TanStack Form, Hono. */
  requestSchema: VendorSchema<RequestBody>;
  /** Validates a response body against the schema documented for its status. */
  validateResponse(status: number, body: unknown): ValidationResult<unknown>;
  /** The whole request for a canonical customer (present when the spec declares `x-mapping`). */
  toRequest?(customer: Customer, context: Context): ToRequestResult<RequestBody>;
  /** The vendor's answer as a canonical result (present when the spec declares `x-mapping`). */
  fromResponse?(status: number, body: unknown): FromResponseResult;
  /** Validate, map, send and read the answer (present when the spec declares `x-mapping`). */
  createCustomer?(customer: Customer, context: Context, options?: SendOptions): Promise<CreateResult>;
}
