import { fixturesOutput } from "./fixtures.js";
import { mapperOutput } from "./mapping.js";
import { mockOutput } from "./mock.js";
import { mswOutput } from "./msw.js";
import { operationOutput } from "./operation.js";
import type { OutputKind } from "./output-kind.js";
import { standardSchemaOutput } from "./standard-schema.js";
import { typesOutput } from "./types.js";
import { validatorsOutput } from "./validators.js";

/** Every output kind, in the order their files, exports and README lines appear. Adding a kind is one module and one line here. */
export const OUTPUT_KINDS: readonly OutputKind[] = [
  typesOutput,
  operationOutput,
  validatorsOutput,
  standardSchemaOutput,
  mapperOutput,
  fixturesOutput,
  mockOutput,
  mswOutput,
];

export const OUTPUT_NAMES: readonly string[] = OUTPUT_KINDS.map((kind) => kind.name);

/**
 * The kinds to emit: all of them, or the ones named (with every kind that is
 * not optional, and what the named ones require). An unknown name is an error
 * for the caller to report.
 */
export function selectOutputs(names?: readonly string[]): OutputKind[] {
  if (!names) return [...OUTPUT_KINDS];
  const unknown = names.filter((name) => !OUTPUT_NAMES.includes(name));
  if (unknown.length > 0)
    throw new RangeError(
      `unknown output ${unknown.map((name) => `'${name}'`).join(", ")}; the outputs are ${OUTPUT_NAMES.join(", ")}`,
    );
  const chosen = new Set(names);
  for (const kind of [...OUTPUT_KINDS].reverse())
    if (chosen.has(kind.name)) for (const required of kind.requires ?? []) chosen.add(required);
  return OUTPUT_KINDS.filter((kind) => !kind.optional || chosen.has(kind.name));
}
