import type { SpecModel } from "../../generator/model/model.js";
import type { Schema } from "../../generator/core/schema-walk.js";

/** A canonical-style model of just these component schemas: one validation target per schema, named after it. */
export const modelOf = (schemas: Record<string, Schema>): SpecModel =>
  ({
    kind: "canonical",
    slug: "test",
    schemas: Object.entries(schemas).map(([name, schema]) => ({ name, schema })),
  }) as unknown as SpecModel;
