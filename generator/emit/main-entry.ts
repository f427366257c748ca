import type { SpecModel } from "../model/model.js";
import { LINE_WIDTH } from "./final-layout.js";
import { canonicalModule, importTypes, RUNTIME_PACKAGE } from "./imports.js";
import type { OutputKind } from "./output-kind.js";
import { jsDoc, printStatements } from "./source-file.js";
import { typeName } from "./type-expression.js";

/**
 * The type of the package's `adapter`: `VendorAdapter<...>` cut to exactly
 * the members it has, each required (a package with a mapper has
 * `toRequest`, `fromResponse` and `createCustomer`, callable as they are
 * under `strict`; one without has none of them), with the types it needs
 * from `./types.js`.
 */
function adapterType(model: SpecModel, mapped: boolean, members: string[]): { type: string; own: string[] } {
  const prefix = typeName(model.operation?.id ?? "");
  // Declared for a body-less operation too (as `never`).
  const body = `${prefix}RequestBody`;
  const context = model.context ? `${prefix}Context` : "Record<string, never>";
  const own = [body, ...(mapped && model.context ? [context] : [])];
  const general = mapped ? `VendorAdapter<${body}, ${context}, Customer>` : `VendorAdapter<${body}>`;
  const names = members.map((member) => JSON.stringify(member.split(":")[0]?.trim()));
  return { type: pickType(`Required<${general}>`, names), own };
}

const DECLARATION = "export const adapter: ";

/** `Pick<T, "a" | "b">` as Prettier lays it out after `DECLARATION`: its arguments a line each when it is too long, the names' union then a name a line when it is too. */
function pickType(type: string, names: string[]): string {
  const union = names.join(" | ");
  const line = `Pick<${type}, ${union}>`;
  if (DECLARATION.length + line.length + " = {".length <= LINE_WIDTH) return line;
  const keys = 2 + union.length <= LINE_WIDTH ? `  ${union}` : names.map((name) => `  | ${name}`).join("\n");
  return `Pick<\n  ${type},\n${keys}\n>`;
}

/**
 * `index.ts`, the package's main entry: what production code calls, as the
 * kinds declare it (types, validators, the mapper and client), and for a
 * vendor the `adapter` object built from their members. Fixtures and the
 * mock have subpaths of their own and are never reached from here.
 */
export function emitMainEntry(model: SpecModel, kinds: readonly OutputKind[]): string {
  const reexports = kinds.flatMap((kind) => kind.main?.(model) ?? []);
  const statements = reexports.map(({ source, typesOnly }) => `export ${typesOnly ? "type " : ""}* from "${source}";`);
  if (model.kind === "canonical" || !model.operation) return printStatements(statements);
  const parts = kinds.flatMap((kind) => (kind.adapter ? [kind.adapter(model)] : []));
  const mapped = kinds.some((kind) => kind.name === "mapper");
  const members = [`vendor: ${JSON.stringify(model.slug)}`, ...parts.flatMap((part) => part.members)];
  const { type, own } = adapterType(model, mapped, members);
  return printStatements([
    ...(mapped ? [importTypes(canonicalModule(model), ["Customer"])] : []),
    importTypes(RUNTIME_PACKAGE, ["VendorAdapter"]),
    ...parts.flatMap((part) => part.imports),
    ...(own.length > 0 ? [importTypes("./types.js", own)] : []),
    ...statements,
    `${jsDoc(`${model.vendorName}: ${model.title}. The same shape (\`VendorAdapter\`) for every vendor, typed with exactly the members this package has.`)}\n${DECLARATION}${type} = {\n${members.map((member) => `  ${member},`).join("\n")}\n};`,
  ]);
}
