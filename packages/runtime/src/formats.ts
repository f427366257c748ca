/**
 * The formats the project asserts, for the generated guards and (as
 * `formats`) for the compiled ajv validators alike: ajv-formats' full mode,
 * corrected where it departs from the RFCs (docs/spec-conventions.md):
 * `date-time` wants a `±HH:MM` offset and hours up to 23 (RFC 3339), `uuid`
 * no `urn:uuid:` prefix (RFC 4122's string form), `uri` a numeric port (RFC
 * 3986), and `email` takes a quoted local part (RFC 5321). `date`,
 * `date-time` and `int32` are read character by character instead of split
 * and matched with regular expressions: on the guards' hot path they cost a
 * fraction of the library's time. test/fuzz/formats.test.ts holds them to
 * ajv-formats, with these corrections, on thousands of near-misses. The
 * checks built on ajv-formats (`uri`, the IRIs, and the whole set ajv is
 * given) are in `format-set.ts`, so that a guard that checks dates only
 * bundles none of ajv-formats.
 */

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const HYPHEN = 45;
const COLON = 58;
const DOT = 46;
/** Any other separator ajv-formats splits a date-time on (`\s`: tabs, line ends, Unicode spaces). */
const WHITESPACE = /^\s$/;

/** The two ASCII digits at `index` as a number, or -1. */
function twoDigits(text: string, index: number): number {
  const tens = text.charCodeAt(index) - 48;
  const ones = text.charCodeAt(index + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** `YYYY-MM-DD` in the first ten characters, a day that exists (RFC 3339 full-date). */
function dateAtStart(text: string): boolean {
  const century = twoDigits(text, 0);
  const years = twoDigits(text, 2);
  if (century < 0 || years < 0 || text.charCodeAt(4) !== HYPHEN || text.charCodeAt(7) !== HYPHEN) return false;
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(century * 100 + years) ? 29 : (DAYS_IN_MONTH[month] as number));
}

/** RFC 3339 full-date, as ajv-formats' `date`. */
export function isDate(text: string): boolean {
  return text.length === 10 && dateAtStart(text);
}

/** `HH:MM:SS[.fraction](Z|±HH:MM)` from `start` to the end, as RFC 3339's `full-time`, leap seconds included. */
function timeFrom(text: string, start: number): boolean {
  const hour = twoDigits(text, start);
  const minute = twoDigits(text, start + 3);
  const whole = twoDigits(text, start + 6);
  if (
    hour < 0 ||
    minute < 0 ||
    whole < 0 ||
    text.charCodeAt(start + 2) !== COLON ||
    text.charCodeAt(start + 5) !== COLON
  )
    return false;
  // ajv-formats lets a leap second carry the hour to 24; RFC 3339 does not.
  if (hour > 23 || minute > 59) return false;
  let index = start + 8;
  let second = whole;
  if (text.charCodeAt(index) === DOT) {
    const digits = ++index;
    while (index < text.length && text.charCodeAt(index) >= 48 && text.charCodeAt(index) <= 57) index++;
    if (index === digits) return false;
    // The library reads the seconds as a number: a long fraction can round up to the next second.
    second = Number(text.slice(start + 6, index));
  }
  const zone = text.charCodeAt(index);
  let sign = 1;
  let zoneHours = 0;
  let zoneMinutes = 0;
  if (zone === 90 || zone === 122) index++;
  else if (zone === 43 || zone === HYPHEN) {
    sign = zone === HYPHEN ? -1 : 1;
    // RFC 3339's offset is `±HH:MM`; ajv-formats also takes `±HH` and `±HHMM`.
    zoneHours = twoDigits(text, index + 1);
    if (text.charCodeAt(index + 3) !== COLON) return false;
    zoneMinutes = twoDigits(text, index + 4);
    index += 6;
    if (zoneHours < 0 || zoneMinutes < 0) return false;
  } else return false;
  if (index !== text.length || zoneHours > 23 || zoneMinutes > 59) return false;
  if (hour <= 23 && minute <= 59 && second < 60) return true;
  const utcMinute = minute - zoneMinutes * sign;
  const utcHour = hour - zoneHours * sign - (utcMinute < 0 ? 1 : 0);
  return (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1) && second < 61;
}

/** RFC 3339 date-time with a time zone. */
export function isDateTime(text: string): boolean {
  if (text.length < 20 || !dateAtStart(text)) return false;
  const separator = text.charCodeAt(10);
  return (
    (separator === 84 || separator === 116 || separator === 32 || WHITESPACE.test(text.charAt(10))) &&
    timeFrom(text, 11)
  );
}

/** ajv-formats' `int32`: an integer that fits in 32 bits, signed. */
export function isInt32(value: number): boolean {
  return Number.isInteger(value) && value <= 2147483647 && value >= -2147483648;
}

/** A format as ajv's compiled code calls it (`formats0.validate(value)`); `type` is the JSON type it applies to. */
export interface FormatDefinition {
  readonly type?: "number" | "string";
  readonly validate: (value: never) => boolean;
}

/**
 * The formats checked here, as the compiled validators call them, with the
 * very functions `format-set.ts` gives ajv: compiled code that calls no other
 * format imports these and loads no ajv-formats.
 */
export const formatDefinitions: Readonly<Record<string, FormatDefinition>> = {
  "date-time": { validate: isDateTime },
  int32: { type: "number", validate: isInt32 },
};

/** RFC 4122 string form: hex groups 8-4-4-4-12, no `urn:uuid:` prefix. */
export const UUID: RegExp = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

/** RFC 5321 mailbox: a dot-atom or a quoted local part, `@`, and a domain of LDH labels (ajv-formats' domain). */
export const EMAIL: RegExp =
  /^(?:[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*|"(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\[\x20-\x7e])*")@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/** RFC 6531 mailbox: `email` with any non-ASCII character also allowed in the local part and the domain labels. */
export const IDN_EMAIL: RegExp =
  /^(?:[a-z0-9!#$%&'*+/=?^_`{|}~\u0080-\u{10ffff}-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~\u0080-\u{10ffff}-]+)*|"(?:[\x20\x21\x23-\x5b\x5d-\x7e\u0080-\u{10ffff}]|\\[\x20-\x7e])*")@(?:[a-z0-9\u0080-\u{10ffff}](?:[a-z0-9\u0080-\u{10ffff}-]*[a-z0-9\u0080-\u{10ffff}])?\.)+[a-z0-9\u0080-\u{10ffff}](?:[a-z0-9\u0080-\u{10ffff}-]*[a-z0-9\u0080-\u{10ffff}])?$/iu;
