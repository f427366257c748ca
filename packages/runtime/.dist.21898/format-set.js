import { fullFormats } from "ajv-formats/dist/formats.js";
import { EMAIL, IDN_EMAIL, isDateTime, UUID } from "./formats.js";
const libraryUri = fullFormats.uri;
function isUri(text) {
  if (!libraryUri(text)) return false;
  const authority = /^[a-z][a-z0-9+\-.]*:\/\/([^/?#]*)/i.exec(text)?.[1];
  if (authority === void 0) return true;
  const host = authority.slice(authority.lastIndexOf("@") + 1);
  const port = host.startsWith("[") ? host.slice(host.indexOf("]") + 1) : host.slice(host.indexOf(":") < 0 ? host.length : host.indexOf(":"));
  return /^(:\d*)?$/.test(port);
}
const asUriText = (text) => text.replace(/[\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]|[\ud800-\udbff][\udc00-\udfff]/g, "%41");
const isIri = (text) => isUri(asUriText(text));
const isIriReference = (text) => fullFormats["uri-reference"].test(asUriText(text));
const formats = {
  ...fullFormats,
  "date-time": { ...fullFormats["date-time"], validate: isDateTime },
  uri: isUri,
  uuid: UUID,
  email: EMAIL,
  "idn-email": IDN_EMAIL,
  iri: isIri,
  "iri-reference": isIriReference
};
export {
  formats,
  isIri,
  isIriReference,
  isUri
};
//# sourceMappingURL=format-set.js.map
