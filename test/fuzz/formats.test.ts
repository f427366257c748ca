// The guards' own `date`, `date-time` and `int32` checks must give ajv-formats' verdict
// (for `date-time`, corrected where the library departs from RFC 3339: the offset is
// `±HH:MM`, the hour at most 23 even in a leap second; docs/spec-conventions.md)
// on every string: valid values, each character swapped, dropped or doubled,
// leap days and seconds, time zones at and past their limits, every kind of
// whitespace as the separator, and random strings built from the characters
// the grammar uses.
import { fullFormats } from "ajv-formats/dist/formats.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDate, isDateTime, isInt32 } from "@customer-adapters/runtime/formats";

const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);
const libraryDateTime = (fullFormats["date-time"] as { validate: (text: string) => boolean }).validate;
/** RFC 3339's own limits ajv-formats does not apply: a `±HH:MM` offset (or `Z`), hours 00-23, minutes 00-59. */
const rfcLimits = (text: string) =>
  /(?:[Zz]|[+-]\d\d:\d\d)$/.test(text) && Number(text.slice(11, 13)) <= 23 && Number(text.slice(14, 16)) <= 59;
const library = {
  date: (fullFormats.date as { validate: (text: string) => boolean }).validate,
  "date-time": (text: string) => libraryDateTime(text) && rfcLimits(text),
};
const ours = { date: isDate, "date-time": isDateTime };

const valid = [
  "2024-02-29T23:59:60Z",
  "1990-12-31T23:59:60.5+00:00",
  "2000-01-01t00:00:00z",
  "2023-06-15 08:30:00.123456789-05:30",
  "2023-06-15T08:30:00+0530",
  "2023-06-15T08:30:00+05",
  "2023-06-15T24:00:60+01:00",
  "2023-06-15T23:59:59.99999999999999999Z",
  "2023-06-15T00:59:60+01:00",
  "2023-06-15T22:59:60-01:00",
];
const units = [
  "0",
  "1",
  "2",
  "3",
  "5",
  "9",
  "-",
  ":",
  ".",
  "+",
  "T",
  "t",
  "Z",
  "z",
  " ",
  "\t",
  "\u00a0",
  "\u2028",
  "\ufeff",
  "x",
  "é",
  "😀",
  "٣",
];

/** Every one-character change of `text`: swap, drop, double, insert. */
function nearMisses(text: string): string[] {
  const found: string[] = [];
  for (let index = 0; index <= text.length; index++) {
    for (const unit of units) {
      found.push(text.slice(0, index) + unit + text.slice(index + 1), text.slice(0, index) + unit + text.slice(index));
    }
    found.push(text.slice(0, index) + text.slice(index + 1), text.slice(0, index + 1) + text.slice(index));
  }
  return found;
}

describe.each(["date", "date-time"] as const)("%s agrees with ajv-formats", (format) => {
  const seeds =
    format === "date"
      ? [
          ...valid.map((text) => text.slice(0, 10)),
          "2023-02-29",
          "1900-02-29",
          "2000-02-29",
          "2023-04-31",
          "2023-13-01",
          "0000-00-00",
        ]
      : valid;

  it("on valid values and every one-character change of them", () => {
    const samples = [...seeds, ...seeds.flatMap(nearMisses)];
    const disagreements = samples.filter((text) => ours[format](text) !== library[format](text));
    expect(disagreements).toEqual([]);
    // The samples are not all invalid: some near-misses are valid values too.
    expect(samples.filter((text) => library[format](text)).length).toBeGreaterThan(seeds.length);
  });

  it(`on ${RUNS} random strings of the grammar's characters`, () => {
    const part = (length: number) =>
      fc.string({ unit: fc.constantFrom(...units), minLength: length, maxLength: length });
    const text = fc.oneof(
      fc.string({ unit: fc.constantFrom(...units), maxLength: 40 }),
      fc
        .tuple(fc.constantFrom(...seeds), fc.nat(30), part(3))
        .map(([seed, at, insert]) => seed.slice(0, at) + insert + seed.slice(at + 3)),
      fc
        .tuple(
          fc.integer({ min: 0, max: 9999 }),
          fc.integer({ min: 0, max: 99 }),
          fc.integer({ min: 0, max: 99 }),
          fc.integer({ min: 0, max: 99 }),
          fc.integer({ min: 0, max: 99 }),
          fc.integer({ min: 0, max: 99 }),
          fc.constantFrom("Z", "+23:59", "-24:00", "+00:60", "+01", "+0100", "", "z"),
        )
        .map(([year, month, day, hour, minute, second, zone]) => {
          const pad = (value: number, width = 2) => String(value).padStart(width, "0");
          const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
          return format === "date" ? date : `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}${zone}`;
        }),
    );
    fc.assert(
      fc.property(text, (sample) => ours[format](sample) === library[format](sample)),
      { numRuns: RUNS, seed: 20261125 },
    );
  });
});

describe("int32 agrees with ajv-formats", () => {
  const library = (fullFormats.int32 as { validate: (value: number) => boolean }).validate;
  it("at and past its limits, and on any double", () => {
    const edges = [
      0,
      -0,
      1.5,
      2 ** 31 - 1,
      2 ** 31,
      -(2 ** 31),
      -(2 ** 31) - 1,
      Number.MAX_SAFE_INTEGER,
      Infinity,
      -Infinity,
      NaN,
      2147483646.5,
    ];
    expect(edges.map(isInt32)).toEqual(edges.map(library));
    fc.assert(
      fc.property(
        fc.oneof(fc.double(), fc.integer({ min: -(2 ** 33), max: 2 ** 33 })),
        (value) => isInt32(value) === library(value),
      ),
      { numRuns: RUNS, seed: 20261125 },
    );
  });
});
