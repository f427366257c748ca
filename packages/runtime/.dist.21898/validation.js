import { formats, isIri, isIriReference, isUri } from "./format-set.js";
import { EMAIL, IDN_EMAIL, isDate, isDateTime, isInt32, UUID } from "./formats.js";
import { equal } from "./equal.js";
function vendorRules(errors, location) {
  return errors.flatMap(
    (error) => error.rules.filter((rule) => rule.in === location).map((rule) => ({ path: rule.path, keywords: rule.keywords, code: error.code, message: error.message }))
  );
}
const ARRAY_INDEX = /\/\d+(?=\/|$)/g;
function vendorRuleFor(rules, path, keyword) {
  const pattern = path.replace(ARRAY_INDEX, "/*");
  return rules.find((rule) => rule.path === pattern && rule.keywords.includes(keyword));
}
function isForeignObject(value) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype !== Object.prototype && prototype !== null;
}
function runValidator(validate, value, rules = []) {
  let valid;
  try {
    if (isForeignObject(value))
      return {
        ok: false,
        errors: [
          { path: "", rule: "type", message: "the value is not plain JSON data (a Date, Map or class instance)" }
        ]
      };
    valid = validate(value);
  } catch {
    return { ok: false, errors: [{ path: "", rule: "readable", message: "the value could not be read" }] };
  }
  if (valid) return { ok: true, value };
  const errors = (validate.errors ?? []).map((error) => {
    const missing = error.params.missingProperty;
    const path = typeof missing === "string" ? `${error.instancePath}/${missing}` : error.instancePath;
    const found = {
      path,
      rule: error.keyword,
      message: `${path || "the value"} ${error.message ?? `breaks ${error.keyword}`}`
    };
    const vendor = vendorRuleFor(rules, path, error.keyword);
    if (vendor) {
      found.vendorCode = vendor.code;
      found.vendorMessage = vendor.message;
    }
    return found;
  });
  return { ok: false, errors };
}
function passes(validate, value) {
  try {
    return validate(value) && !isForeignObject(value);
  } catch {
    return false;
  }
}
const HIGH_SURROGATE = /[\uD800-\uDBFF]/;
function ucs2length(text) {
  if (!HIGH_SURROGATE.test(text)) return text.length;
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    length++;
    const unit = text.charCodeAt(index);
    if (unit >= 55296 && unit <= 56319 && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 56320 && next <= 57343) index++;
    }
  }
  return length;
}
export {
  EMAIL,
  IDN_EMAIL,
  UUID,
  equal,
  formats,
  isDate,
  isDateTime,
  isInt32,
  isIri,
  isIriReference,
  isUri,
  passes,
  runValidator,
  ucs2length,
  vendorRules
};
//# sourceMappingURL=validation.js.map
