import { RequestBuilder } from "./build-request.js";
import { isRecord, readPath, readPointer, segments, writePath } from "./pointer.js";
function kindOfStatus(status) {
  if (status === 401 || status === 403) return "unauthorized";
  if (status === 404) return "not-found";
  if (status === 409) return "duplicate";
  if (status === 400 || status === 422) return "invalid-field";
  if (status === 502 || status === 503 || status === 504) return "unavailable";
  return "unknown";
}
function canonicalError(plan, status, code, message) {
  const known = plan.errors.find((error) => String(error.code) === String(code) && (error.status === status || status === 200)) ?? plan.errors.find((error) => String(error.code) === String(code));
  const ofStatus = plan.errors.filter((error) => error.status === status);
  const documented = known ?? (code === void 0 && ofStatus.length === 1 ? ofStatus[0] : void 0);
  const text = typeof message === "string" ? message : documented?.message ?? `the vendor answered ${status}`;
  const found = {
    kind: documented?.kind ?? kindOfStatus(status),
    code: typeof code === "string" || typeof code === "number" ? code : void 0,
    message: text
  };
  const field = known?.fields?.length === 1 ? known.fields[0] : void 0;
  if (field !== void 0) found.field = field;
  return found;
}
function vendorFieldPointer(name) {
  const pointer = name.startsWith("/") ? name : `/${name.replace(/^\$\.?/, "").replace(/\[(\d+)\]/g, ".$1").split(".").filter((part) => part !== "").join("/")}`;
  return pointer.replace(/\/\d+(?=\/|$)/g, "/*");
}
function fieldErrors(plan, error, named) {
  if (!isRecord(named)) return [error];
  const sources = Object.entries(plan.fieldSources ?? {});
  const errors = Object.entries(named).map(([name, text]) => {
    const pointer = vendorFieldPointer(name).toLowerCase();
    const field = sources.find(([vendor]) => vendor.toLowerCase() === pointer)?.[1];
    const message = Array.isArray(text) && typeof text[0] === "string" ? text.join(" ") : typeof text === "string" ? text : error.message;
    return {
      kind: error.kind,
      code: error.code,
      message,
      vendorField: name,
      ...field === void 0 ? {} : { field }
    };
  });
  return errors.length > 0 ? errors : [error];
}
function errorBody(location, code, message) {
  const item = {};
  writePath(item, segments(location.code), code);
  if (location.message !== void 0) writePath(item, segments(location.message), message);
  const body = location.list === void 0 ? item : {};
  if (location.list !== void 0) writePath(body, segments(location.list), [item]);
  if (location.when !== void 0) writePath(body, segments(location.when.pointer), location.when.equals);
  return body;
}
const isId = (value) => typeof value === "string" && value !== "" || typeof value === "number" && Number.isFinite(value);
const unknownAnswer = (status, message) => ({
  ok: false,
  status,
  errors: [{ kind: "unknown", code: void 0, message }]
});
function readResponse(plan, status, body, validate) {
  try {
    const location = plan.errorLocations.find(
      (candidate) => candidate.status === String(status) && (candidate.when === void 0 || readPointer(body, candidate.when.pointer) === candidate.when.equals)
    );
    if (location !== void 0) {
      const items = location.list === void 0 ? [body] : readPointer(body, location.list);
      const errors = (Array.isArray(items) ? items : []).flatMap((item) => {
        const found = canonicalError(
          plan,
          status,
          readPointer(item, location.code),
          location.message === void 0 ? void 0 : readPointer(item, location.message)
        );
        return location.fields === void 0 ? [found] : fieldErrors(plan, found, readPointer(item, location.fields));
      });
      return {
        ok: false,
        status,
        errors: errors.length > 0 ? errors : [canonicalError(plan, status, void 0, void 0)]
      };
    }
    if (status < 200 || status > 299)
      return { ok: false, status, errors: [canonicalError(plan, status, void 0, void 0)] };
    const checked = validate?.(status, body);
    if (checked !== void 0 && !checked.ok)
      return unknownAnswer(
        status,
        `the vendor's success answer does not match its documented schema (${checked.errors[0]?.message ?? "invalid"}), so its id is not believed`
      );
    const result = {};
    const builder = new RequestBuilder(body, {});
    builder.apply(plan.response, "", "/body");
    for (const key of ["id", "number", "createdAt"]) {
      const value = readPath(builder.parts.body, [key]);
      if (isId(value)) result[key] = String(value);
      else if (key === "id" && value !== void 0 && value !== null)
        return unknownAnswer(status, "the vendor's success answer carries an id that is not text or a number");
    }
    if (builder.errors.length > 0 || typeof result.id !== "string")
      return unknownAnswer(status, "the vendor's success answer carries no customer id");
    return { ok: true, ...result };
  } catch {
    return unknownAnswer(status, "the vendor's answer could not be read");
  }
}
export {
  errorBody,
  readResponse,
  vendorFieldPointer
};
//# sourceMappingURL=read-response.js.map
