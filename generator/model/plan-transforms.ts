import * as countryTransforms from "@customer-adapters/runtime/countries";
import * as transforms from "@customer-adapters/runtime/transforms";
import type { Transform } from "@customer-adapters/runtime/transforms";
import type { FieldMappingModel, MappingModel, TransformName } from "./model.js";

/**
 * The runtime transforms a vendor's mapping uses (request and response), each where the
 * runtime exports it: the generated mapper imports exactly these by name, so
 * that a bundle holds no transform (and no country table) its vendor does not
 * use; the generator runs its plans (fixtures, `check`) with the same ones.
 */
export interface PlanTransform {
  /** As the plan names it: `assume-utc`. */
  readonly name: TransformName;
  /** The runtime subpath exporting it: the country ones carry `countries-list`. */
  readonly subpath: "transforms" | "countries";
  /** Its export there: `assumeUtc`. */
  readonly exported: string;
  readonly run: Transform;
}

/** `join` and `nth` are steps of the mapping itself; `copy` is left out of plans. */
const STEPS: ReadonlySet<string> = new Set(["join", "nth", "copy"]);

function namesIn(declarations: readonly FieldMappingModel[], into: Set<TransformName>): Set<TransformName> {
  for (const declaration of declarations) {
    if (declaration.transform !== undefined && !STEPS.has(declaration.transform)) into.add(declaration.transform);
    if (declaration.map !== undefined) namesIn(declaration.map, into);
  }
  return into;
}

/** The transforms the mapping's declarations (and their nested `map`s) use, sorted by name. */
export function planTransforms(mapping: MappingModel | undefined): PlanTransform[] {
  const names = namesIn(mapping?.response ?? [], namesIn(mapping?.request ?? [], new Set()));
  return [...names].sort().map((name) => {
    const subpath = name.startsWith("country-") ? "countries" : "transforms";
    const exported = name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
    const module: Record<string, unknown> = subpath === "countries" ? countryTransforms : transforms;
    const run = module[exported];
    if (typeof run !== "function") throw new Error(`the runtime exports no transform ${exported} for ${name}`);
    return { name, subpath, exported, run: run as Transform };
  });
}
