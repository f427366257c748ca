/**
 * The named transforms a spec's `x-mapping` may use; vendor packages reach
 * them through their mapping plan.
 * The generator checks at generate time that each use fits both sides, so at
 * run time a transform only fails on a value it cannot express (an unknown
 * country, a value missing from a lookup table).
 */
import { countries, getCountryData, type TCountryCode } from "countries-list";

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

const isAlpha2 = (code: string): code is TCountryCode => Object.hasOwn(countries, code);

let alpha2ByAlpha3: Map<string, string> | undefined;
function alpha2Of(alpha3: string): string | undefined {
  // Built on first use from the same table, so that both directions agree.
  alpha2ByAlpha3 ??= new Map(Object.keys(countries).map((code) => [getCountryData(code as TCountryCode).iso3, code]));
  return alpha2ByAlpha3.get(alpha3);
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2}(?:\.\d+)?)([Zz]|[+-]\d{2}:\d{2})?$/;

export function applyTransform(
  name: TransformName,
  value: unknown,
  table?: Readonly<Record<string, unknown>>,
): TransformResult {
  switch (name) {
    case "copy":
      return { ok: true, value };
    case "string":
      return { ok: true, value: String(value) };
    case "country-alpha3": {
      const code = String(value);
      return isAlpha2(code)
        ? { ok: true, value: getCountryData(code).iso3 }
        : { ok: false, problem: "is not an ISO 3166-1 alpha-2 country code" };
    }
    case "country-alpha2": {
      const code = alpha2Of(String(value));
      return code === undefined
        ? { ok: false, problem: "is not an ISO 3166-1 alpha-3 country code" }
        : { ok: true, value: code };
    }
    case "date":
      // The calendar date as written, in the offset it was written in: a date-time is not moved to UTC first.
      return { ok: true, value: String(value).slice(0, 10) };
    case "date-time":
      return { ok: true, value: `${String(value)}T00:00:00Z` };
    case "local-date-time":
      // .NET style, no offset: a date of birth has no time zone.
      return { ok: true, value: `${String(value)}T00:00:00` };
    case "assume-utc": {
      const match = DATE_TIME.exec(String(value));
      if (!match) return { ok: false, problem: "is not a date-time" };
      return { ok: true, value: match[3] === undefined ? `${match[1]}T${match[2]}Z` : String(value) };
    }
    case "epoch-seconds": {
      const seconds = Number(value);
      if (!Number.isFinite(seconds)) return { ok: false, problem: "is not a number of seconds" };
      const date = new Date(seconds * 1000);
      return Number.isNaN(date.getTime())
        ? { ok: false, problem: "is out of range" }
        : { ok: true, value: date.toISOString().replace(".000Z", "Z") };
    }
    case "lookup": {
      const key = String(value);
      return table !== undefined && Object.hasOwn(table, key)
        ? { ok: true, value: table[key] }
        : { ok: false, problem: "has no counterpart at this vendor" };
    }
  }
}
