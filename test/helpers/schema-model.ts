import type { SpecModel } from "../../generator/model/model.js";
import type { Schema } from "../../generator/core/schema-walk.js";

/** A canonical-style model of just these component schemas: one validation target per schema, named after it. */
export const modelOf = (schemas: Record<string, Schema>): SpecModel =>
  ({
    kind: "canonical",
    slug: "test",
    schemas: Object.entries(schemas).map(([name, schema]) => ({ name, schema })),
  }) as unknown as SpecModel;

/** A `$ref` to a component schema. */
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A vendor-style model whose operation takes `body` (as `contentType`), with these component schemas and `rest` (mapping, security). */
export const bodyModelOf = (
  body: Schema,
  schemas: Record<string, Schema>,
  rest: Record<string, unknown> = {},
  contentType = "application/json",
): SpecModel =>
  ({
    ...modelOf(schemas),
    kind: "vendor",
    ...rest,
    operation: {
      pointer: "/paths/~1customers/post",
      requestBody: { contentTypes: [contentType], schema: body, examples: [], required: true },
      responses: [],
    },
  }) as unknown as SpecModel;
