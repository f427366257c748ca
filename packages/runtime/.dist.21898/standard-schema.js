const STANDARD_SCHEMA_VENDOR = "customer-adapters";
const INDEX = /^(?:0|[1-9]\d*)$/;
function pathSegments(pointer, value) {
  if (pointer === "") return [];
  let current = value;
  return pointer.slice(1).split("/").map((raw) => {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    let list = false;
    try {
      list = Array.isArray(current);
      current = current !== null && typeof current === "object" ? current[key] : void 0;
    } catch {
      current = void 0;
    }
    return list && INDEX.test(key) ? Number(key) : key;
  });
}
function issueOf(error, value) {
  return {
    message: error.message,
    path: pathSegments(error.path, value),
    rule: error.rule,
    ...error.vendorCode === void 0 ? {} : { vendorCode: error.vendorCode },
    ...error.vendorMessage === void 0 ? {} : { vendorMessage: error.vendorMessage }
  };
}
function standardSchema(validate) {
  return {
    "~standard": {
      version: 1,
      vendor: STANDARD_SCHEMA_VENDOR,
      validate(value) {
        const result = validate(value);
        return result.ok ? { value: result.value } : { issues: result.errors.map((error) => issueOf(error, value)) };
      }
    }
  };
}
export {
  STANDARD_SCHEMA_VENDOR,
  pathSegments,
  standardSchema
};
//# sourceMappingURL=standard-schema.js.map
