/**
 * The named transforms a spec's `x-mapping` may use, one export each
 * (`assume-utc` is `assumeUtc`); the country ones are in `./countries`.
 * A generated mapper imports the ones its plan uses, by name, and passes
 * them in the plan's `transforms`: the runtime picks none by string, so a
 * bundle holds only what its vendor uses.
 * The generator checks at generate time that each use fits both sides, so at
 * run time a transform only fails on a value it cannot express (an unknown
 * country, a value missing from a lookup table).
 */

export type TransformName =
  | "copy"
  | "country-alpha3"
  | "country-alpha2"
  | "date"
  | "date-time"
  | "local-date-time"
  | "assume-utc"
  | "epoch-seconds"
  | "string"
  | "lookup";

/** A transform's answer: the value, or why the value cannot be expressed. */
export type TransformResult = { ok: true; value: unknown } | { ok: false; problem: string };

/** One transform: the value (and, for `lookup`, its table) to what the vendor takes. */
export type Transform = (value: unknown, table?: Readonly<Record<string, unknown>>) => TransformResult;

/** The transforms a plan uses, by name. */
export type Transforms = Readonly<Partial<Record<TransformName, Transform>>>;

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2}(?:\.\d+)?)([Zz]|[+-]\d{2}:\d{2})?$/;

export const copy: Transform = (value) => ({ ok: true, value });

export const string: Transform = (value) => ({ ok: true, value: String(value) });

/** The calendar date as written, in the offset it was written in: a date-time is not moved to UTC first. */
export const date: Transform = (value) => ({ ok: true, value: String(value).slice(0, 10) });

export const dateTime: Transform = (value) => ({ ok: true, value: `${String(value)}T00:00:00Z` });

/** .NET style, no offset: a date of birth has no time zone. */
export const localDateTime: Transform = (value) => ({ ok: true, value: `${String(value)}T00:00:00` });

export const assumeUtc: Transform = (value) => {
  const match = DATE_TIME.exec(String(value));
  if (!match) return { ok: false, problem: "is not a date-time" };
  return { ok: true, value: match[3] === undefined ? `${match[1]}T${match[2]}Z` : String(value) };
};

export const epochSeconds: Transform = (value) => {
  const seconds = Number(value);
  if (!Number.isFinite(seconds)) return { ok: false, problem: "is not a number of seconds" };
  const when = new Date(seconds * 1000);
  return Number.isNaN(when.getTime())
    ? { ok: false, problem: "is out of range" }
    : { ok: true, value: when.toISOString().replace(".000Z", "Z") };
};

export const lookup: Transform = (value, table) => {
  const key = String(value);
  return table !== undefined && Object.hasOwn(table, key)
    ? { ok: true, value: table[key] }
    : { ok: false, problem: "has no counterpart at this vendor" };
};
