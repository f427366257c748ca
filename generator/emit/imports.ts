import type { SpecModel } from "../model/model.js";
import { fitOrBreak } from "./final-layout.js";

/** The package every generated package runs on; named with its exact version in each manifest. */
export const RUNTIME_PACKAGE = "@customer-adapters/runtime";

/** A subpath of the runtime, so that each generated module loads only what it uses (validation loads no XML). */
export type RuntimeSubpath =
  | "validation"
  | "checks"
  | "formats"
  | "format-set"
  | "equal"
  | "mapping"
  | "wire"
  | "xml"
  | "transforms"
  | "countries"
  | "client"
  | "mock"
  | "standard-schema"
  | "msw"
  | "vendors";

export const runtimeModule = (subpath: RuntimeSubpath): string => `${RUNTIME_PACKAGE}/${subpath}`;

/** Where `Customer` and `validateCustomer` come from: the canonical package, or its own validators inside it. */
export function canonicalModule(model: SpecModel): string {
  return model.kind === "canonical" ? "./validators.js" : "@customer-adapters/canonical";
}

/** `import { a, b, type C } from "x";` with the names sorted, types after values. */
export function importLine(from: string, values: string[], types: string[] = []): string {
  const names = [...[...new Set(values)].sort(), ...[...new Set(types)].sort().map((name) => `type ${name}`)];
  return importNames(from, names);
}

/** `import type { A, B } from "x";` with the names sorted. */
export const importTypes = (from: string, types: string[]): string =>
  importNames(from, [...new Set(types)].sort(), "import type");

/** `import { a, b } from "x";` (or `export type { a, b } ...`) with the names in the order given, on one line when it fits, else one a line. */
export function importNames(from: string, names: string[], keyword = "import"): string {
  const list = fitOrBreak("{", names, "}", { indent: "", column: keyword.length + 1, after: from.length + 9 });
  return `${keyword} ${list} from "${from}";`;
}
