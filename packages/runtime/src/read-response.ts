/** The vendor's answer to a canonical result (the new customer's id, or its errors), by the plan. Never throws. */
import type { CanonicalError, ErrorLocation, FromResponseResult, MappingPlan } from "./plan.js";
import { RequestBuilder } from "./build-request.js";
import { isRecord, type Json, readPath, readPointer, segments, writePath } from "./pointer.js";
import type { ErrorKind, ValidationResult } from "./validation.js";

function kindOfStatus(status: number): ErrorKind {
  if (status === 401 || status === 403) return "unauthorized";
  if (status === 404) return "not-found";
  if (status === 409) return "duplicate";
  if (status === 400 || status === 422) return "invalid-field";
  if (status === 502 || status === 503 || status === 504) return "unavailable";
  return "unknown";
}

function canonicalError(plan: MappingPlan, status: number, code: unknown, message: unknown): CanonicalError {
  const known =
    plan.errors.find((error) => String(error.code) === String(code) && (error.status === status || status === 200)) ??
    plan.errors.find((error) => String(error.code) === String(code));
  // An answer without a code (a bare 402, a 401 body with only a message) is its status's error when the spec documents just one.
  const ofStatus = plan.errors.filter((error) => error.status === status);
  const documented = known ?? (code === undefined && ofStatus.length === 1 ? ofStatus[0] : undefined);
  const text = typeof message === "string" ? message : (documented?.message ?? `the vendor answered ${status}`);
  const found: CanonicalError = {
    kind: documented?.kind ?? kindOfStatus(status),
    code: typeof code === "string" || typeof code === "number" ? code : undefined,
    message: text,
  };
  // An error that covers several fields (a generic "validation failed") names none.
  const field = known?.fields?.length === 1 ? known.fields[0] : undefined;
  if (field !== undefined) found.field = field;
  return found;
}

/** `BillingAddress.City`, `$.Lines[0].Zip` or `/BillingAddress/City` → a body pointer with list indexes as `*`. */
export function vendorFieldPointer(name: string): string {
  const pointer = name.startsWith("/")
    ? name
    : `/${name
        .replace(/^\$\.?/, "")
        .replace(/\[(\d+)\]/g, ".$1")
        .split(".")
        .filter((part) => part !== "")
        .join("/")}`;
  return pointer.replace(/\/\d+(?=\/|$)/g, "/*");
}

/** The canonical field feeding a vendor's field (a name, a dotted path or a pointer), by the plan's `fieldSources`. */
function canonicalFieldOf(plan: MappingPlan, name: string): string | undefined {
  const pointer = vendorFieldPointer(name).toLowerCase();
  // Case-insensitive: .NET and Java binders report a field in the casing of the model, not always of the JSON.
  return Object.entries(plan.fieldSources ?? {}).find(([vendor]) => vendor.toLowerCase() === pointer)?.[1];
}

/**
 * The error with the field its answer names (`x-error-body`'s `field`), where it names one: the vendor's name and,
 * through the mapping, the canonical field. The field of the code's `x-errors` rule is kept only where the answer
 * names none: a code's rule says what usually fails, the answer what failed.
 */
function attributed(plan: MappingPlan, error: CanonicalError, named: unknown): CanonicalError {
  if (typeof named !== "string" || named === "") return error;
  const { field: _byRule, ...rest } = error;
  const field = canonicalFieldOf(plan, named);
  return { ...rest, vendorField: named, ...(field === undefined ? {} : { field }) };
}

/** One error per field a vendor's error names (`{ "BillingAddress.City": "required" }`), each with the vendor's name and, where the mapping feeds it, the canonical field; the error itself when it names none. */
function fieldErrors(plan: MappingPlan, error: CanonicalError, named: unknown): CanonicalError[] {
  if (!isRecord(named)) return [error];
  const errors = Object.entries(named).map(([name, text]): CanonicalError => {
    const field = canonicalFieldOf(plan, name);
    const message =
      Array.isArray(text) && typeof text[0] === "string"
        ? text.join(" ")
        : typeof text === "string"
          ? text
          : error.message;
    return {
      kind: error.kind,
      code: error.code,
      message,
      vendorField: name,
      ...(field === undefined ? {} : { field }),
    };
  });
  return errors.length > 0 ? errors : [error];
}

/**
 * A vendor error body laid out as its `x-error-body` says: the code and message in place, in a list and under the
 * failure flag where there are ones. Built on `template` where given (a sample of the status's documented schema,
 * so that what else the schema requires is there), else from nothing.
 */
export function errorBody(
  location: ErrorLocation,
  code: string | number | undefined,
  message: string,
  template?: unknown,
): unknown {
  const body: Json = isRecord(template) && !Array.isArray(template) ? structuredClone(template) : {};
  const listed = location.list === undefined ? undefined : readPointer(body, location.list);
  const first = Array.isArray(listed) ? listed[0] : undefined;
  const item: Json = location.list === undefined ? body : isRecord(first) ? { ...first } : {};
  if (code !== undefined) writePath(item, segments(location.code), code);
  if (location.message !== undefined) writePath(item, segments(location.message), message);
  if (location.list !== undefined) writePath(body, segments(location.list), [item]);
  if (location.when !== undefined) writePath(body, segments(location.when.pointer), location.when.equals);
  return body;
}

/** An id as the vendor may give one: text that is not empty, or a finite number; never an object, a list or a flag. */
const isId = (value: unknown): boolean =>
  (typeof value === "string" && value !== "") || (typeof value === "number" && Number.isFinite(value));

const unknownAnswer = (status: number, message: string): FromResponseResult => ({
  ok: false,
  status,
  errors: [{ kind: "unknown", code: undefined, message }],
});

/** A number `JSON.parse` may have rounded: an integer past 2^53 (or a float as large), which no id can be read from. */
const rounded = (value: unknown): boolean =>
  typeof value === "number" && Number.isFinite(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER;

/**
 * The vendor's answer → a canonical result: the new customer's id, or its errors. With `validate` (the package's
 * `validateResponse`), a success is believed only when its body passes it. An id past 2^53 is read from
 * `exactBody` (the same body with such integers kept as their digits, as the client parses it); without it the
 * result is `unknown`, since the parsed number is not the vendor's id. Never throws.
 */
export function readResponse(
  plan: MappingPlan,
  status: number,
  body: unknown,
  validate?: (status: number, body: unknown) => ValidationResult<unknown>,
  exactBody?: unknown,
): FromResponseResult {
  try {
    const location = plan.errorLocations.find(
      (candidate) =>
        candidate.status === String(status) &&
        (candidate.when === undefined || readPointer(body, candidate.when.pointer) === candidate.when.equals),
    );
    if (location !== undefined) {
      const items = location.list === undefined ? [body] : readPointer(body, location.list);
      const errors = (Array.isArray(items) ? items : []).flatMap((item) => {
        const found = canonicalError(
          plan,
          status,
          readPointer(item, location.code),
          location.message === undefined ? undefined : readPointer(item, location.message),
        );
        if (location.fields !== undefined) return fieldErrors(plan, found, readPointer(item, location.fields));
        return location.field === undefined ? [found] : [attributed(plan, found, readPointer(item, location.field))];
      });
      return {
        ok: false,
        status,
        errors: errors.length > 0 ? errors : [canonicalError(plan, status, undefined, undefined)],
      };
    }
    if (status < 200 || status > 299)
      return { ok: false, status, errors: [canonicalError(plan, status, undefined, undefined)] };
    const checked = validate?.(status, body);
    if (checked !== undefined && !checked.ok)
      return unknownAnswer(
        status,
        `the vendor's success answer does not match its documented schema (${checked.errors[0]?.message ?? "invalid"}), so its id is not believed`,
      );
    const result: Json = {};
    const builder = new RequestBuilder(body, {}, plan.transforms);
    builder.apply(plan.response, "", "/body");
    const exact = exactBody === undefined ? undefined : new RequestBuilder(exactBody, {}, plan.transforms);
    exact?.apply(plan.response, "", "/body");
    for (const key of ["id", "number", "createdAt"]) {
      let value = readPath(builder.parts.body, [key]);
      if (rounded(value)) {
        value = exact === undefined ? undefined : readPath(exact.parts.body, [key]);
        if (typeof value !== "string" || !/^-?\d+$/.test(value))
          return unknownAnswer(
            status,
            `the vendor's success answer carries a ${key} past 2^53, which cannot be read exactly from a parsed body`,
          );
      }
      if (isId(value)) result[key] = String(value);
      else if (key === "id" && value !== undefined && value !== null)
        return unknownAnswer(status, "the vendor's success answer carries an id that is not text or a number");
    }
    if (builder.errors.length > 0 || typeof result.id !== "string")
      return unknownAnswer(status, "the vendor's success answer carries no customer id");
    return { ok: true, ...(result as { id: string }) };
  } catch {
    return unknownAnswer(status, "the vendor's answer could not be read");
  }
}
