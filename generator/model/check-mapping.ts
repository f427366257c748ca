import { SpecError, type SpecPosition } from "../core/spec-error.js";
import { errorMessage } from "@customer-adapters/runtime/checks";
import { scopedPointer } from "@customer-adapters/runtime/mapping";
import { schemasAt } from "./check-model.js";
import type { FieldMappingModel, MappingModel, SpecModel, TransformName } from "./model.js";
import { isSchemaObject, type Schema } from "../core/schema-walk.js";
import { compileSchema } from "./validation-schema.js";
import { schemaNamed } from "./lookup.js";
import { CustomerKinds } from "./customer-kinds.js";

/**
 * Checks a vendor's `x-mapping` against both sides at generate time: every
 * canonical field exists, every vendor field exists, each transform fits the
 * types it joins, and every required vendor field is fed. A bad declaration is
 * a positioned spec error like any other.
 */

const PARTS = ["body", "path", "query", "header", "server"] as const;
const RESULT_FIELDS: Record<string, string> = {
  "/id": "the vendor's id of the new customer",
  "/number": "the vendor's customer number",
  "/createdAt": "when the vendor created it (RFC 3339)",
};

type JsonType = "string" | "number" | "integer" | "boolean" | "object" | "array" | "null";

/** What a side of a declaration is: the schemas that describe it, or `undefined` when nothing is known (a context property without a type). */
interface Side {
  schemas: Schema[];
  label: string;
}

const wildcard = (pointer: string) => pointer.replace(/\/\d+(?=\/|$)/g, "/*");

function typesOf(schemas: Schema[]): Set<JsonType> | undefined {
  const found = new Set<JsonType>();
  let known = false;
  for (const schema of schemas) {
    const type = schema.type;
    if (typeof type === "string") (known = true), found.add(type as JsonType);
    else if (Array.isArray(type)) (known = true), type.forEach((item) => found.add(item as JsonType));
    else if ("const" in schema || Array.isArray(schema.enum)) {
      known = true;
      for (const value of "const" in schema ? [schema.const] : (schema.enum as unknown[])) found.add(jsonTypeOf(value));
    }
  }
  return known ? found : undefined;
}

function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value as JsonType;
}

function formatOf(schemas: Schema[]): string | undefined {
  return schemas.map((schema) => schema.format).find((format): format is string => typeof format === "string");
}

const describe = (types: Set<JsonType>) => [...types].sort().join(" | ");

class MappingChecker {
  readonly errors: SpecError[] = [];
  /** Every vendor target fed, as wildcard pointers (`/body/contacts/*\/name`). */
  readonly fed = new Set<string>();
  constructor(
    private readonly vendor: SpecModel,
    private readonly canonical: SpecModel,
    private readonly customer: Schema,
  ) {}

  get customerSchema(): Schema {
    return this.customer;
  }

  fail(at: SpecPosition, problem: string): void {
    this.errors.push(new SpecError(at, problem));
  }

  /** The schemas of a vendor target, or a problem saying why there are none. */
  target(to: string): Side | string {
    const [, part, ...rest] = to.split("/");
    const name = rest.join("/");
    const operation = this.vendor.operation;
    if (!(PARTS as readonly string[]).includes(part ?? ""))
      return `\`to\` must start with ${PARTS.map((item) => `/${item}`).join(", ")}`;
    if (part === "body") {
      if (!operation?.requestBody) return "the operation has no request body";
      const schemas = schemasAt(this.vendor, operation.requestBody.schema, wildcard(`/${name}`).replace(/^\/$/, ""));
      return schemas.length > 0
        ? { schemas, label: wildcard(to) }
        : `\`${wildcard(to).slice(5)}\` is not a field of the request body`;
    }
    if (part === "server") {
      const variable = this.vendor.servers[0]?.variables.find((candidate) => candidate.name === name);
      return variable ? { schemas: [{ type: "string" }], label: to } : `the server has no variable \`${name}\``;
    }
    const parameter = operation?.parameters.find((candidate) => candidate.in === part && candidate.name === name);
    return parameter ? { schemas: [parameter.schema], label: to } : `there is no ${part} parameter \`${name}\``;
  }

  canonicalAt(pointer: string): Schema[] {
    return schemasAt(this.canonical, this.customer, wildcard(pointer));
  }

  contextAt(name: string): Side | undefined {
    const properties = this.vendor.context?.properties;
    const schema = isSchemaObject(properties) ? properties[name] : undefined;
    return isSchemaObject(schema) ? { schemas: [schema], label: `context ${name}` } : undefined;
  }

  /** The value a declaration produces, as schemas, or undefined after reporting why it cannot. */
  produced(declaration: FieldMappingModel, scope: string, target: Side): Side | undefined {
    const { at } = declaration;
    if (declaration.context !== undefined) {
      const side = this.contextAt(declaration.context);
      if (!side)
        this.fail(
          at,
          `\`context: ${declaration.context}\`: the spec's x-context has no property \`${declaration.context}\``,
        );
      return side;
    }
    if (declaration.hasValue) {
      this.checkConstant(at, "value", declaration.value, target);
      return undefined;
    }
    const sources = Array.isArray(declaration.from) ? declaration.from : [declaration.from ?? ""];
    const sides: Side[] = [];
    for (const pointer of sources.map((source) => scopedPointer(scope, source))) {
      const schemas = this.canonicalAt(pointer);
      if (schemas.length === 0) {
        this.fail(at, `\`${pointer}\` is not a field of the canonical customer (${this.canonical.specFile})`);
        return undefined;
      }
      sides.push({ schemas, label: pointer });
    }
    const [first] = sides as [Side];
    if (declaration.transform === "nth") {
      const items = first.schemas.flatMap((schema) =>
        isSchemaObject(schema.items) ? schemasAt(this.canonical, schema.items, "") : [],
      );
      if (items.length === 0) {
        this.fail(at, `\`nth\` takes an item of a list, but \`${first.label}\` is not a list`);
        return undefined;
      }
      for (const key of Object.keys(declaration.where ?? {}))
        if (items.every((schema) => schemasAt(this.canonical, schema, `/${key}`).length === 0))
          this.fail(at, `\`where\`: the items of \`${first.label}\` have no field \`${key}\``);
      if (declaration.pick === undefined) return { schemas: items, label: `${first.label}/*` };
      const picked = items.flatMap((schema) => schemasAt(this.canonical, schema, declaration.pick ?? ""));
      if (picked.length === 0)
        this.fail(at, `\`pick\`: the items of \`${first.label}\` have no field \`${declaration.pick}\``);
      return picked.length > 0 ? { schemas: picked, label: `${first.label}/*${declaration.pick}` } : undefined;
    }
    if (declaration.transform === "join") {
      for (const side of sides)
        if (typesOf(side.schemas)?.has("string") !== true || typesOf(side.schemas)?.size !== 1)
          this.fail(
            at,
            `\`join\` joins text, but \`${side.label}\` is ${describe(typesOf(side.schemas) ?? new Set())}`,
          );
      return { schemas: [{ type: "string" }], label: sources.join(" + ") };
    }
    return first;
  }

  checkConstant(at: SpecPosition, key: string, value: unknown, target: Side): void {
    for (const schema of target.schemas.slice(0, 1)) {
      const validate = compileSchema(this.vendor.schemas, schema);
      const error = validate(value) ? undefined : validate.errors?.[0];
      // The shared compilation keeps no sentences (messages: false): the runtime makes them from keyword and params.
      if (error)
        this.fail(
          at,
          `\`${key}\` ${JSON.stringify(value)} does not fit ${target.label}: ${errorMessage(error.keyword, error.params)}`,
        );
    }
  }

  /** Does the transform take what the source gives and give what the target takes? */
  checkTransform(declaration: FieldMappingModel, source: Side, target: Side): void {
    const { at } = declaration;
    const transform: TransformName = declaration.transform ?? "copy";
    const sourceTypes = typesOf(source.schemas);
    const sourceFormat = formatOf(source.schemas);
    const needs = (types: JsonType[], format?: string): boolean => {
      const fits =
        sourceTypes === undefined ||
        [...sourceTypes].every(
          (type) => type === "null" || types.includes(type) || (type === "integer" && types.includes("number")),
        );
      if (!fits)
        this.fail(
          at,
          `\`${transform}\` takes ${types.join(" or ")}, but \`${source.label}\` is ${describe(sourceTypes ?? new Set())}`,
        );
      else if (format !== undefined && sourceFormat !== format)
        this.fail(
          at,
          `\`${transform}\` takes a \`${format}\` string, but \`${source.label}\` is ${sourceFormat ? `a \`${sourceFormat}\`` : "not one"}`,
        );
      return fits;
    };
    let output: Set<JsonType> | undefined = new Set(["string"]);
    let outputFormat: string | undefined;
    switch (transform) {
      case "copy":
      case "join":
      case "nth":
        output = sourceTypes;
        outputFormat = sourceFormat;
        break;
      case "date":
        needs(["string"], "date-time");
        outputFormat = "date";
        break;
      case "date-time":
        needs(["string"], "date");
        outputFormat = "date-time";
        break;
      case "local-date-time":
        needs(["string"], "date");
        break;
      case "assume-utc":
        needs(["string"]);
        outputFormat = "date-time";
        break;
      case "epoch-seconds":
        needs(["integer", "number"]);
        outputFormat = "date-time";
        break;
      case "string":
        needs(["string", "integer", "number"]);
        break;
      case "country-alpha3":
      case "country-alpha2":
        needs(["string"]);
        break;
      case "lookup": {
        const table = declaration.table;
        if (!table) {
          this.fail(at, "`lookup` needs a `table` from the canonical values to the vendor's");
          return;
        }
        const enumValues = source.schemas.flatMap((schema) => (Array.isArray(schema.enum) ? schema.enum : []));
        if (declaration.otherwise === undefined)
          for (const value of enumValues)
            if (!(String(value) in table))
              this.fail(at, `\`table\` has no entry for the canonical value ${JSON.stringify(value)}`);
        for (const [key, value] of Object.entries(table)) this.checkConstant(at, `table.${key}`, value, target);
        this.checkOtherwise(declaration, target);
        return;
      }
    }
    const targetTypes = typesOf(target.schemas);
    if (output !== undefined && targetTypes !== undefined) {
      const misfit = [...output].filter(
        (type) => type !== "null" && !targetTypes.has(type) && !(type === "integer" && targetTypes.has("number")),
      );
      if (misfit.length > 0)
        this.fail(
          at,
          `\`${source.label}\` gives ${describe(output)} but ${target.label} takes ${describe(targetTypes)}${transform === "copy" ? "; name a transform" : ""}`,
        );
    }
    const targetFormat = formatOf(target.schemas);
    if (targetFormat !== undefined && targetFormat !== outputFormat && output?.has("string"))
      this.fail(
        at,
        `${target.label} takes a \`${targetFormat}\` string, but ${transform === "copy" ? `\`${source.label}\`` : `\`${transform}\``} gives ${outputFormat ? `a \`${outputFormat}\`` : "free text"}`,
      );
  }

  /** `otherwise: omit` leaves the vendor field out, so the field must be one the vendor lets go; a value must fit it. */
  private checkOtherwise(declaration: FieldMappingModel, target: Side): void {
    const otherwise = declaration.otherwise;
    if (otherwise === undefined) return;
    const { then, at } = otherwise;
    if (then === "omit" && this.requiredTarget(target.label))
      this.fail(
        at,
        `\`otherwise: omit\` leaves ${target.label} out, but the vendor requires it; give \`otherwise: { value: ... }\` or let the lookup fail`,
      );
    else if (then !== "omit") this.checkConstant(at, "otherwise.value", then.value, target);
  }

  /** Whether the vendor requires a target (a wildcard body pointer or `/<part>/<name>`) whenever its parent is sent. */
  requiredTarget(to: string): boolean {
    const [, part, ...rest] = to.split("/");
    if (part === "server") return false;
    if (part !== "body") {
      const name = rest.join("/");
      return this.vendor.operation?.parameters.some((p) => p.in === part && p.name === name && p.required) === true;
    }
    const body = this.vendor.operation?.requestBody;
    const name = rest.at(-1);
    if (!body || name === undefined) return false;
    const parent = rest.length > 1 ? `/${rest.slice(0, -1).join("/")}` : "";
    return schemasAt(this.vendor, body.schema, parent, false).some(
      (schema) => Array.isArray(schema.required) && schema.required.includes(name),
    );
  }

  request(declarations: FieldMappingModel[], scope: string, base: string): void {
    for (const declaration of declarations) {
      const to = base + declaration.to;
      const target = this.target(to);
      if (typeof target === "string") {
        this.fail(declaration.at, target);
        continue;
      }
      this.fed.add(wildcard(to));
      for (const key of Object.keys(declaration.when ?? {}))
        if (this.canonicalAt(scopedPointer(scope, key)).length === 0)
          this.fail(
            declaration.at,
            `\`when\`: \`${scopedPointer(scope, key)}\` is not a field of the canonical customer`,
          );
      if (declaration.hasDefault) this.checkConstant(declaration.at, "default", declaration.default, target);
      if (declaration.map !== undefined) {
        this.nested(declaration, scope, to, target);
        continue;
      }
      const source = this.produced(declaration, scope, target);
      if (source) this.checkTransform(declaration, source, target);
    }
  }

  /** `map`: an object into an object, or each item of a list into each item of a list. */
  private nested(declaration: FieldMappingModel, scope: string, to: string, target: Side): void {
    if (typeof declaration.from !== "string")
      return this.fail(declaration.at, "`map` needs `from`: the canonical object or list to map");
    const from = scopedPointer(scope, declaration.from);
    const schemas = this.canonicalAt(from);
    if (schemas.length === 0)
      return this.fail(
        declaration.at,
        `\`${from}\` is not a field of the canonical customer (${this.canonical.specFile})`,
      );
    const sourceList = typesOf(schemas)?.has("array") === true;
    const targetList = typesOf(target.schemas)?.has("array") === true;
    if (sourceList !== targetList)
      return this.fail(
        declaration.at,
        `\`map\` maps ${sourceList ? "a list" : "an object"} (\`${from}\`) into ${targetList ? "a list" : "an object"} (${to}); both must be the same`,
      );
    this.request(declaration.map ?? [], sourceList ? `${from}/0` : from, sourceList ? `${to}/0` : to);
  }

  /** Required vendor fields (body properties of every object fed, required parameters) have a declaration. */
  requiredFed(mapping: MappingModel): void {
    const operation = this.vendor.operation;
    for (const parameter of operation?.parameters ?? [])
      if (parameter.required && !this.fed.has(`/${parameter.in}/${parameter.name}`))
        this.fail(
          mapping.at,
          `the required ${parameter.in} parameter \`${parameter.name}\` is fed by no declaration (from the customer or the context)`,
        );
    const body = operation?.requestBody;
    if (!body) return;
    const objects = new Set(["/body"]);
    for (const path of this.fed)
      for (let at = path; at.lastIndexOf("/") > 0; ) objects.add((at = at.slice(0, at.lastIndexOf("/"))));
    for (const object of [...objects].filter((path) => path.startsWith("/body")).sort())
      for (const schema of schemasAt(this.vendor, body.schema, object.slice(5), false))
        for (const name of Array.isArray(schema.required) ? (schema.required as string[]) : [])
          if (![...this.fed].some((path) => path === `${object}/${name}` || path.startsWith(`${object}/${name}/`)))
            this.fail(
              mapping.at,
              `the vendor requires \`${object.slice(5)}/${name}\` in the request body, and no declaration feeds it`,
            );
  }

  /**
   * Per kind of customer (`CustomerKinds`), every required vendor field is given a value for every customer of
   * that kind: a company has no `/person`, so a field fed only from the person's name is empty for it.
   */
  requiredFedForEachKind(mapping: MappingModel, kinds: CustomerKinds): void {
    const missing = new Map<string, { labels: string[]; at: SpecPosition; sources: string[] }>();
    for (const kind of kinds.kinds) {
      const fed: { target: string; anchor: string }[] = [];
      // The objects a `map` writes (its target, or each item of it): checked even when nothing in them is fed.
      const anchors: string[] = [];
      const walk = (
        declarations: FieldMappingModel[],
        scope: string,
        base: string,
        anchor: string,
        certain: boolean,
      ) => {
        for (const declaration of declarations) {
          const to = wildcard(base + declaration.to);
          const from = typeof declaration.from === "string" ? scopedPointer(scope, declaration.from) : undefined;
          if (declaration.map !== undefined && from !== undefined) {
            const list = this.canonicalAt(from).some((schema) => typesOf([schema])?.has("array"));
            const there = kinds.applies(declaration, scope, kind) && kinds.present(from, kind, scope);
            if (certain && there) fed.push({ target: to, anchor });
            // Inside a map, its object is written whenever its source is there: that object is an anchor.
            anchors.push(list ? `${to}/*` : to);
            walk(declaration.map, list ? `${from}/0` : from, list ? `${to}/*` : to, list ? `${to}/*` : to, true);
          } else if (certain && kinds.feeds(declaration, scope, kind)) fed.push({ target: to, anchor });
        }
      };
      walk(mapping.request, "", "", "/body", true);
      const isFed = (path: string) => fed.some(({ target }) => target === path || target.startsWith(`${path}/`));
      const objects = new Set(anchors.filter((anchor) => anchor.startsWith("/body")));
      for (const { target, anchor } of fed)
        for (
          let at = target.slice(0, target.lastIndexOf("/"));
          at.length >= anchor.length;
          at = at.slice(0, at.lastIndexOf("/"))
        )
          if (at.startsWith("/body")) objects.add(at);
      const body = this.vendor.operation?.requestBody;
      const unfed: string[] = [];
      if (body) {
        objects.add("/body");
        for (const object of [...objects].sort())
          for (const schema of schemasAt(this.vendor, body.schema, object.slice(5), false))
            for (const name of Array.isArray(schema.required) ? (schema.required as string[]) : [])
              if (!isFed(`${object}/${name}`)) unfed.push(`${object}/${name}`);
      }
      for (const parameter of this.vendor.operation?.parameters ?? [])
        if (parameter.required && !isFed(`/${parameter.in}/${parameter.name}`))
          unfed.push(`/${parameter.in}/${parameter.name}`);
      for (const path of new Set(unfed)) {
        const declarations = this.declarationsOf(mapping.request, "", "", path);
        const entry = missing.get(path) ?? {
          labels: [],
          at: declarations[0]?.declaration.at ?? mapping.at,
          // Each source as a canonical pointer: one inside a `map` is relative to the mapped item.
          sources: declarations.map(({ declaration, scope }) =>
            (Array.isArray(declaration.from) ? declaration.from : [declaration.from ?? ""])
              .map((from) => scopedPointer(scope, from))
              .join(" + "),
          ),
        };
        entry.labels.push(kind.label);
        missing.set(path, entry);
      }
    }
    for (const [path, { labels, at, sources }] of missing)
      this.fail(
        at,
        `the vendor requires ${path}, but for ${kinds.describe(labels)} no declaration gives it a value` +
          (sources.length > 0
            ? ` (${sources.join(", ")} may be absent; list a field the vendor cannot do without under \`needs\`)`
            : ""),
      );
  }

  /** The declarations whose target is this wildcard path, at any depth of `map`, each with its `map`'s source (`/contacts/*`). */
  private declarationsOf(
    declarations: FieldMappingModel[],
    base: string,
    scope: string,
    path: string,
  ): { declaration: FieldMappingModel; scope: string }[] {
    return declarations.flatMap((declaration) => {
      const to = wildcard(base + declaration.to);
      if (to === path) return [{ declaration, scope }];
      if (declaration.map === undefined || !path.startsWith(`${to}/`)) return [];
      const from = typeof declaration.from === "string" ? scopedPointer(scope, declaration.from) : scope;
      return [
        ...this.declarationsOf(declaration.map, to, from, path),
        ...this.declarationsOf(declaration.map, `${to}/*`, `${from}/*`, path),
      ];
    });
  }

  response(declarations: FieldMappingModel[]): void {
    const before = this.errors.length;
    const success = this.vendor.operation?.responses.find(
      (response) => response.status.startsWith("2") && response.body,
    )?.body;
    for (const declaration of declarations) {
      const description = RESULT_FIELDS[declaration.to];
      if (description === undefined) {
        this.fail(
          declaration.at,
          `a response declaration goes to ${Object.keys(RESULT_FIELDS).join(", ")}, not \`${declaration.to}\``,
        );
        continue;
      }
      if (!success || typeof declaration.from !== "string") {
        this.fail(declaration.at, "a response declaration needs `from`: a field of the success response body");
        continue;
      }
      const schemas = schemasAt(this.vendor, success.schema, wildcard(declaration.from));
      if (schemas.length === 0) {
        this.fail(declaration.at, `\`${declaration.from}\` is not a field of the success response body`);
        continue;
      }
      const target: Side = {
        schemas: declaration.to === "/createdAt" ? [{ type: "string", format: "date-time" }] : [{ type: "string" }],
        label: `the result's ${declaration.to.slice(1)} (${description})`,
      };
      // ids and numbers are text in the canonical result, whatever the vendor sends.
      const transform = declaration.transform ?? (declaration.to === "/createdAt" ? "copy" : "string");
      this.checkTransform({ ...declaration, transform }, { schemas, label: declaration.from }, target);
    }
    if (
      this.errors.length === before &&
      declarations.length > 0 &&
      !declarations.some((declaration) => declaration.to === "/id")
    )
      this.fail(declarations[0]?.at as SpecPosition, "the response mapping must say where the new customer's `/id` is");
  }

  auth(mapping: MappingModel): void {
    for (const auth of mapping.auth) {
      const scheme = this.vendor.securitySchemes.find((candidate) => candidate.name === auth.scheme);
      if (!scheme) {
        this.fail(auth.at, `\`${auth.scheme}\` is not a security scheme of this spec`);
        continue;
      }
      const basic = scheme.type === "http" && scheme.scheme?.toLowerCase() === "basic";
      const needed = basic ? (["username", "password"] as const) : (["token"] as const);
      for (const key of needed) {
        const name = auth[key];
        if (name === undefined)
          this.fail(
            auth.at,
            `scheme \`${auth.scheme}\` (${scheme.type}${scheme.scheme ? ` ${scheme.scheme}` : ""}) needs \`${key}\`: the context property that holds it`,
          );
        else if (!this.contextAt(name))
          this.fail(auth.at, `\`${key}: ${name}\`: the spec's x-context has no property \`${name}\``);
      }
    }
  }
}

/** All problems of one vendor's mapping, positioned. */
export function checkMapping(vendor: SpecModel, canonical: SpecModel): SpecError[] {
  const mapping = vendor.mapping;
  if (!mapping) return [];
  const customer = schemaNamed(canonical, "Customer");
  if (!customer)
    return [
      new SpecError(mapping.at, `the canonical spec (${canonical.specFile}) has no \`Customer\` schema to map from`),
    ];
  const checker = new MappingChecker(vendor, canonical, { $ref: "#/components/schemas/Customer" });
  checker.request(mapping.request, "", "");
  for (const need of mapping.needs)
    if (checker.canonicalAt(need.field).length === 0)
      checker.fail(need.at, `\`${need.field}\` is not a field of the canonical customer (${canonical.specFile})`);
  // A misspelt target would also show up as an unfed field: report it once.
  if (checker.errors.length === 0) checker.requiredFed(mapping);
  if (checker.errors.length === 0)
    checker.requiredFedForEachKind(
      mapping,
      new CustomerKinds(
        canonical,
        checker.customerSchema,
        mapping.request,
        new Set(mapping.needs.map((need) => need.field)),
      ),
    );
  checker.response(mapping.response);
  checker.auth(mapping);
  for (const unmapped of mapping.unmapped) {
    const target = checker.target(unmapped.field);
    if (typeof target === "string") checker.fail(unmapped.at, target);
    else if (checker.fed.has(wildcard(unmapped.field)))
      checker.fail(unmapped.at, `\`${unmapped.field}\` is listed as unmapped, but a declaration feeds it`);
  }
  return checker.errors;
}
