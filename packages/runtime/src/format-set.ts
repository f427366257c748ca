/**
 * The format checks built on ajv-formats: `uri` with a numeric port, the IRI
 * forms, and `formats`, the whole set the compiled ajv validators are given
 * (ajv-formats' full mode with the corrections of `formats.ts`).
 */
import { fullFormats } from "ajv-formats/dist/formats.js";
import { EMAIL, formatDefinitions, IDN_EMAIL, UUID } from "./formats.js";

type Check = (text: string) => boolean;
const libraryUri = fullFormats.uri as Check;

/**
 * RFC 3986 URI: ajv-formats' check, and a port of digits only (the
 * library reads `//host:abc/path` as a path when the port is not a number).
 */
export function isUri(text: string): boolean {
  if (!libraryUri(text)) return false;
  const authority = /^[a-z][a-z0-9+\-.]*:\/\/([^/?#]*)/i.exec(text)?.[1];
  if (authority === undefined) return true;
  const host = authority.slice(authority.lastIndexOf("@") + 1);
  const port = host.startsWith("[")
    ? host.slice(host.indexOf("]") + 1)
    : host.slice(host.indexOf(":") < 0 ? host.length : host.indexOf(":"));
  return /^(:\d*)?$/.test(port);
}

/** A character an IRI may hold where a URI holds a percent-encoded one (RFC 3987 `ucschar`), as one for the URI check. */
const asUriText = (text: string) =>
  text.replace(/[\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]|[\ud800-\udbff][\udc00-\udfff]/g, "%41");

/** RFC 3987 IRI: a URI in which `ucschar` characters may stand unencoded. */
export const isIri = (text: string): boolean => isUri(asUriText(text));

/** RFC 3987 IRI reference. */
export const isIriReference = (text: string): boolean => (fullFormats["uri-reference"] as RegExp).test(asUriText(text));

/** Every format the validators know: ajv-formats' full set with the corrections above, and the IRI and IDN forms. */
export const formats: Record<string, unknown> = {
  ...fullFormats,
  // ajv-formats' definitions (their `compare` too) with this runtime's checks: the same functions as `formatDefinitions`.
  "date-time": { ...(fullFormats["date-time"] as object), ...formatDefinitions["date-time"] },
  int32: { ...(fullFormats.int32 as object), ...formatDefinitions.int32 },
  uri: isUri,
  uuid: UUID,
  email: EMAIL,
  "idn-email": IDN_EMAIL,
  iri: isIri,
  "iri-reference": isIriReference,
};
