/**
 * What changed between two versions of an OpenAPI 3.1 document's one
 * operation, as findings named by the rules of `rules.ts`. It reads the
 * documents as written (following local `$ref`s itself, so every finding
 * keeps the pointer and line where the change is), and so works on any
 * document, not only on this project's specs: the real-world corpus
 * (test/fixtures/review-corpus/) goes through the same code.
 */
import { escapePointerPart, valueAt } from "../core/pointer.js";
import { isSchemaObject, type Schema } from "../core/schema-walk.js";
import type { SourceDocument } from "../core/source.js";
import {
  type Breaks,
  type ConstraintChange,
  type Constraint,
  constraintsFor,
  limitsFor,
  ORDERED_CONSTRAINTS,
  ruleById,
  type Severity,
  type Subject,
} from "./rules.js";

export interface SpecChange {
  vendor: string;
  rule: string;
  severity: Severity;
  breaking: boolean;
  breaks: Breaks;
  /** JSON pointer in the spec: in the head, or in the base for what was removed (`side`). */
  pointer: string;
  side: "base" | "head";
  line: number;
  column: number;
  /** Where in the head spec to show it: the pointer's position, or its nearest ancestor's when it is gone. */
  headLine: number;
  headColumn: number;
  message: string;
  /**
   * The body fields the change is about, as instance paths (`/email`,
   * `/phones/*\/number`): every path that reaches a shared schema. The
   * review names the mappings that read them.
   */
  fields?: string[];
  /** For a change of the canonical customer: the vendor mapping rows that read its fields (`jtl /body/Number`). */
  mappings?: string[];
}

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => isSchemaObject(value);
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const show = (value: unknown) => (value === undefined ? "none" : JSON.stringify(value));
/** Stable JSON: the same schema written with its keys in another order compares equal. */
const stable = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(stable).join(",")}]`
    : isNode(value)
      ? `{${Object.keys(value)
          .sort()
          .map((key) => `${JSON.stringify(key)}:${stable(value[key])}`)
          .join(",")}}`
      : JSON.stringify(value);

/** The operation a document describes, as written, and where it is. */
interface Operation {
  path: string;
  method: string;
  pointer: string;
  node: Node;
  pathItem: Node;
}

/** One version of the document, read as written. */
class Version {
  constructor(readonly source: SourceDocument) {}

  get root(): Node {
    return isNode(this.source.value) ? this.source.value : {};
  }

  /** Follows local `$ref`s; a `$ref`'s siblings override the target's keywords, as 3.1 allows. */
  deref(node: unknown, pointer: string): [Node | undefined, string] {
    let current = node;
    let at = pointer;
    for (
      let hops = 0;
      hops < 32 && isNode(current) && typeof current.$ref === "string" && current.$ref.startsWith("#");
      hops++
    ) {
      const target = decodeURIComponent(current.$ref.slice(1));
      const { $ref: _ref, ...siblings } = current;
      const found = valueAt(this.root, target);
      if (!isNode(found)) break;
      current = { ...found, ...siblings };
      at = target;
    }
    return [isNode(current) ? current : undefined, at];
  }

  /** The document's one operation (the first, in a document with more). */
  operation(): Operation | undefined {
    const paths = isNode(this.root.paths) ? this.root.paths : {};
    for (const [path, item] of Object.entries(paths)) {
      const [pathItem] = this.deref(item, `/paths/${escapePointerPart(path)}`);
      const method = METHODS.find((candidate) => isNode(pathItem?.[candidate]));
      if (pathItem && method)
        return {
          path,
          method,
          pointer: `/paths/${escapePointerPart(path)}/${method}`,
          node: pathItem[method] as Node,
          pathItem,
        };
    }
    return undefined;
  }
}

interface Field {
  schema: Schema;
  required: boolean;
  /** Where the field is declared (its entry in `properties`): where it is added, removed or made required. */
  site: string;
  /** Where its schema is, past any `$ref`: where its keywords change. */
  pointer: string;
}

/** A body schema flattened by instance path (`""` the body, `/contacts/*\/name`), through `$ref`s and `allOf`. */
function fields(version: Version, root: unknown, rootPointer: string): Map<string, Field> {
  const found = new Map<string, Field>();
  const visit = (schema: unknown, pointer: string, path: string, required: boolean, depth: number) => {
    const [resolved, at] = version.deref(schema, pointer);
    if (!resolved || found.has(path)) return;
    found.set(path, { schema: resolved, required, site: pointer, pointer: at });
    if (depth > 12) return;
    const parts: [Node, string][] = [[resolved, at]];
    for (const [index, part] of list(resolved.allOf).entries()) {
      const [node, partAt] = version.deref(part, `${at}/allOf/${index}`);
      if (node) parts.push([node, partAt]);
    }
    for (const [part, partAt] of parts) {
      const requiredNames = new Set(list(part.required).map(String));
      if (isNode(part.properties))
        for (const [name, property] of Object.entries(part.properties))
          visit(
            property,
            `${partAt}/properties/${escapePointerPart(name)}`,
            `${path}/${name}`,
            requiredNames.has(name),
            depth + 1,
          );
      if (isNode(part.items)) visit(part.items, `${partAt}/items`, `${path}/*`, true, depth + 1);
    }
  };
  visit(root, rootPointer, "", true, 0);
  return found;
}

const typesOf = (schema: Schema): string[] =>
  (Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type]).map(String).sort();

/** Whether every value of `narrow`'s type and format is one of `wide`'s (a schema without `type` takes any type). */
function typeCovers(wide: Schema, narrow: Schema): boolean {
  const [wideTypes, narrowTypes] = [typesOf(wide), typesOf(narrow)];
  const types =
    wideTypes.length === 0 ||
    (narrowTypes.length > 0 &&
      narrowTypes.every((type) => wideTypes.includes(type) || (type === "integer" && wideTypes.includes("number"))));
  return types && (wide.format === undefined || wide.format === narrow.format);
}
const mediaTypes = (content: unknown): string[] => (isNode(content) ? Object.keys(content) : []);

/** A media type as media types compare: lower case, without parameters (`charset`). */
const essence = (type: string) => (type.split(";")[0] as string).trim().toLowerCase();
/** Whether a client parses the media type as JSON: `application/json`, `*\/*+json`. */
const isJson = (type: string) => /^[a-z0-9!#$&^_.+-]+\/([a-z0-9!#$&^_.-]+\+)?json$/.test(essence(type));

/** How a constraint keyword changed, judged for a sender (see rules.ts); undefined when it did not. */
function constraintChange(constraint: Constraint, old: Schema, now: Schema): ConstraintChange | undefined {
  const value = (schema: Schema) =>
    constraint.name === "unique-items"
      ? schema.uniqueItems === true || undefined
      : constraint.name === "if"
        ? schema.if === undefined
          ? undefined
          : { if: schema.if, then: schema.then, else: schema.else }
        : schema[constraint.keywords[0]];
  const [was, is] = [value(old), value(now)];
  if (stable(was) === stable(is)) return undefined;
  if (was === undefined) return "added";
  if (is === undefined) return "removed";
  if (!ORDERED_CONSTRAINTS.has(constraint.name)) return "changed";
  return takesAll(constraint, is, was) ? "loosened" : takesAll(constraint, was, is) ? "tightened" : "changed";
}

/** Whether a value takes every instance the `other` value of the constraint takes (for an ordered constraint). */
function takesAll(constraint: Constraint, value: unknown, other: unknown): boolean {
  switch (constraint.name) {
    case "multiple-of": {
      // A step that divides the other takes every value it took (10 → 5).
      if (typeof value !== "number" || typeof other !== "number") return false;
      const ratio = other / value;
      return Math.abs(ratio - Math.round(ratio)) < 1e-9;
    }
    case "dependent-required":
      // Each trigger it has requires no more than the other's does.
      return entriesWithin(value, other, (names, others) =>
        Array.isArray(names) && Array.isArray(others) ? names.every((name) => others.includes(name)) : false,
      );
    case "dependent-schema":
      // Each trigger it has holds the other's very schema.
      return entriesWithin(value, other, (schema, others) => stable(schema) === stable(others));
    default:
      // `unevaluated*`: `false` takes nothing more than any schema, `true` everything.
      return other === false || value === true;
  }
}

/** Whether every key of `value` is one of `other` and its entry is `within` the other's. */
function entriesWithin(value: unknown, other: unknown, within: (entry: unknown, others: unknown) => boolean): boolean {
  if (!isSchemaObject(value) || !isSchemaObject(other)) return false;
  return Object.entries(value).every(([key, entry]) => key in other && within(entry, other[key]));
}

class Differ {
  readonly changes: SpecChange[] = [];
  private readonly seen = new Map<string, SpecChange>();
  /** The body field being compared (an instance path), while `bodies` compares one. */
  private field: string | undefined;
  constructor(
    private readonly vendor: string,
    private readonly base: Version,
    private readonly head: Version,
  ) {}

  /** Records a finding once: the same change reached twice (two media types, two statuses, one `$ref`) is one. */
  add(
    rule: string,
    pointer: string,
    message: string,
    side: "base" | "head" = "head",
    key = message,
    field: string | undefined = this.field,
  ): void {
    const found = this.seen.get(`${rule} ${pointer} ${key}`);
    if (found) {
      if (field !== undefined && !found.fields?.includes(field)) found.fields = [...(found.fields ?? []), field];
      return;
    }
    const { severity, breaks } = ruleById(rule);
    const at = (side === "head" ? this.head : this.base).source.locate(pointer);
    const inHead = this.head.source.locate(pointer);
    const change: SpecChange = {
      vendor: this.vendor,
      rule,
      severity,
      breaking: severity === "breaking",
      breaks,
      pointer,
      side,
      line: at.line,
      column: at.column,
      headLine: inHead.line,
      headColumn: inHead.column,
      message,
      ...(field === undefined ? {} : { fields: [field] }),
    };
    this.seen.set(`${rule} ${pointer} ${key}`, change);
    this.changes.push(change);
  }

  /** A finding about a schema: once per place in the spec, however many paths reach it (`label` names the first). */
  private note(rule: string, at: string, label: string, detail: string): void {
    this.add(rule, at, `${label}: ${detail}`, "head", detail);
  }

  /** The keyword-level rules for one schema in both versions. */
  schema(subject: Subject, label: string, old: Schema, now: Schema, at: string): void {
    const request = subject.startsWith("request");
    const [oldTypes, newTypes] = [typesOf(old).join("|"), typesOf(now).join("|")];
    if (oldTypes !== newTypes || old.format !== now.format) {
      // A sender is safe when the head takes all it took; a reader when the head gives nothing it did not.
      const safe = request ? typeCovers(now, old) : typeCovers(old, now);
      const types = oldTypes === newTypes ? [] : [`type ${oldTypes || "any"} → ${newTypes || "any"}`];
      const formats = old.format === now.format ? [] : [`format ${show(old.format)} → ${show(now.format)}`];
      const rule = safe ? (request ? "type-generalized" : "type-specialized") : "type-changed";
      this.note(`${subject}-${rule}`, at, label, [...types, ...formats].join(", "));
    }
    if (subject !== "request-parameter") {
      const closed = (schema: Schema) => schema.additionalProperties === false;
      const [no, yes] = request ? ["no longer accepted", "now accepted"] : ["no longer given", "now possible"];
      if (!closed(old) && closed(now))
        this.note(`${subject}-additional-properties-closed`, at, label, `undeclared properties are ${no}`);
      if (closed(old) && !closed(now))
        this.note(`${subject}-additional-properties-opened`, at, label, `undeclared properties are ${yes}`);
    }
    if (subject !== "request-parameter") this.alternatives(subject, label, old, now, at);
    this.limits(subject, label, old, now, at);
    this.constraints(subject, label, old, now, at);
    if (subject === "request-body" || subject === "response-body") return;
    this.enums(subject, label, old, now, at);
    this.defaults(subject, label, old, now, at);
    if (old.pattern === undefined && now.pattern !== undefined)
      this.note(`${subject}-pattern-added`, at, label, `pattern ${show(now.pattern)} added`);
    else if (old.pattern !== undefined && now.pattern === undefined)
      this.note(`${subject}-pattern-removed`, at, label, `pattern ${show(old.pattern)} removed`);
    else if (old.pattern !== now.pattern)
      this.note(`${subject}-pattern-changed`, at, label, `pattern ${show(old.pattern)} → ${show(now.pattern)}`);
    if (old.description !== now.description) this.note("description-changed", at, label, `description changed`);
  }

  /** Whole-value constraints (`multipleOf`, `const`, `if`/`then`, ...): see rules.ts for who each direction breaks. */
  private constraints(subject: Subject, label: string, old: Schema, now: Schema, at: string): void {
    for (const constraint of constraintsFor(subject)) {
      const change = constraintChange(constraint, old, now);
      if (!change) continue;
      const detail = constraint.keywords
        .filter((keyword) => stable(old[keyword]) !== stable(now[keyword]))
        .map((keyword) => `${keyword} ${show(old[keyword])} → ${show(now[keyword])}`)
        .join(", ");
      this.note(`${subject}-${constraint.name}-${change}`, at, label, detail);
    }
  }

  /** `default`: what the vendor assumes for a value left out. */
  private defaults(subject: Subject, label: string, old: Schema, now: Schema, at: string): void {
    if (stable(old.default) === stable(now.default)) return;
    const verb = old.default === undefined ? "added" : now.default === undefined ? "removed" : "changed";
    this.note(`${subject}-default-value-${verb}`, at, label, `default ${show(old.default)} → ${show(now.default)}`);
  }

  private enums(subject: Subject, label: string, old: Schema, now: Schema, at: string): void {
    const oldEnum = Array.isArray(old.enum) ? old.enum.map(stable) : undefined;
    const newEnum = Array.isArray(now.enum) ? now.enum.map(stable) : undefined;
    const gives = subject === "response-property" ? "gives" : "takes";
    // An enum dropped widens it to every value: for a reader, values the deployed validators refuse.
    if (oldEnum && !newEnum) this.note(`${subject}-enum-value-added`, at, label, `no longer restricted to an enum`);
    if (!newEnum) return;
    if (!oldEnum) {
      if (subject !== "response-property")
        this.note(`${subject}-became-enum`, at, label, `restricted to ${newEnum.join(", ")}`);
      return;
    }
    const removed = oldEnum.filter((value) => !newEnum.includes(value));
    const added = newEnum.filter((value) => !oldEnum.includes(value));
    if (removed.length > 0)
      this.note(`${subject}-enum-value-removed`, at, label, `no longer ${gives} ${removed.join(", ")}`);
    if (added.length > 0) this.note(`${subject}-enum-value-added`, at, label, `now also ${gives} ${added.join(", ")}`);
  }

  private limits(subject: Subject, label: string, old: Schema, now: Schema, at: string): void {
    for (const { keyword, name, tighter, looser } of limitsFor(subject)) {
      const was = typeof old[keyword] === "number" ? (old[keyword] as number) : undefined;
      const is = typeof now[keyword] === "number" ? (now[keyword] as number) : undefined;
      if (was === is) continue;
      const detail = `${keyword} ${show(was)} → ${show(is)}`;
      const tightened = was !== undefined && is !== undefined && (tighter === "decreased" ? is < was : is > was);
      if (subject.startsWith("response")) {
        // Only a looser response breaks anyone: a reader that relied on the bound.
        if (is === undefined) this.note(`${subject}-${name}-unset`, at, label, detail);
        else if (was !== undefined && !tightened) this.note(`${subject}-${name}-${looser}`, at, label, detail);
      } else
        this.note(`${subject}-${name}-${was === undefined ? "set" : tightened ? tighter : looser}`, at, label, detail);
    }
  }

  private alternatives(subject: Subject, label: string, old: Schema, now: Schema, at: string): void {
    for (const [keyword, name] of [
      ["oneOf", "one-of"],
      ["anyOf", "any-of"],
    ] as const) {
      const branches = (version: Version, schema: Schema) =>
        list(schema[keyword]).map((branch, index) => stable(version.deref(branch, `${at}/${keyword}/${index}`)[0]));
      const [before, after] = [branches(this.base, old), branches(this.head, now)];
      const removed = before.filter((branch) => !after.includes(branch)).length;
      const added = after.filter((branch) => !before.includes(branch)).length;
      if (removed > 0)
        this.note(`${subject}-${name}-removed`, at, label, `${removed} ${keyword} alternative(s) removed`);
      if (added > 0) this.note(`${subject}-${name}-added`, at, label, `${added} ${keyword} alternative(s) added`);
    }
  }

  /** Two versions of a body compared field by field. */
  bodies(
    oldRoot: unknown,
    oldPointer: string,
    newRoot: unknown,
    newPointer: string,
    direction: "request" | "response",
    where: string,
  ): void {
    const before = fields(this.base, oldRoot, oldPointer);
    const after = fields(this.head, newRoot, newPointer);
    const request = direction === "request";
    const subjectOf = (path: string): Subject => `${direction}-${path === "" ? "body" : "property"}`;
    const label = (path: string) =>
      path === "" ? `${direction} body${where}` : `${direction} property \`${path}\`${where}`;
    for (const [path, old] of before) {
      const now = after.get(path);
      this.field = path;
      if (!now) {
        // A field inside a removed object is removed with it: one finding, for the object.
        const parent = path.replace(/\/[^/]+$/, "");
        if (path !== "" && (parent === "" || after.has(parent)))
          this.add(
            request
              ? "request-property-removed"
              : `response-${old.required ? "required" : "optional"}-property-removed`,
            old.site,
            `${label(path)} removed`,
            "base",
            "",
          );
        continue;
      }
      if (path !== "" && old.required !== now.required)
        this.add(
          `${direction}-property-became-${now.required ? "required" : "optional"}`,
          now.site,
          `${label(path)} is now ${now.required ? "required" : "optional"}`,
          "head",
          "",
        );
      this.schema(subjectOf(path), label(path), old.schema, now.schema, now.pointer);
    }
    for (const [path, now] of after) {
      if (before.has(path)) continue;
      this.field = path;
      const parent = path.replace(/\/[^/]+$/, "");
      // A field inside a new object is new with it: one finding, for the object.
      if (!(parent === "" || before.has(parent))) continue;
      // The deployed package's response validator refuses a property its closed model does not declare.
      const closed = !request && !path.endsWith("/*") && before.get(parent)?.schema.additionalProperties === false;
      const rule = request
        ? `new-${now.required ? "required" : "optional"}-request-property`
        : closed
          ? "response-property-added-to-closed-model"
          : `response-${now.required ? "required" : "optional"}-property-added`;
      const advice = closed
        ? ": the packages already deployed refuse the vendor's answers that have it (`additionalProperties: false`); open the model or bump the major version"
        : "";
      this.add(rule, now.site, `${label(path)} added${now.required ? " as required" : ""}${advice}`, "head", "");
    }
    this.field = undefined;
  }

  location(oldOp: Operation, newOp: Operation): void {
    if (oldOp.path !== newOp.path)
      this.add("api-path-changed", newOp.pointer, `the operation moved from ${oldOp.path} to ${newOp.path}`);
    if (oldOp.method !== newOp.method)
      this.add(
        "api-method-changed",
        newOp.pointer,
        `the operation's method changed from ${oldOp.method} to ${newOp.method}`,
      );
    if (oldOp.node.deprecated !== true && newOp.node.deprecated === true)
      this.add("endpoint-deprecated", newOp.pointer, "the operation is now deprecated");
    if (oldOp.node.deprecated === true && newOp.node.deprecated !== true)
      this.add("endpoint-reactivated", newOp.pointer, "the operation is no longer deprecated");
    this.servers(oldOp, newOp);
  }

  /**
   * Servers, judged by what the generated client does: it calls the first
   * one, its variables at their defaults (or the base URL it is given), so
   * only a change there moves its calls; the others are documentation.
   */
  private servers(oldOp: Operation, newOp: Operation): void {
    type Server = { url: string; resolved: string; variables: string; pointer: string };
    const servers = (version: Version, op: Operation): Server[] => {
      const [where, value] = Array.isArray(op.node.servers)
        ? [`${op.pointer}/servers`, op.node.servers]
        : [`/servers`, list(version.root.servers)];
      return value.map((server, index) => {
        const url = isNode(server) ? String(server.url) : "";
        const variables = isNode(server) && isNode(server.variables) ? server.variables : {};
        const resolved = url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
          const variable = variables[name];
          return isNode(variable) && variable.default !== undefined ? String(variable.default) : whole;
        });
        return { url, resolved, variables: Object.keys(variables).sort().join(","), pointer: `${where}/${index}` };
      });
    };
    const [before, after] = [servers(this.base, oldOp), servers(this.head, newOp)];
    const [first, now] = [before[0], after[0]];
    if (first && (first.resolved !== now?.resolved || first.variables !== now.variables))
      this.add(
        "api-default-server-changed",
        now?.pointer ?? first.pointer,
        `the client's default server ${first.resolved} is now ${now?.resolved ?? "none"}`,
        now ? "head" : "base",
      );
    for (const { url, pointer } of before.slice(1))
      if (!after.some((other) => other.url === url))
        this.add("api-server-removed", pointer, `server ${url} removed`, "base");
    for (const { url, pointer } of after)
      if (!before.some((other) => other.url === url) && pointer !== now?.pointer)
        this.add("api-server-added", pointer, `server ${url} added`);
  }

  security(oldOp: Operation, newOp: Operation): void {
    type Requirement = { key: string; scopes: Map<string, string[]>; pointer: string };
    const requirements = (version: Version, op: Operation): Requirement[] => {
      const [where, value] = Array.isArray(op.node.security)
        ? [`${op.pointer}/security`, op.node.security]
        : ["/security", list(version.root.security)];
      return value.map((entry, index) => {
        const scopes = new Map(
          Object.entries(isNode(entry) ? entry : {}).map(([name, granted]) => [name, list(granted).map(String)]),
        );
        return { key: [...scopes.keys()].sort().join(" + "), scopes, pointer: `${where}/${index}` };
      });
    };
    const [before, after] = [requirements(this.base, oldOp), requirements(this.head, newOp)];
    const anonymous = (all: Requirement[]) => all.length === 0 || all.some((requirement) => requirement.key === "");
    const securityPointer =
      after[0]?.pointer.replace(/\/\d+$/, "") ??
      (Array.isArray(newOp.node.security) ? `${newOp.pointer}/security` : "/security");
    if (anonymous(before) && !anonymous(after))
      this.add("api-security-became-required", securityPointer, "calls without credentials are no longer accepted");
    for (const old of before) {
      if (old.key === "") continue;
      const now = after.find((candidate) => candidate.key === old.key);
      if (!now) {
        this.add("api-security-removed", old.pointer, `security requirement ${old.key} removed`, "base");
        continue;
      }
      for (const [scheme, scopes] of now.scopes) {
        const was = old.scopes.get(scheme) ?? [];
        const added = scopes.filter((scope) => !was.includes(scope));
        const removed = was.filter((scope) => !scopes.includes(scope));
        if (added.length > 0)
          this.add(
            "api-security-scope-added",
            now.pointer,
            `security ${scheme} now needs scope(s) ${added.join(", ")}`,
          );
        if (removed.length > 0)
          this.add(
            "api-security-scope-removed",
            now.pointer,
            `security ${scheme} no longer needs scope(s) ${removed.join(", ")}`,
          );
      }
    }
    for (const now of after)
      if (now.key !== "" && !before.some((old) => old.key === now.key))
        this.add("api-security-added", now.pointer, `security requirement ${now.key} added`);
    // A scheme both versions use, defined differently: the credentials callers send change.
    const used = new Set(before.flatMap((requirement) => [...requirement.scopes.keys()]));
    for (const name of new Set(after.flatMap((requirement) => [...requirement.scopes.keys()]))) {
      if (!used.has(name)) continue;
      const pointer = `/components/securitySchemes/${escapePointerPart(name)}`;
      const describe = (version: Version) => {
        const [scheme] = version.deref(valueAt(version.root, pointer), pointer);
        return [scheme?.type, scheme?.scheme, scheme?.in, scheme?.name]
          .filter((part) => part !== undefined)
          .map(String)
          .join(" ");
      };
      const [was, is] = [describe(this.base), describe(this.head)];
      if (was !== is)
        this.add(
          "api-security-component-type-changed",
          pointer,
          `security scheme ${name} changed from ${was || "none"} to ${is || "none"}`,
        );
    }
  }

  parameters(oldOp: Operation, newOp: Operation): void {
    type Parameter = { name: string; in: string; required: boolean; node: Node; pointer: string };
    const parameters = (version: Version, op: Operation): Parameter[] => {
      const found = new Map<string, Parameter>();
      const collect = (value: unknown, where: string) => {
        for (const [index, entry] of list(value).entries()) {
          const [node] = version.deref(entry, `${where}/${index}`);
          if (node)
            found.set(`${String(node.in)} ${String(node.name)}`, {
              name: String(node.name),
              in: String(node.in),
              required: node.required === true,
              node,
              pointer: `${where}/${index}`,
            });
        }
      };
      // Operation parameters override the path item's of the same name and location.
      collect(op.pathItem.parameters, op.pointer.replace(/\/[^/]+$/, "/parameters"));
      collect(op.node.parameters, `${op.pointer}/parameters`);
      return [...found.values()];
    };
    const [before, after] = [parameters(this.base, oldOp), parameters(this.head, newOp)];
    const same = (a: Parameter, b: Parameter) => a.in === b.in && a.name === b.name;
    for (const old of before) {
      const now = after.find((candidate) => same(candidate, old));
      const label = `${old.in} parameter \`${old.name}\``;
      if (!now) {
        const moved = after.find(
          (candidate) => candidate.name === old.name && !before.some((other) => same(other, candidate)),
        );
        if (moved) this.add("request-parameter-in-changed", moved.pointer, `${label} moved to ${moved.in}`);
        else this.add("request-parameter-removed", old.pointer, `${label} removed`, "base");
        continue;
      }
      if (old.required !== now.required)
        this.add(
          `request-parameter-became-${now.required ? "required" : "optional"}`,
          now.pointer,
          `${label} is now ${now.required ? "required" : "optional"}`,
        );
      const [oldSchema] = this.base.deref(old.node.schema, `${old.pointer}/schema`);
      const [newSchema, schemaAt] = this.head.deref(now.node.schema, `${now.pointer}/schema`);
      if (oldSchema && newSchema) this.schema("request-parameter", label, oldSchema, newSchema, schemaAt);
      if (old.node.description !== now.node.description)
        this.add("description-changed", now.pointer, `${label}: description changed`);
    }
    for (const now of after) {
      if (
        before.some((old) => same(old, now)) ||
        before.some((old) => old.name === now.name && !after.some((other) => same(other, old)))
      )
        continue;
      this.add(
        `new-${now.required ? "required" : "optional"}-request-parameter`,
        now.pointer,
        `${now.in} parameter \`${now.name}\` added${now.required ? " as required" : ""}`,
      );
    }
  }

  requestBody(oldOp: Operation, newOp: Operation): void {
    const [old, oldAt] = this.base.deref(oldOp.node.requestBody, `${oldOp.pointer}/requestBody`);
    const [now, nowAt] = this.head.deref(newOp.node.requestBody, `${newOp.pointer}/requestBody`);
    if (old?.required !== true && now?.required === true)
      this.add("request-body-became-required", nowAt, "the request body is now required");
    if (old?.required === true && now !== undefined && now.required !== true)
      this.add("request-body-became-optional", nowAt, "the request body is now optional");
    this.content(old?.content, `${oldAt}/content`, now?.content, `${nowAt}/content`, "request", "");
  }

  /** The media types of a body in both versions, and the schemas of those in both. */
  private content(
    oldContent: unknown,
    oldAt: string,
    newContent: unknown,
    newAt: string,
    direction: "request" | "response",
    where: string,
  ): void {
    const [before, after] = [mediaTypes(oldContent), mediaTypes(newContent)];
    const request = direction === "request";
    const removed = request ? "request-body-media-type-removed" : "response-media-type-removed";
    const added = request ? "request-body-media-type-added" : "response-media-type-added";
    // Each base media type's counterpart: the same one, the same but for parameters (`charset`), or, in a
    // response, another JSON one (the client parses `application/problem+json` as it parses `application/json`).
    const pairs = new Map<string, string>();
    const unpaired = (type: string) => ![...pairs.values()].includes(type);
    for (const match of [
      (a: string, b: string) => a === b,
      (a: string, b: string) => essence(a) === essence(b),
      (a: string, b: string) => !request && isJson(a) && isJson(b),
    ])
      for (const type of before)
        if (!pairs.has(type)) {
          const counterpart = after.find((candidate) => unpaired(candidate) && match(type, candidate));
          if (counterpart !== undefined) pairs.set(type, counterpart);
        }
    const typeAt = (at: string, type: string) => `${at}/${escapePointerPart(type)}`;
    for (const type of before.filter((candidate) => !pairs.has(candidate)))
      this.add(removed, typeAt(oldAt, type), `${direction} media type ${type}${where} removed`, "base");
    for (const type of after.filter(unpaired))
      this.add(added, typeAt(newAt, type), `${direction} media type ${type}${where} added`);
    for (const [type, counterpart] of pairs) {
      if (type !== counterpart)
        this.add(
          `${request ? "request-body" : "response"}-media-type-name-changed`,
          typeAt(newAt, counterpart),
          `${direction} media type ${type}${where} is now written ${counterpart}`,
        );
      const schema = (content: unknown, name: string) =>
        isNode(content) && isNode(content[name]) ? content[name].schema : undefined;
      this.bodies(
        schema(oldContent, type),
        `${typeAt(oldAt, type)}/schema`,
        schema(newContent, counterpart),
        `${typeAt(newAt, counterpart)}/schema`,
        direction,
        where,
      );
    }
  }

  responses(oldOp: Operation, newOp: Operation): void {
    const statuses = (op: Operation) => (isNode(op.node.responses) ? Object.keys(op.node.responses) : []);
    const [before, after] = [statuses(oldOp), statuses(newOp)];
    const success = (status: string) => status.startsWith("2");
    const at = (op: Operation, status: string) => `${op.pointer}/responses/${escapePointerPart(status)}`;
    for (const status of before.filter((candidate) => !after.includes(candidate)))
      this.add(
        `response-${success(status) ? "" : "non-"}success-status-removed`,
        at(oldOp, status),
        `response ${status} removed`,
        "base",
      );
    for (const status of after.filter((candidate) => !before.includes(candidate)))
      this.add(
        `response-${success(status) ? "" : "non-"}success-status-added`,
        at(newOp, status),
        `response ${status} added`,
      );
    for (const status of before.filter((candidate) => after.includes(candidate))) {
      const [old, oldAt] = this.base.deref((oldOp.node.responses as Node)[status], at(oldOp, status));
      const [now, nowAt] = this.head.deref((newOp.node.responses as Node)[status], at(newOp, status));
      this.content(old?.content, `${oldAt}/content`, now?.content, `${nowAt}/content`, "response", ` (${status})`);
      this.headers(old, oldAt, now, nowAt, status);
    }
  }

  /** A response's headers (names compared without case; `Content-Type` is the media type's, as OpenAPI says). */
  private headers(old: Node | undefined, oldAt: string, now: Node | undefined, nowAt: string, status: string): void {
    type Header = { name: string; node: Node; pointer: string };
    const headers = (version: Version, response: Node | undefined, at: string): Map<string, Header> => {
      const found = new Map<string, Header>();
      for (const [name, entry] of Object.entries(isNode(response?.headers) ? response.headers : {})) {
        const pointer = `${at}/headers/${escapePointerPart(name)}`;
        const [node] = version.deref(entry, pointer);
        if (node && name.toLowerCase() !== "content-type") found.set(name.toLowerCase(), { name, node, pointer });
      }
      return found;
    };
    const [before, after] = [headers(this.base, old, oldAt), headers(this.head, now, nowAt)];
    const label = (header: Header) => `response header \`${header.name}\` (${status})`;
    for (const [key, was] of before) {
      const is = after.get(key);
      if (!is) {
        const rule = `${was.node.required === true ? "required" : "optional"}-response-header-removed`;
        this.add(rule, was.pointer, `${label(was)} removed`, "base");
        continue;
      }
      if ((was.node.required === true) !== (is.node.required === true))
        this.add(
          `response-header-became-${is.node.required === true ? "required" : "optional"}`,
          is.pointer,
          `${label(is)} is now ${is.node.required === true ? "required" : "optional"}`,
        );
      // A header's value is read like a response property's: the same rules judge its schema.
      const [oldSchema] = this.base.deref(was.node.schema, `${was.pointer}/schema`);
      const [newSchema, schemaAt] = this.head.deref(is.node.schema, `${is.pointer}/schema`);
      if (oldSchema && newSchema) this.schema("response-property", label(is), oldSchema, newSchema, schemaAt);
    }
    for (const [key, is] of after)
      if (!before.has(key)) this.add("response-header-added", is.pointer, `${label(is)} added`);
  }

  /** `x-errors`: the vendor's error codes the generated package tells apart. */
  errors(oldOp: Operation, newOp: Operation): void {
    const codes = (op: Operation) =>
      list(op.node["x-errors"]).map((entry, index) => ({
        code: String(isNode(entry) ? entry.code : ""),
        status: isNode(entry) ? entry.status : undefined,
        pointer: `${op.pointer}/x-errors/${index}`,
      }));
    const [before, after] = [codes(oldOp), codes(newOp)];
    for (const old of before) {
      const now = after.find((candidate) => candidate.code === old.code);
      if (!now) this.add("x-errors-code-removed", old.pointer, `vendor error \`${old.code}\` removed`, "base");
      else if (old.status !== now.status)
        this.add(
          "x-errors-code-status-changed",
          now.pointer,
          `vendor error \`${old.code}\` now comes with status ${show(now.status)} (was ${show(old.status)})`,
        );
    }
    for (const now of after)
      if (!before.some((old) => old.code === now.code))
        this.add("x-errors-code-added", now.pointer, `vendor error \`${now.code}\` added`);
  }
}

/**
 * Every change between two versions of component schemas read as bodies:
 * the canonical customer, whose `Customer` is what `toRequest` takes (read
 * like a request) and whose result is what `fromResponse` gives (read like
 * a response).
 */
export function diffComponents(
  base: SourceDocument,
  head: SourceDocument,
  vendor: string,
  schemas: { name: string; direction: "request" | "response" }[],
): SpecChange[] {
  const [before, after] = [new Version(base), new Version(head)];
  const differ = new Differ(vendor, before, after);
  for (const { name, direction } of schemas) {
    const pointer = `/components/schemas/${escapePointerPart(name)}`;
    const [old, now] = [valueAt(before.root, pointer), valueAt(after.root, pointer)];
    if (old !== undefined && now !== undefined) differ.bodies(old, pointer, now, pointer, direction, ` (${name})`);
  }
  return differ.changes;
}

/** Every change between two versions of a document's operation, in the order the document reads. */
export function diffOperation(base: SourceDocument, head: SourceDocument, vendor: string): SpecChange[] {
  const [before, after] = [new Version(base), new Version(head)];
  const differ = new Differ(vendor, before, after);
  const [oldOp, newOp] = [before.operation(), after.operation()];
  if (!oldOp || !newOp) return [];
  differ.location(oldOp, newOp);
  differ.security(oldOp, newOp);
  differ.parameters(oldOp, newOp);
  differ.requestBody(oldOp, newOp);
  differ.responses(oldOp, newOp);
  differ.errors(oldOp, newOp);
  return differ.changes;
}

/** A finding the review makes from more than the documents (the generated package, the mapping). */
export function changeAt(
  vendor: string,
  rule: string,
  head: SourceDocument,
  pointer: string,
  message: string,
): SpecChange {
  const { severity, breaks } = ruleById(rule);
  const at = head.locate(pointer);
  return {
    vendor,
    rule,
    severity,
    breaking: severity === "breaking",
    breaks,
    pointer,
    side: "head",
    line: at.line,
    column: at.column,
    headLine: at.line,
    headColumn: at.column,
    message,
  };
}
