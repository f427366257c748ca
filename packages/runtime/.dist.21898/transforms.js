import { countries, getCountryData } from "countries-list";
const isAlpha2 = (code) => Object.hasOwn(countries, code);
let alpha2ByAlpha3;
function alpha2Of(alpha3) {
  alpha2ByAlpha3 ??= new Map(Object.keys(countries).map((code) => [getCountryData(code).iso3, code]));
  return alpha2ByAlpha3.get(alpha3);
}
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2}(?:\.\d+)?)([Zz]|[+-]\d{2}:\d{2})?$/;
function applyTransform(name, value, table) {
  switch (name) {
    case "copy":
      return { ok: true, value };
    case "string":
      return { ok: true, value: String(value) };
    case "country-alpha3": {
      const code = String(value);
      return isAlpha2(code) ? { ok: true, value: getCountryData(code).iso3 } : { ok: false, problem: "is not an ISO 3166-1 alpha-2 country code" };
    }
    case "country-alpha2": {
      const code = alpha2Of(String(value));
      return code === void 0 ? { ok: false, problem: "is not an ISO 3166-1 alpha-3 country code" } : { ok: true, value: code };
    }
    case "date":
      return { ok: true, value: String(value).slice(0, 10) };
    case "date-time":
      return { ok: true, value: `${String(value)}T00:00:00Z` };
    case "local-date-time":
      return { ok: true, value: `${String(value)}T00:00:00` };
    case "assume-utc": {
      const match = DATE_TIME.exec(String(value));
      if (!match) return { ok: false, problem: "is not a date-time" };
      return { ok: true, value: match[3] === void 0 ? `${match[1]}T${match[2]}Z` : String(value) };
    }
    case "epoch-seconds": {
      const seconds = Number(value);
      if (!Number.isFinite(seconds)) return { ok: false, problem: "is not a number of seconds" };
      const date = new Date(seconds * 1e3);
      return Number.isNaN(date.getTime()) ? { ok: false, problem: "is out of range" } : { ok: true, value: date.toISOString().replace(".000Z", "Z") };
    }
    case "lookup": {
      const key = String(value);
      return table !== void 0 && Object.hasOwn(table, key) ? { ok: true, value: table[key] } : { ok: false, problem: "has no counterpart at this vendor" };
    }
  }
}
export {
  applyTransform
};
//# sourceMappingURL=transforms.js.map
