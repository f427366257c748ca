/**
 * `npm run lint:specs`: this project's rules for its specs, beyond what the
 * loader already refuses (bad OpenAPI, duplicate keys, examples that contradict
 * their verdict, bad mappings). Each finding names its rule and position.
 */
import type { SourceDocument } from "../core/source.js";
import type { SpecPosition } from "../core/spec-error.js";
import { leafFields, requestRows } from "../model/mapping-table.js";
import type { SpecModel } from "../model/model.js";
import { escapePointerPart } from "../core/pointer.js";
import { isSchemaObject, walkSchema, type Schema } from "../core/schema-walk.js";
import { componentName, schemaNamed } from "../model/lookup.js";
import { backtrackingVerdict } from "../load/check-schemas.js";
import { fixtureProblems } from "../emit/fixtures.js";
import { schemasAt } from "../model/check-model.js";

export interface LintFinding {
  rule: string;
  at: SpecPosition;
  message: string;
  /** Reported, but does not fail the run. */
  warning?: true;
}

export const LINT_RULES = {
  "typed-and-described": "every property has a type and a description",
  "string-limit":
    "every request string has a length limit, a format, a pattern or an enum, or says why not (`x-no-limit`)",
  "mapped-or-unmapped": "every request field is fed by x-mapping, or listed in x-mapping.unmapped with a reason",
  "operation-id": "the operation has an operationId",
  "unused-component": "every component schema is used",
  "vendor-declared": "the document declares who the vendor is (`info.x-vendor`: slug, name, seed)",
  "known-format": "every `format` is one the validators check (another is kept as an annotation: a warning)",
  "pattern-analysed":
    "every pattern is proven free of catastrophic backtracking (one whose analysis is inconclusive: a warning)",
  sampled:
    "the fixtures can make a valid sample of the request body, the context and each success answer (one they cannot is left out of the package: a warning)",
  idempotency:
    "`x-idempotency` names a text place the mapping leaves to the client: a body field of type string that no declaration feeds, or a header no other parameter types otherwise",
} as const;

type Rule = keyof typeof LINT_RULES;

class Linter {
  readonly findings: LintFinding[] = [];
  constructor(
    private readonly model: SpecModel,
    private readonly source: SourceDocument,
  ) {}

  report(rule: Rule, pointer: string, message: string, warning = false): void {
    this.findings.push({
      rule,
      at: this.source.locate(pointer),
      message,
      ...(warning ? { warning: true as const } : {}),
    });
  }

  vendorDeclared(document: unknown): void {
    const info = isSchemaObject(document) && isSchemaObject(document.info) ? document.info : {};
    if (!isSchemaObject(info["x-vendor"]))
      this.report(
        "vendor-declared",
        "/info",
        `no \`x-vendor\`: the package is named from the file (${this.model.slug}) and info.title; add \`x-vendor: { slug, name, seed }\` (in an overlay for a published document)`,
      );
  }

  /** The loader keeps a format the validators cannot check as `x-format` (load/unknown-formats.ts). */
  knownFormats(): void {
    for (const { name, schema } of this.model.schemas)
      walkSchema(schema, `/components/schemas/${escapePointerPart(name)}`, (node, pointer) => {
        if (typeof node["x-format"] === "string")
          this.report(
            "known-format",
            pointer,
            `format \`${node["x-format"]}\` is not one the validators check: it is documentation only; a \`pattern\` would check it`,
            true,
          );
      });
  }

  /** A pattern the loader let through because redos-detector could neither prove it safe nor find an attack. */
  analysedPatterns(): void {
    for (const { name, schema } of this.model.schemas)
      walkSchema(schema, `/components/schemas/${escapePointerPart(name)}`, (node, pointer) => {
        if (typeof node.pattern === "string" && backtrackingVerdict(node.pattern) === "inconclusive")
          this.report(
            "pattern-analysed",
            `${pointer}/pattern`,
            `the analysis of this pattern for catastrophic backtracking was inconclusive within its step budget: check that a long input cannot stall the validators`,
            true,
          );
      });
  }

  /** A sample the fixtures cannot make: the package is still made, without that fixture. */
  sampled(): void {
    for (const problem of fixtureProblems(this.model)) this.report("sampled", problem.pointer, problem.message, true);
  }

  /** Each property of each component schema (and of x-context), with its pointer. */
  *properties(): Generator<[Schema, string, Schema]> {
    const roots: [Schema, string][] = this.model.schemas.map(({ name, schema }) => [
      schema,
      `/components/schemas/${escapePointerPart(name)}`,
    ]);
    if (this.model.context) roots.push([this.model.context, "/x-context"]);
    for (const [root, pointer] of roots) {
      const found: [Schema, string, Schema][] = [];
      walkSchema(root, pointer, (schema, at) => {
        // Properties inside conditions (`if: { properties: { x: { const: false } } }`) are tests, not fields.
        if (/\/(if|then|else|not|dependentSchemas)(\/|$)/.test(at.slice(pointer.length))) return;
        if (isSchemaObject(schema.properties))
          for (const [name, property] of Object.entries(schema.properties))
            if (isSchemaObject(property)) found.push([property, `${at}/properties/${escapePointerPart(name)}`, schema]);
      });
      yield* found;
    }
  }

  typedAndDescribed(): void {
    for (const [property, pointer] of this.properties()) {
      const typed = ["type", "$ref", "anyOf", "oneOf", "allOf", "const", "enum"].some((keyword) => keyword in property);
      if (!typed) this.report("typed-and-described", pointer, "the property has no type");
      if (typeof property.description !== "string" || property.description.trim() === "")
        this.report("typed-and-described", pointer, "the property has no description");
    }
  }

  /** Schemas the request body reaches, by component name. */
  requestComponents(): Set<string> {
    const reached = new Set<string>();
    const visit = (schema: unknown) => {
      if (!isSchemaObject(schema)) return;
      walkSchema(schema, "", (node) => {
        const name = componentName(node);
        if (name !== undefined && !reached.has(name)) {
          reached.add(name);
          visit(schemaNamed(this.model, name));
        }
      });
    };
    visit(this.model.operation?.requestBody?.schema);
    return reached;
  }

  stringLimits(): void {
    const request = this.requestComponents();
    for (const { name, schema } of this.model.schemas) {
      if (!request.has(name) || schema.readOnly === true) continue;
      const waived = typeof schema["x-no-limit"] === "string";
      for (const [property, pointer] of this.properties())
        if (
          pointer.startsWith(`/components/schemas/${escapePointerPart(name)}/properties/`) &&
          !pointer.slice(`/components/schemas/${escapePointerPart(name)}/properties/`.length).includes("/")
        ) {
          const types = Array.isArray(property.type) ? property.type : [property.type];
          const shaped = ["maxLength", "format", "pattern", "enum", "const"].some((keyword) => keyword in property);
          if (
            types.includes("string") &&
            !shaped &&
            property.readOnly !== true &&
            !waived &&
            typeof property["x-no-limit"] !== "string"
          )
            this.report(
              "string-limit",
              pointer,
              "a request string without maxLength, format, pattern or enum; add the vendor's limit, or `x-no-limit: <why>` (here or on the schema)",
            );
        }
    }
  }

  mappedOrUnmapped(): void {
    const mapping = this.model.mapping;
    const body = this.model.operation?.requestBody;
    if (!body) return;
    if (!mapping)
      return this.report(
        "mapped-or-unmapped",
        "",
        "the spec has no x-mapping: no request field is fed from the canonical customer",
      );
    const key = this.model.operation?.idempotency;
    // The idempotency key's field is the client's to fill.
    const fed = [
      ...requestRows(this.model).map((row) => row.vendor),
      ...(key ? [key.in === "body" ? `/body${key.field}` : `/header/${key.name}`] : []),
    ];
    const unmapped = mapping.unmapped.map((entry) => entry.field.replace(/\/\d+(?=\/|$)/g, "/*"));
    const covered = (field: string) =>
      [...fed, ...unmapped].some(
        (path) => path === field || field.startsWith(`${path}/`) || path.startsWith(`${field}/`),
      );
    for (const field of leafFields(this.model, body.schema, "/body", true))
      if (!covered(field))
        this.report(
          "mapped-or-unmapped",
          mapping.pointer,
          `\`${field}\` is neither fed by a declaration nor listed in \`unmapped\` with a reason`,
        );
    for (const parameter of this.model.operation?.parameters ?? [])
      if (!covered(`/${parameter.in}/${parameter.name}`))
        this.report(
          "mapped-or-unmapped",
          mapping.pointer,
          `the ${parameter.in} parameter \`${parameter.name}\` is neither fed nor listed in \`unmapped\``,
        );
  }

  /** The idempotency key goes where the vendor documents it, as text, and nothing else writes there. */
  idempotency(): void {
    const operation = this.model.operation;
    const key = operation?.idempotency;
    if (!operation || !key) return;
    const at = `${operation.pointer}/x-idempotency`;
    const target = key.in === "body" ? `/body${key.field}` : `/header/${key.name}`;
    if (key.in === "body") {
      const schemas = operation.requestBody ? schemasAt(this.model, operation.requestBody.schema, key.field) : [];
      if (schemas.length === 0)
        return this.report("idempotency", `${at}/body`, `\`${key.field}\` is not a field of the request body`);
      if (!schemas.some((schema) => schema.type === "string"))
        this.report("idempotency", `${at}/body`, `\`${key.field}\` must be a string to hold the key`);
    } else {
      const parameter = operation.parameters.find(
        (candidate) => candidate.in === "header" && candidate.name.toLowerCase() === key.name.toLowerCase(),
      );
      if (parameter && parameter.schema.type !== undefined && parameter.schema.type !== "string")
        this.report("idempotency", `${at}/header`, `the header parameter \`${parameter.name}\` is not a string`);
    }
    if (requestRows(this.model).some((row) => row.vendor.toLowerCase() === target.toLowerCase()))
      this.report(
        "idempotency",
        at,
        `\`${target}\` is fed by x-mapping, but the client writes the idempotency key there`,
      );
  }

  operationId(): void {
    const operation = this.model.operation;
    if (operation && !/^[A-Za-z][A-Za-z0-9]*$/.test(operation.id))
      this.report("operation-id", operation.pointer, "the operation needs an operationId (letters and digits)");
  }

  unusedComponents(document: unknown): void {
    const text = JSON.stringify(document);
    for (const { name } of this.model.schemas) {
      const uses = text.split(`"#/components/schemas/${name}"`).length - 1;
      if (uses === 0)
        this.report(
          "unused-component",
          `/components/schemas/${escapePointerPart(name)}`,
          `\`${name}\` is not used by the operation, another schema or x-context`,
        );
    }
  }
}

/** Every finding for one vendor spec. */
export function lintSpec(model: SpecModel, source: SourceDocument): LintFinding[] {
  if (model.kind !== "vendor") return [];
  const linter = new Linter(model, source);
  linter.typedAndDescribed();
  linter.stringLimits();
  linter.mappedOrUnmapped();
  linter.operationId();
  linter.unusedComponents(source.value);
  linter.vendorDeclared(source.value);
  linter.knownFormats();
  linter.analysedPatterns();
  linter.sampled();
  linter.idempotency();
  return linter.findings.sort(
    (a, b) => a.at.line - b.at.line || a.at.column - b.at.column || (a.message < b.message ? -1 : 1),
  );
}
