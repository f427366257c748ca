import { escapePointerPart } from "../core/pointer.js";
import { isSchemaObject, walkSchema, type Schema } from "../core/schema-walk.js";
import type { BodyModel, SpecModel } from "./model.js";

/**
 * Where each schema of a model is written in its document, as a JSON pointer
 * (`source.locate` turns it into file:line:column). The schemas are found by
 * walking the model's roots once.
 */
export class SchemaPlaces {
  private readonly places = new WeakMap<Schema, string>();

  /** Places `root` at `pointer` and every schema nested in it below; a schema already placed keeps its place. */
  add(root: Schema | boolean, pointer: string): void {
    // `true` and `false` hold no keyword to place.
    if (!isSchemaObject(root) || this.places.has(root)) return;
    walkSchema(root, pointer, (node, at) => {
      if (!this.places.has(node)) this.places.set(node, at);
    });
  }

  get(schema: Schema): string | undefined {
    return this.places.get(schema);
  }
}

/** The pointer of a body's schema: under its JSON content type, as the model chose it. */
function bodySchemaPointer(pointer: string, body: BodyModel): string {
  const contentType = body.contentTypes.find((type) => /json/.test(type)) ?? body.contentTypes[0] ?? "";
  return `${pointer}/content/${escapePointerPart(contentType)}/schema`;
}

/** The schemas of a model that are not components, each with its place: the context, the request body, each response body. */
export function modelRoots(model: Partial<Pick<SpecModel, "context" | "operation">>): [Schema, string][] {
  const roots: [Schema, string][] = model.context ? [[model.context, "/x-context"]] : [];
  const operation = model.operation;
  if (!operation) return roots;
  if (operation.requestBody)
    roots.push([
      operation.requestBody.schema,
      bodySchemaPointer(`${operation.pointer}/requestBody`, operation.requestBody),
    ]);
  for (const response of operation.responses)
    if (response.body)
      roots.push([
        response.body.schema,
        bodySchemaPointer(`${operation.pointer}/responses/${escapePointerPart(response.status)}`, response.body),
      ]);
  return roots;
}
