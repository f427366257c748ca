import type { Faker, Randomizer } from "@faker-js/faker";
import { faker as german } from "@faker-js/faker/locale/de";
import { faker as english } from "@faker-js/faker/locale/en";
import { faker as japanese } from "@faker-js/faker/locale/ja";
import { faker as russian } from "@faker-js/faker/locale/ru";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";
import randexpModule from "randexp";
import type { SpecModel } from "./model.js";
import { onlyNull, type SchemaViews, schemaViews } from "./schema-view.js";
import { isSchemaObject, type Schema } from "../core/schema-walk.js";

/**
 * Makes sample values from a schema: deterministic (every value is seeded
 * from the spec's slug and the value's path, so neither the order of reading
 * nor the machine changes it), realistic (names in Latin with diacritics,
 * Cyrillic and CJK; reserved domains and phone ranges), and within the
 * schema's limits.
 */

export type SampleMode = "minimal" | "full" | "boundary";
/** A request leaves out readOnly fields; a response leaves out writeOnly ones. */
export type Direction = "request" | "response";

// randexp is CommonJS whose module.exports is the class; its typings describe an ES default export.
const RandExp = randexpModule as unknown as typeof randexpModule.default;

/**
 * Every sample value is seeded from its own path, so faker is reseeded
 * thousands of times per spec: its Mersenne Twister takes ~50 µs to seed,
 * xoroshiro128+ (pure-rand, fast-check's generator) next to nothing.
 */
function xoroshiroRandomizer(): Randomizer {
  let generator: RandomGenerator = xoroshiro128plus(0);
  return {
    next: () => uniformFloat64(generator),
    seed: (seed) => {
      generator = xoroshiro128plus(Array.isArray(seed) ? hash(seed.join(",")) : seed);
    },
  };
}

/**
 * A faker with the locale data of `prebuilt` and a fast randomizer. The
 * locale entries load only their own data (faker's main entry loads all
 * sixty locales, ~0.1 s); each falls back to English for what it lacks
 * (Japanese has no name prefixes).
 */
function reseedable(prebuilt: Faker): Faker {
  const FakerClass = prebuilt.constructor as new (options: {
    locale: Faker["rawDefinitions"];
    randomizer: Randomizer;
  }) => Faker;
  return new FakerClass({ locale: prebuilt.rawDefinitions, randomizer: xoroshiroRandomizer() });
}

const LOCALES = [german, russian, japanese].map(reseedable);
const ENGLISH = reseedable(english);
/** Characters a boundary string is padded with: two-byte, Cyrillic, CJK, and one outside the BMP (two UTF-16 units, one code point). */
const PADDING = ["é", "ß", "Ж", "漢", "😀"];

function hash(text: string): number {
  // FNV-1a: small, stable across platforms.
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) value = Math.imul(value ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return value;
}

const codePoints = (text: string) => [...text];
const fit = (text: string, min: number, max: number): string => {
  const points = codePoints(text).slice(0, max);
  while (points.length < min) points.push("x");
  return points.join("");
};

/** A pattern as the validators compile it (with the `u` flag, as ajv does), else as plain JavaScript; undefined when neither compiles. */
export function compilePattern(pattern: string): RegExp | undefined {
  for (const flags of ["u", ""])
    try {
      return new RegExp(pattern, flags);
    } catch {}
  return undefined;
}

/** The type an untyped schema's keywords speak of (`properties`: an object), else string. */
function impliedType(schema: Schema): string {
  const has = (...keywords: string[]) => keywords.some((keyword) => schema[keyword] !== undefined);
  if (has("properties", "required", "patternProperties", "additionalProperties", "minProperties", "maxProperties"))
    return "object";
  if (has("items", "prefixItems", "minItems", "maxItems", "contains")) return "array";
  if (has("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf")) return "number";
  return "string";
}

const requiredOf = (schema: Schema): string[] => (Array.isArray(schema.required) ? schema.required.map(String) : []);

/**
 * A `oneOf` branch that a full sample of it cannot make match another
 * branch too: for each other branch whose `required` keys this one would
 * all fill (a person's optional `company_name` is what makes a company),
 * the first of them this branch does not require is left out of its
 * properties. A full sample of a person then stays a person.
 */
function apartFrom(candidate: Schema, branches: readonly Schema[]): Schema {
  if (!isSchemaObject(candidate.properties)) return candidate;
  const own = new Set(requiredOf(candidate));
  const properties = { ...candidate.properties };
  for (const other of branches) {
    if (other === candidate) continue;
    const completing = requiredOf(other).filter((name) => !own.has(name));
    const [first] = completing;
    if (first !== undefined && completing.every((name) => name in properties)) delete properties[first];
  }
  return { ...candidate, properties };
}

/** Nesting below which samples hold only what is required (and null where allowed), and the depth where they stop. */
const DEEP = 8;
const DEEPEST = 40;

export class Synthesizer {
  constructor(
    private readonly model: SpecModel,
    private readonly direction: Direction,
    /** ASCII only: for values that travel in HTTP headers (a context). */
    private readonly ascii = false,
    /** Which viable `anyOf`/`oneOf` branch to take first: another variant is another try at a valid sample. */
    private readonly variant = 0,
  ) {
    this.views = schemaViews(model);
  }

  private readonly views: SchemaViews;

  /** The schema as the shared view reads it (model/schema-view.ts): references resolved, `allOf` merged where exact. */
  resolve(schema: Schema | boolean): Schema {
    return this.views.view(schema).schema;
  }

  /** The JSON types the schema allows (as the view reads them), undefined when any. */
  types(schema: Schema | boolean): ReadonlySet<string> | undefined {
    return this.views.view(schema).types;
  }

  /** Whether a property is left out in this direction. */
  skipped(schema: Schema): boolean {
    const resolved = this.resolve(schema);
    return this.direction === "request"
      ? resolved.readOnly === true || schema.readOnly === true
      : resolved.writeOnly === true || schema.writeOnly === true;
  }

  sample(schema: Schema, mode: SampleMode, path: string, depth = 0): unknown {
    const resolved = this.resolve(schema);
    if ("const" in resolved) return resolved.const;
    if (Array.isArray(resolved.enum)) {
      const values = (resolved.enum as unknown[]).filter((value) => value !== null);
      return mode === "boundary" ? values[values.length - 1] : values[0];
    }
    const choice = Array.isArray(resolved.anyOf) ? "anyOf" : Array.isArray(resolved.oneOf) ? "oneOf" : undefined;
    if (choice) {
      const branch = this.branch(resolved, choice, depth);
      return branch === null ? null : this.sample(branch, mode, path, depth + 1);
    }
    const type =
      [...(this.views.view(schema).types ?? [])].find((candidate) => candidate !== "null") ?? impliedType(resolved);
    switch (type) {
      case "object":
        return this.object(resolved, mode, path, depth);
      case "array":
        return this.array(resolved, mode, path, depth);
      case "integer":
      case "number":
        return this.number(resolved, type, mode, path);
      case "boolean":
        return hash(path) % 2 === 0;
      default:
        return this.string(resolved, mode, path);
    }
  }

  /**
   * The schema a sample of `schema` follows for its `anyOf` or `oneOf`: a
   * branch merged with what surrounds it (a branch that only says
   * `required: [given_name]` keeps the parent's properties); null where a
   * branch allows it deep in a model (Stripe's customer nests a dozen levels).
   */
  private branch(schema: Schema, choice: "anyOf" | "oneOf", depth: number): Schema | null {
    const { [choice]: branches, ...parent } = schema;
    const intersected = (branches as (Schema | boolean)[]).map((branch) =>
      this.views.intersect(parent, this.resolve(branch)),
    );
    const merged = choice === "oneOf" ? intersected.map((candidate) => apartFrom(candidate, intersected)) : intersected;
    const isNull = (candidate: Schema) => onlyNull(this.views.view(candidate));
    if (depth > DEEP && merged.some(isNull)) return null;
    // A branch whose merge left a rule aside (a type the parent excludes) is tried last.
    const viable = merged.filter((candidate) => !isNull(candidate) && !Array.isArray(candidate.allOf));
    const ordered = [...viable, ...merged.filter((candidate) => !viable.includes(candidate))];
    return ordered[this.variant % Math.max(1, viable.length)] ?? parent;
  }

  private object(schema: Schema, mode: SampleMode, path: string, depth: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    if (depth > DEEPEST) return result;
    const properties = isSchemaObject(schema.properties) ? schema.properties : {};
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    const add = (name: string, property: Schema | boolean) => {
      result[name] = this.sample(this.resolve(property), mode, `${path}/${name}`, depth + 1);
    };
    for (const [name, declared] of Object.entries(properties)) {
      const property = declared === true ? {} : declared;
      if (!isSchemaObject(property) || this.skipped(property)) continue;
      // Past DEEP only what is required, so that a deep model still gets a valid (and finite) sample.
      if ((mode === "minimal" || depth > DEEP) && !required.has(name)) continue;
      add(name, property);
    }
    // A required key no property declares: its schema is a matching pattern's, else that of any other key.
    for (const name of required) {
      if (name in result || name in properties) continue;
      const schemaOf = this.otherKey(schema, name);
      if (schemaOf !== undefined) add(name, schemaOf);
    }
    const min = typeof schema.minProperties === "number" ? schema.minProperties : 0;
    const optional = Object.entries(properties).filter(
      ([name, property]) => !(name in result) && isSchemaObject(property) && !this.skipped(property),
    );
    for (const [name, property] of optional.slice(0, Math.max(0, min - Object.keys(result).length)))
      add(name, property as Schema);
    for (let index = 1; Object.keys(result).length < min && index <= min; index++) {
      const name = this.newKey(schema, index);
      const schemaOf = name === undefined ? undefined : this.otherKey(schema, name);
      if (name === undefined || schemaOf === undefined) break;
      add(name, schemaOf);
    }
    // At most `maxProperties`: the optional keys go first, the last ones first.
    const max = typeof schema.maxProperties === "number" ? schema.maxProperties : Number.POSITIVE_INFINITY;
    for (const name of Object.keys(result).reverse())
      if (Object.keys(result).length > max && !required.has(name)) delete result[name];
    return result;
  }

  /** The schema of a key `properties` does not declare: the first matching `patternProperties`, else `additionalProperties` (undefined when none is allowed). */
  private otherKey(schema: Schema, name: string): Schema | boolean | undefined {
    const patterns = isSchemaObject(schema.patternProperties) ? schema.patternProperties : {};
    const matching = Object.entries(patterns).find(([pattern]) => compilePattern(pattern)?.test(name));
    if (matching) return matching[1] as Schema | boolean;
    const extra = schema.additionalProperties;
    return extra === false ? undefined : isSchemaObject(extra) ? extra : {};
  }

  /** A key for an object that needs more than it declares: one a pattern allows, else `extra<n>`. */
  private newKey(schema: Schema, index: number): string | undefined {
    const patterns = Object.keys(isSchemaObject(schema.patternProperties) ? schema.patternProperties : {});
    if (schema.additionalProperties !== false && patterns.length === 0) return `extra${index}`;
    const pattern = patterns[0];
    if (pattern !== undefined) return this.fromPattern(pattern, `/key${index}`);
    return undefined;
  }

  /** A string the pattern matches, seeded by `path`. */
  private fromPattern(pattern: string, path: string): string {
    const generator = new RandExp(pattern);
    generator.max = 3;
    let seed = hash(path);
    generator.randInt = (low: number, high: number) => {
      seed = Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) >>> 0;
      return low + (seed % (high - low + 1));
    };
    return generator.gen();
  }

  private array(schema: Schema, mode: SampleMode, path: string, depth: number): unknown[] {
    const min = typeof schema.minItems === "number" ? schema.minItems : 0;
    const max = typeof schema.maxItems === "number" ? schema.maxItems : Math.max(min, 2);
    const count = depth > DEEP ? min : mode === "boundary" ? Math.min(max, 10) : Math.min(Math.max(min, 1), max);
    const items = isSchemaObject(schema.items) ? schema.items : {};
    const samples = Array.from({ length: count }, (_unused, index) =>
      this.sample(items, mode, `${path}/${index}`, depth + 1),
    );
    if (schema.uniqueItems !== true) return samples;
    // Items that came out alike (objects with nothing to vary) are kept once.
    const seen = new Set<string>();
    return samples.filter((item) => {
      const key = JSON.stringify(item);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  private number(schema: Schema, type: string, mode: SampleMode, path: string): number {
    const step = type === "integer" ? 1 : 0.01;
    const min =
      typeof schema.exclusiveMinimum === "number"
        ? schema.exclusiveMinimum + step
        : typeof schema.minimum === "number"
          ? schema.minimum
          : undefined;
    const max =
      typeof schema.exclusiveMaximum === "number"
        ? schema.exclusiveMaximum - step
        : typeof schema.maximum === "number"
          ? schema.maximum
          : undefined;
    if (mode === "boundary") return max ?? min ?? 0;
    const low = min ?? 1;
    const high = max ?? Math.max(low, 1) + 9999;
    const value = low + (hash(path) % Math.max(1, Math.floor(high - low) + 1));
    return type === "integer" ? Math.round(value) : Math.round(value * 100) / 100;
  }

  private string(schema: Schema, mode: SampleMode, path: string): string {
    const min = typeof schema.minLength === "number" ? schema.minLength : 0;
    const max = typeof schema.maxLength === "number" ? schema.maxLength : Number.POSITIVE_INFINITY;
    const shaped = typeof schema.format === "string" || typeof schema.pattern === "string";
    const realistic = this.realistic(path, schema);
    // A realistic value that already has the required shape beats a random one (a real country code, not `UJ`).
    const value =
      typeof schema.pattern === "string" &&
      schema.format === undefined &&
      compilePattern(schema.pattern)?.test(realistic)
        ? realistic
        : (this.shapedString(schema, path) ?? realistic);
    if (mode !== "boundary" || shaped || !Number.isFinite(max)) return shaped ? value : fit(value, min, max);
    // Boundary: exactly the maximum, counted in code points as JSON Schema counts them.
    // An address keeps its reserved domain: the padding goes into the local part.
    const at = value.indexOf("@");
    const [head, tail] =
      at > 0 ? [codePoints(value.slice(0, at)), codePoints(value.slice(at))] : [codePoints(value), []];
    const room = Math.max(0, max - tail.length);
    const points = head.slice(0, room);
    for (let index = 0; points.length < room; index++) points.push(PADDING[index % PADDING.length] as string);
    return [...points, ...tail].slice(0, max).join("");
  }

  /** Values whose shape a format or pattern dictates; examples in the spec come first. */
  private shapedString(schema: Schema, path: string): string | undefined {
    const formatted = this.formatted(schema, path);
    if (typeof schema.pattern !== "string") return formatted;
    // Both must hold: the format's value when the pattern takes it (an upper-case UUID too), else the pattern's.
    const pattern = compilePattern(schema.pattern);
    if (!pattern) return formatted;
    const fits = formatted === undefined ? [] : [formatted, formatted.toUpperCase(), formatted.toLowerCase()];
    const fitting = fits.find((candidate) => pattern.test(candidate));
    if (fitting !== undefined) return fitting;
    const examples = [...(Array.isArray(schema.examples) ? schema.examples : []), schema.example, schema.default];
    const example = examples.find(
      (candidate): candidate is string => typeof candidate === "string" && pattern.test(candidate),
    );
    if (example !== undefined) return example;
    return this.fromPattern(schema.pattern, path);
  }

  /** A value of the schema's format, where the sampler knows it. */
  private formatted(schema: Schema, path: string): string | undefined {
    const faker = this.faker(path);
    switch (schema.format) {
      case "email":
        return `${faker.internet
          .username({ firstName: "sample" })
          .toLowerCase()
          .replace(/[^a-z0-9._-]/g, "")}@example.com`;
      case "date":
        return this.date(path);
      case "date-time":
        return `${this.date(path)}T10:30:00Z`;
      case "uuid":
        // A secret in UUID form (an API key) is the nil UUID: obviously fake, and still a uuid.
        return schema["x-sensitive"] === true || schema["x-credential"] === true
          ? "00000000-0000-0000-0000-000000000000"
          : faker.string.uuid();
      case "uri":
      case "uri-reference":
      case "url":
        return `https://www.example.com/${hash(path) % 1000}`;
    }
    return undefined;
  }

  private date(path: string): string {
    const value = hash(path);
    const year = 1950 + (value % 55);
    const month = 1 + ((value >>> 8) % 12);
    const day = 1 + ((value >>> 16) % 28);
    return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  }

  private faker(path: string) {
    const faker = (this.ascii ? ENGLISH : LOCALES[hash(path) % LOCALES.length]) as Faker;
    faker.seed(hash(`${this.model.slug}${path}`));
    return faker;
  }

  /** Text that looks like what the field holds, from its name; secrets are obviously fake. */
  private realistic(path: string, schema: Schema): string {
    const faker = this.faker(path);
    const max = typeof schema.maxLength === "number" ? schema.maxLength : 100;
    if (schema["x-sensitive"] === true || schema["x-credential"] === true) return fit("FAKE-SECRET-0000", 1, max);
    // The field's own name first, then with its parent's: `/phones/0/number` is a phone number.
    const names = path
      .split("/")
      .filter((part) => !/^\d*$/.test(part))
      .map((part) => part.toLowerCase());
    const own = names.slice(-1).join("/");
    const found =
      this.byName(own, faker, max, path) ??
      this.byName(names.slice(-2).join("/"), faker, max, path) ??
      faker.lorem.word();
    // Some names have several usual forms (DE or DEU): the first that fits the field's pattern and length wins.
    const candidates = Array.isArray(found) ? found : [found];
    const pattern = typeof schema.pattern === "string" ? compilePattern(schema.pattern) : undefined;
    return (
      candidates.find(
        (candidate) => [...candidate].length <= max && (pattern === undefined || pattern.test(candidate)),
      ) ?? (candidates[0] as string)
    );
  }

  /** Text that looks like what a field of this name holds; secrets are obviously fake. */
  private byName(name: string, faker: Faker, max: number, path: string): string | string[] | undefined {
    if (/password|secret|answer|apikey|api_key|token|ssn/.test(name)) return fit("FAKE-SECRET-0000", 1, max);
    if (/title|salutation|formofaddress/.test(name)) return ["Dr", "Mr", "Ms", "Prof"][hash(path) % 4] as string;
    if (/country/.test(name)) return ["DE", "DEU"];
    if (/currency/.test(name)) return "EUR";
    if (/lang|culture|locale/.test(name)) return ["de-DE", "de"];
    if (/e-?mail/.test(name)) return `sample.${hash(path) % 1000}@example.com`;
    if (/phone|mobile|fax|tel/.test(name)) return `+1202555${String(100 + (hash(path) % 100)).padStart(4, "0")}`;
    if (/zip|postal|postcode/.test(name)) return faker.string.numeric({ length: 5, allowLeadingZeros: false });
    if (/city|town/.test(name)) return faker.location.city();
    if (/state|region|province/.test(name)) return faker.location.state();
    if (/first|given/.test(name)) return faker.person.firstName();
    if (/last|family|surname/.test(name)) return faker.person.lastName();
    if (/street|line|address/.test(name)) return faker.location.streetAddress();
    if (/registration|vat|tax|eori|orgno/.test(name)) return fit(`DE${faker.string.numeric(9)}`, 1, max);
    if (/company|organi/.test(name)) return faker.company.name();
    if (/name/.test(name)) return faker.person.fullName();
    if (/host|domain/.test(name)) return `${this.model.slug}.example.test`;
    if (/url|website|web/.test(name)) return `https://www.example.com/${hash(path) % 1000}`;
    return undefined;
  }
}
