import { template as loadTemplate } from "../core/templates.js";
import { requestRows, responseRows, unheldFields } from "../model/mapping-table.js";
import type { SpecModel } from "../model/model.js";
import { banner } from "./banner.js";
import { fieldRows } from "./field-table.js";
import { retryNote } from "./mapping.js";
import type { OutputKind } from "./output-kind.js";
import { GENERATOR_VERSION, SCOPE } from "./package-json.js";

const template = loadTemplate("package-readme");

/** Markdown table cells cannot hold raw pipes or line breaks. */
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");

function authText(model: SpecModel): string {
  const described = model.security.map((names) =>
    names.length === 0
      ? "none"
      : names
          .map((name) => {
            const scheme = model.securitySchemes.find((candidate) => candidate.name === name);
            return [scheme?.type, scheme?.scheme].filter(Boolean).join(" ");
          })
          .join(" + "),
  );
  return described.length > 0
    ? described.join(", or ")
    : "see the spec (credentials in the body, if any, are marked sensitive)";
}

function mappingView(model: SpecModel, canonical: SpecModel | undefined): Record<string, unknown> {
  if (!model.mapping) return { mapped: false };
  const row = (entry: ReturnType<typeof requestRows>[number]) => ({
    vendor: entry.vendor,
    sources: entry.sources.map((source) => `\`${source}\``).join(" + ") || "",
    how: cell(entry.note ? `${entry.how} (${entry.note})` : entry.how),
  });
  return {
    mapped: true,
    requestRows: requestRows(model).map(row),
    responseRows: responseRows(model).map(row),
    successStatus: model.operation?.responses.find((response) => response.status.startsWith("2"))?.status ?? "success",
    unheld: canonical ? unheldFields(model, canonical) : [],
    unmapped: model.mapping.unmapped.map((entry) => ({ field: entry.field, reason: cell(entry.reason) })),
    retries: retryNote(model),
  };
}

/** Where each output kind is imported from: the main entry, or its own subpaths. */
function contentsView(model: SpecModel, kinds: readonly OutputKind[]): { where: string; summary: string }[] {
  const name = `${SCOPE}/${model.slug}`;
  return kinds.map((kind) => {
    const entries = (kind.entries?.(model) ?? []).map((entry) => `\`${name}${entry.subpath.slice(1)}\``);
    const where = [...(kind.main ? [`\`${name}\``] : []), ...entries].join(", ");
    return { where, summary: cell(kind.summary) };
  });
}

/** The package README, from `templates/package-readme.hbs`. */
export function emitReadme(model: SpecModel, kinds: readonly OutputKind[], canonical?: SpecModel): string {
  const operation = model.operation;
  // The canonical package documents its Customer; a vendor package its request body.
  const body = operation ? operation.requestBody?.schema : { $ref: "#/components/schemas/Customer" };
  return (
    `${banner(model, "md")}\n` +
    template({
      name: `${SCOPE}/${model.slug}`,
      slug: model.slug,
      vendor: model.kind === "vendor",
      title: model.title,
      vendorName: model.vendorName,
      description: model.description,
      specFile: model.specFile,
      specVersion: model.version,
      generatorVersion: GENERATOR_VERSION,
      deprecated: operation?.deprecated,
      contents: contentsView(model, kinds),
      hasMock: kinds.some((kind) => kind.name === "mock"),
      hasMsw: kinds.some((kind) => kind.name === "msw"),
      hasStandardSchema: kinds.some((kind) => kind.name === "standard-schema"),
      method: operation?.method ?? "",
      path: operation?.path ?? "",
      servers: model.servers.map((server) => server.url),
      contentTypes: operation?.requestBody?.contentTypes ?? [],
      auth: authText(model),
      fields: body
        ? fieldRows(model, body).map((row) => ({
            ...row,
            description: cell(row.description),
            limits: cell(row.limits),
          }))
        : [],
      ...mappingView(model, canonical),
      errors: (operation?.errors ?? []).map((error) => ({
        ...error,
        message: cell(error.message),
        rules: error.rules.map((rule) => `${rule.in} \`${rule.path}\` ${rule.keywords.join("/")}`).join("; "),
      })),
    })
  );
}
