import { isSchemaObject, type Schema } from "../core/schema-walk.js";
import { schemasAt } from "./check-model.js";
import type { FieldMappingModel, SpecModel } from "./model.js";

/**
 * The kinds of customer the canonical schema allows, for the generate-time
 * check that every required vendor field is fed for each of them: one per
 * value of the discriminator (a required root property with an `enum` that an
 * `if` of the root tests: `kind`), times each branch of a `when: { <pointer>: null }`
 * (the field absent, or present). What a kind guarantees to be present is
 * read from `required`, including the `then.required` of its `if` branches.
 */
export interface CustomerKind {
  /** `a company customer`, `a person customer with /shippingAddress`. */
  readonly label: string;
  /** The label without branches: `a company customer`. */
  readonly base: string;
  readonly discriminator: { pointer: string; value: unknown } | undefined;
  /** Optional fields this kind assumes present, and those it assumes absent. */
  readonly present: ReadonlySet<string>;
  readonly absent: ReadonlySet<string>;
}

/** At most this many `when: null` pointers are split into both branches (2^n kinds per discriminator value). */
const MAX_BRANCH_POINTERS = 4;

const requiredOf = (schemas: Schema[]): string[] =>
  schemas.flatMap((schema) => (Array.isArray(schema.required) ? (schema.required as string[]) : []));

/** The root's `if`/`then` pairs (in `allOf` too): the discriminator values each tests, and what its `then` requires. */
function conditionalRequirements(rootSchemas: Schema[]): { property: string; value: unknown; required: string[] }[] {
  const found: { property: string; value: unknown; required: string[] }[] = [];
  for (const schema of rootSchemas) {
    const test = schema.if;
    const then = schema.then;
    if (!isSchemaObject(test) || !isSchemaObject(then) || !isSchemaObject(test.properties)) continue;
    for (const [property, condition] of Object.entries(test.properties))
      if (isSchemaObject(condition) && "const" in condition)
        found.push({ property, value: condition.const, required: requiredOf([then]) });
  }
  return found;
}

/** The root-level pointers some declaration's `when` tests for absence (`when: { /shippingAddress: null }`). */
function whenAbsentPointers(declarations: FieldMappingModel[]): string[] {
  const pointers = new Set<string>();
  for (const declaration of declarations)
    for (const [pointer, value] of Object.entries(declaration.when ?? {})) if (value === null) pointers.add(pointer);
  return [...pointers].sort();
}

export class CustomerKinds {
  readonly kinds: CustomerKind[];
  private readonly conditional: { property: string; value: unknown; required: string[] }[];

  constructor(
    private readonly canonical: SpecModel,
    private readonly customer: Schema,
    declarations: FieldMappingModel[],
    /** Canonical fields the vendor declares it needs (`x-mapping.needs`): taken as there for every kind. */
    private readonly needs: ReadonlySet<string> = new Set(),
  ) {
    const root = schemasAt(canonical, customer, "", false);
    this.conditional = conditionalRequirements(root);
    const rootRequired = new Set(requiredOf(root));
    const tested = new Set(this.conditional.map((entry) => entry.property));
    const discriminator = [...rootRequired].sort().find((name) => tested.has(name));
    const values = discriminator
      ? schemasAt(canonical, customer, `/${discriminator}`, false).flatMap((schema) =>
          Array.isArray(schema.enum) ? schema.enum : [],
        )
      : [];
    const pointers = whenAbsentPointers(declarations).slice(0, MAX_BRANCH_POINTERS);
    const bases: { label: string; discriminator: CustomerKind["discriminator"] }[] =
      discriminator && values.length > 0
        ? values.map((value) => ({
            label: `a ${String(value)} customer`,
            discriminator: { pointer: `/${discriminator}`, value },
          }))
        : [{ label: "a customer", discriminator: undefined }];
    this.kinds = bases.flatMap((base) =>
      Array.from({ length: 2 ** pointers.length }, (_, bits) => {
        const present = new Set(pointers.filter((_, index) => (bits >> index) & 1));
        const absent = new Set(pointers.filter((pointer) => !present.has(pointer)));
        // A branch is only worth naming where the kind does not decide it already.
        const optional = pointers.filter(
          (pointer) => !this.requiredIn(pointer, { ...base, base: base.label, present, absent }),
        );
        const named = optional.map((pointer) => `${present.has(pointer) ? "with" : "without"} ${pointer}`);
        return { ...base, base: base.label, label: [base.label, ...named].join(" "), present, absent };
      }),
    );
  }

  /** The kinds named, shortest: `every customer`, `a company customer` for all its branches, else each. */
  describe(labels: string[]): string {
    if (labels.length === this.kinds.length && this.kinds.length > 1) return "every customer";
    const named: string[] = [];
    for (const base of new Set(this.kinds.map((kind) => kind.base))) {
      const branches = this.kinds.filter((kind) => kind.base === base).map((kind) => kind.label);
      if (branches.every((label) => labels.includes(label))) named.push(base);
      else named.push(...branches.filter((label) => labels.includes(label)));
    }
    return named.join(" and for ");
  }

  /** Whether the canonical schema requires this field (not an item) in this kind, its parents being there. */
  private requiredIn(pointer: string, kind: CustomerKind): boolean {
    const parent = pointer.slice(0, pointer.lastIndexOf("/"));
    const name = pointer.slice(pointer.lastIndexOf("/") + 1);
    const wildcard = parent.replace(/\/\d+(?=\/|$)/g, "/*");
    const required = new Set(requiredOf(schemasAt(this.canonical, this.customer, wildcard, false)));
    if (parent === "")
      for (const entry of this.conditional)
        if (kind.discriminator?.pointer === `/${entry.property}` && kind.discriminator.value === entry.value)
          for (const name of entry.required) required.add(name);
    return required.has(name);
  }

  /** Whether every customer of this kind has the field, given that `scope` (an enclosing `map`'s source) is there. */
  present(pointer: string, kind: CustomerKind, scope: string): boolean {
    const inScope = scope !== "" && (pointer === scope || pointer.startsWith(`${scope}/`));
    return this.presentFrom(inScope ? scope : "", pointer, kind);
  }

  private presentFrom(start: string, pointer: string, kind: CustomerKind): boolean {
    const parts = pointer.slice(start.length).split("/").slice(1);
    let at = start;
    for (const part of parts) {
      const next = `${at}/${part}`;
      if (kind.absent.has(next)) return false;
      const there =
        kind.present.has(next) ||
        this.needs.has(next) ||
        (/^\d+$/.test(part) ? Number(part) < this.minItems(at) : this.requiredIn(next, kind));
      if (!there) return false;
      at = next;
    }
    return true;
  }

  /** How many items a canonical list always has (`minItems`). */
  private minItems(pointer: string): number {
    const schemas = schemasAt(this.canonical, this.customer, pointer.replace(/\/\d+(?=\/|$)/g, "/*"), false);
    return Math.max(0, ...schemas.map((schema) => (typeof schema.minItems === "number" ? schema.minItems : 0)));
  }

  /** Whether a declaration's `when` holds for every customer of this kind. */
  applies(declaration: FieldMappingModel, scope: string, kind: CustomerKind): boolean {
    return Object.entries(declaration.when ?? {}).every(([key, value]) => {
      const pointer = key.startsWith("#") ? key.slice(1) : scope + key;
      if (value === null) return kind.absent.has(pointer);
      return kind.discriminator?.pointer === pointer && kind.discriminator.value === value;
    });
  }

  /** Whether the declaration gives its target a value for every customer of this kind (`scope`: the enclosing `map`'s source, assumed there). */
  feeds(declaration: FieldMappingModel, scope: string, kind: CustomerKind): boolean {
    if (!this.applies(declaration, scope, kind)) return false;
    if (declaration.context !== undefined || declaration.hasValue || declaration.hasDefault) return true;
    if (declaration.transform === "nth") return false;
    if (declaration.transform === "lookup" && declaration.otherwise?.then === "omit") return false;
    const sources = (Array.isArray(declaration.from) ? declaration.from : [declaration.from ?? ""]).map((from) =>
      from.startsWith("#") ? from.slice(1) : scope + from,
    );
    return sources.some((pointer) => this.present(pointer, kind, scope));
  }
}
