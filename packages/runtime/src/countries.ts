/**
 * The country transforms (`country-alpha3`, `country-alpha2`), apart from
 * the others because they carry the ISO 3166-1 table (`countries-list`):
 * only a vendor whose plan uses one bundles it.
 */
import { countries, getCountryData, type TCountryCode } from "countries-list";
import type { Transform } from "./transforms.js";

const isAlpha2 = (code: string): code is TCountryCode => Object.hasOwn(countries, code);

let alpha2ByAlpha3: Map<string, string> | undefined;
function alpha2Of(alpha3: string): string | undefined {
  // Built on first use from the same table, so that both directions agree.
  alpha2ByAlpha3 ??= new Map(Object.keys(countries).map((code) => [getCountryData(code as TCountryCode).iso3, code]));
  return alpha2ByAlpha3.get(alpha3);
}

export const countryAlpha3: Transform = (value) => {
  const code = String(value);
  return isAlpha2(code)
    ? { ok: true, value: getCountryData(code).iso3 }
    : { ok: false, problem: "is not an ISO 3166-1 alpha-2 country code" };
};

export const countryAlpha2: Transform = (value) => {
  const code = alpha2Of(String(value));
  return code === undefined
    ? { ok: false, problem: "is not an ISO 3166-1 alpha-3 country code" }
    : { ok: true, value: code };
};
