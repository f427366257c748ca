import type { SpecModel } from "../model/model.js";

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
  return `import { ${names.join(", ")} } from "${from}";`;
}

/** `import type { A, B } from "x";` with the names sorted. */
export const importTypes = (from: string, types: string[]): string =>
  `import type { ${[...new Set(types)].sort().join(", ")} } from "${from}";`;
