/**
 * One customer, every vendor: the run-time half of the aggregate package a
 * generator run writes beside the vendor packages. `preflight` says, without
 * sending anything, what each vendor's `toRequest` would refuse;
 * `createEverywhere` creates the customer at each vendor, some at a time,
 * and never throws.
 */
import type { CreateResult, OptionsError, SendOptions } from "./client.js";
import type { CanonicalError, MappingError, ToRequestResult } from "./plan.js";

/** The inputs a vendor needs besides the customer (its spec's `x-context`). */
export interface ContextInputs {
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

/** What a preflight needs of a vendor: its mapper, and what its context holds. */
export interface PreflightVendor<Customer = unknown> {
  readonly slug: string;
  readonly name: string;
  readonly context: ContextInputs;
  /** `toRequest`: every problem, the context checked. */
  toRequest(customer: Customer, context: never): ToRequestResult<unknown>;
  /** The same mapping with the context left unchecked, for a preflight without credentials. */
  checkCustomer(customer: Customer, context: Record<string, unknown>): ToRequestResult<unknown>;
}

/** A vendor as the aggregate sees it: its adapter's mapper and client, and what its context holds. */
export interface VendorEntry<Customer = unknown> extends PreflightVendor<Customer> {
  createCustomer(customer: Customer, context: never, options?: SendOptions): Promise<CreateResult>;
}

/** One reason a vendor would refuse the customer: canonical field → vendor field, the rule and its limit. */
export interface Problem {
  kind: MappingError["kind"] | OptionsError["kind"];
  field: string;
  vendorField?: string;
  rule?: string;
  limit?: unknown;
  message: string;
}

export interface PreflightResult {
  vendor: string;
  name: string;
  /** `ok`: the request would be built and sent; `refuses`: it would not (see `problems`). */
  verdict: "ok" | "refuses";
  problems: Problem[];
  /** Required context inputs not given (the verdict is about the customer; these are needed to send). */
  missingContext: string[];
}

export type Contexts = Readonly<Record<string, Record<string, unknown> | undefined>>;

const asProblem = (error: MappingError | OptionsError): Problem => ({
  kind: error.kind,
  field: error.field,
  ...("vendorField" in error && error.vendorField !== undefined ? { vendorField: error.vendorField } : {}),
  ...("rule" in error && error.rule !== undefined ? { rule: error.rule } : {}),
  ...("limit" in error && error.limit !== undefined ? { limit: error.limit } : {}),
  message: error.message,
});

const isContextError = (error: MappingError) => error.kind === "invalid-context" || error.field.startsWith("context/");

/** One vendor's preflight: with its context, exactly what `toRequest` gives; without, the customer's problems and the inputs to add. */
function preflightOne<Customer>(
  vendor: PreflightVendor<Customer>,
  customer: Customer,
  context: Record<string, unknown> | undefined,
): PreflightResult {
  const given = context ?? {};
  const missingContext = vendor.context.required.filter((name) => given[name] === undefined);
  let errors: MappingError[];
  try {
    const built =
      missingContext.length === 0 ? vendor.toRequest(customer, given as never) : vendor.checkCustomer(customer, given);
    errors = built.ok ? [] : built.errors;
  } catch {
    // The mappers never throw; if one did, its message could hold a value, so it is not repeated.
    errors = [{ kind: "invalid-customer", field: "", message: "the mapper failed in an unexpected way" }];
  }
  // Without the whole context, what the missing inputs cause is said once, as missingContext.
  if (missingContext.length > 0) errors = errors.filter((error) => !isContextError(error));
  return {
    vendor: vendor.slug,
    name: vendor.name,
    verdict: errors.length === 0 ? "ok" : "refuses",
    problems: errors.map(asProblem),
    missingContext,
  };
}

/** For each vendor (in the order given), without sending anything: `ok`, or the exact problems `toRequest` would give, and the context inputs missing. */
export function preflight<Customer>(
  vendors: readonly PreflightVendor<Customer>[],
  customer: Customer,
  contexts: Contexts = {},
): PreflightResult[] {
  return vendors.map((vendor) => preflightOne(vendor, customer, contexts[vendor.slug]));
}

export interface EverywhereOptions extends SendOptions {
  /** Just these vendors (slugs); all by default. */
  vendors?: readonly string[];
  /** How many vendors are called at once: 1 to 64. Default 4. */
  concurrency?: number;
  /** Options for one vendor (a mock's `fetch`, a `baseUrl`), over the shared ones. */
  perVendor?: Readonly<Record<string, SendOptions | undefined>>;
}

/** One vendor's outcome. */
export type VendorOutcome =
  | { vendor: string; outcome: "created"; id: string; number?: string; createdAt?: string }
  /** Refused before sending (`sent: false`: the mapping or the context) or by the vendor, with its errors. */
  | { vendor: string; outcome: "refused"; sent: boolean; errors: (Problem | CanonicalError)[] }
  /** It may or may not have been made: a timeout after sending, an answer that could not be read. */
  | { vendor: string; outcome: "unknown"; errors: CanonicalError[] }
  /** Not made: the vendor could not be reached or said it is unavailable. */
  | { vendor: string; outcome: "unavailable"; errors: CanonicalError[] };

export interface EverywhereResult {
  results: VendorOutcome[];
  summary: Record<VendorOutcome["outcome"], string[]>;
}

/** A timed-out call had been sent: the vendor may have the customer. */
const mayHaveArrived = (error: CanonicalError) => error.kind === "unknown" || error.message === "timed out";

function outcomeOf(vendor: string, result: CreateResult): VendorOutcome {
  if (result.ok) {
    const { id, number, createdAt } = result;
    return {
      vendor,
      outcome: "created",
      id,
      ...(number !== undefined ? { number } : {}),
      ...(createdAt !== undefined ? { createdAt } : {}),
    };
  }
  if (!result.sent)
    return {
      vendor,
      outcome: "refused",
      sent: false,
      errors: result.errors.map(asProblem),
    };
  if (result.errors.some(mayHaveArrived)) return { vendor, outcome: "unknown", errors: result.errors };
  if (result.errors.some((error) => error.kind === "unavailable"))
    return { vendor, outcome: "unavailable", errors: result.errors };
  return { vendor, outcome: "refused", sent: true, errors: result.errors };
}

/**
 * Creates the customer at each selected vendor, at most `concurrency` at a time, each call bounded by its
 * `timeoutMs`. Never throws: one outcome per vendor, in the order given, and the vendors by outcome.
 */
export async function createEverywhere<Customer>(
  vendors: readonly VendorEntry<Customer>[],
  customer: Customer,
  contexts: Contexts,
  options: EverywhereOptions = {},
): Promise<EverywhereResult> {
  const { vendors: selected, concurrency = 4, perVendor = {}, ...shared } = options;
  const chosen = selected ? vendors.filter((vendor) => selected.includes(vendor.slug)) : [...vendors];
  const width = Number.isInteger(concurrency) ? Math.min(64, Math.max(1, concurrency)) : 4;
  const results: VendorOutcome[] = new Array(chosen.length);
  let next = 0;
  const worker = async () => {
    while (next < chosen.length) {
      const index = next++;
      const vendor = chosen[index] as VendorEntry<Customer>;
      let result: CreateResult;
      try {
        result = await vendor.createCustomer(customer, (contexts[vendor.slug] ?? {}) as never, {
          ...shared,
          ...perVendor[vendor.slug],
        });
      } catch {
        result = {
          ok: false,
          sent: true,
          status: 0,
          errors: [
            {
              kind: "unknown",
              code: undefined,
              message: "the call failed in an unexpected way; the vendor may or may not have the customer",
            },
          ],
        };
      }
      results[index] = outcomeOf(vendor.slug, result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, chosen.length) }, worker));
  const summary: EverywhereResult["summary"] = { created: [], refused: [], unknown: [], unavailable: [] };
  for (const result of results) summary[result.outcome].push(result.vendor);
  return { results, summary };
}
