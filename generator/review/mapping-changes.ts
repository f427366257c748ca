/**
 * The mapping's part of the review: a vendor's mapping rows judged by what
 * they fed (a row that fed a required vendor field, or a documented result
 * field, breaks the customers it mapped), and the canonical customer's
 * changes named with the vendor mappings that read the field.
 */
import type { SourceDocument } from "../core/source.js";
import { schemasAt } from "../model/check-model.js";
import { type MappingRow, requestRows, responseRows, wildcard } from "../model/mapping-table.js";
import type { SpecModel } from "../model/model.js";
import { changeAt, type SpecChange } from "./diff-operation.js";

const line = (row: MappingRow) => `${row.vendor} ← ${row.sources.join(" + ") || "constant"} (${row.how})`;
const resultLine = (row: MappingRow) => `${row.sources.join(" + ")} ← ${row.vendor || "constant"} (${row.how})`;
/** Whether two field paths are one field, or one holds the other. */
const overlap = (a: string, b: string) => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);

/** The request mapping as one line a row (the generated effect's `mappingAdded`/`mappingRemoved`). */
export function mappingLines(model: SpecModel | undefined): string[] {
  return model ? requestRows(model).map(line) : [];
}

/** Whether the vendor requires the field a mapping row feeds (`/body/Name`, `/header/x-appid`): within its parent, for a body field. */
function requiredVendorField(model: SpecModel, field: string): boolean {
  const [, part, ...rest] = field.split("/");
  const operation = model.operation;
  if (!operation) return false;
  if (part !== "body")
    return operation.parameters.some(
      (parameter) => parameter.in === part && parameter.name === rest[0] && parameter.required,
    );
  const body = operation.requestBody;
  const name = rest.at(-1);
  if (!body || name === undefined || name === "*") return false;
  const parent = rest
    .slice(0, -1)
    .map((segment) => `/${segment}`)
    .join("");
  return schemasAt(model, body.schema, parent).some(
    (schema) => Array.isArray(schema.required) && schema.required.includes(name),
  );
}

/** A vendor's mapping rows, removed and added, each judged by what it fed. */
export function mappingChanges(
  slug: string,
  head: SourceDocument,
  before: SpecModel | undefined,
  after: SpecModel | undefined,
): SpecChange[] {
  if (!before || !after) return [];
  const changes: SpecChange[] = [];
  const [oldRows, newRows] = [requestRows(before), requestRows(after)];
  const [oldLines, newLines] = [oldRows.map(line), newRows.map(line)];
  const same = (a: string[], b: string[]) => [...a].sort().join(" ") === [...b].sort().join(" ");
  for (const row of oldRows.filter((_, index) => !newLines.includes(oldLines[index] as string))) {
    // Still fed from the same canonical fields (another transform, say): what it sends changes, not whether it can.
    const fedAlike = newRows.some((other) => other.vendor === row.vendor && same(other.sources, row.sources));
    const required = !fedAlike && requiredVendorField(after, row.vendor);
    changes.push(
      changeAt(
        slug,
        required ? "x-mapping-required-row-removed" : "x-mapping-row-removed",
        head,
        "/x-mapping/request",
        `mapping row removed: ${line(row)}${required ? ` (the vendor requires ${row.vendor}: \`toRequest\` fails for customers it mapped)` : ""}`,
      ),
    );
  }
  for (const row of newRows.filter((_, index) => !oldLines.includes(newLines[index] as string)))
    changes.push(changeAt(slug, "x-mapping-row-added", head, "/x-mapping/request", `mapping row added: ${line(row)}`));
  const [oldResults, newResults] = [responseRows(before), responseRows(after)];
  const [oldResultLines, newResultLines] = [oldResults.map(resultLine), newResults.map(resultLine)];
  for (const row of oldResults.filter((_, index) => !newResultLines.includes(oldResultLines[index] as string))) {
    // A result field still filled (from another vendor field) is a changed row, reported as the row added.
    if (newResults.some((other) => same(other.sources, row.sources))) continue;
    changes.push(
      changeAt(
        slug,
        "x-mapping-result-row-removed",
        head,
        "/x-mapping/response",
        `result mapping row removed: ${resultLine(row)} (\`fromResponse\` no longer gives ${row.sources.join(", ")})`,
      ),
    );
  }
  for (const row of newResults.filter((_, index) => !oldResultLines.includes(newResultLines[index] as string)))
    changes.push(
      changeAt(
        slug,
        "x-mapping-result-row-added",
        head,
        "/x-mapping/response",
        `result mapping row added: ${resultLine(row)}`,
      ),
    );
  return changes;
}

/** The canonical customer's changes, each naming the vendor mapping rows (base or head) that read its fields. */
export function namingMappings(changes: SpecChange[], base: SpecModel[], head: SpecModel[]): SpecChange[] {
  const readers = new Map<string, Set<string>>();
  for (const model of [...base, ...head])
    for (const row of requestRows(model))
      for (const read of row.reads.map(wildcard)) {
        const rows = readers.get(read) ?? new Set<string>();
        rows.add(`${model.slug} ${row.vendor}`);
        readers.set(read, rows);
      }
  return changes.map((change) => {
    const fields = (change.fields ?? []).filter((field) => field !== "");
    const read = [...readers]
      .filter(([source]) => fields.some((field) => overlap(field, source)))
      .flatMap(([, rows]) => [...rows]);
    const mappings = [...new Set(read)].sort();
    return mappings.length === 0
      ? change
      : { ...change, mappings, message: `${change.message}; read by ${mappings.join(", ")}` };
  });
}
