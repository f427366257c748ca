import type { SpecModel } from "../../model/model.js";
import { validationSchema } from "../../model/validation-schema.js";
import { ifStatement, LINE_WIDTH, textWidth } from "../final-layout.js";
import { importLine } from "../imports.js";
import { indentBlocks, jsDoc, printStatements } from "../source-file.js";
import { validationTargets } from "../validation-targets.js";
import { compilable } from "./compilable.js";
import { GuardCompiler } from "./compiler.js";
import { componentName } from "./context.js";

/**
 * `guards.ts`: the fail-fast path behind every `isX`. ajv's compiled code
 * keeps its bookkeeping for error reports even when it stops at the first
 * error (and counts code points on every `maxLength`); a guard only answers
 * yes or no, from the same validation schema, so that both always agree (the
 * differential tests hold them to it). A schema that uses a keyword this
 * compiler does not know keeps ajv's function as its guard.
 *
 * Layout, after ajv's vocabularies: `compiler.ts` runs the keyword families
 * in order, one module each (type, enum-const, ref, string-limits,
 * number-limits, format, properties, dependent, items, combinators,
 * conditional); `compilable.ts` decides which schemas they cover;
 * `scope.ts` names the identifiers.
 */

/**
 * Emits `guards.ts`: one export per validation target, named as in
 * `validators.compiled.js`, each `(value: unknown) => boolean`; each
 * runtime helper it calls is imported from `moduleOf(helper)`.
 */
export function emitGuards(model: SpecModel, moduleOf: (helper: string) => string): string {
  const components = new Map(model.schemas.map(({ name, schema }) => [name, validationSchema(schema)]));
  const targets = validationTargets(model);
  const compiler = new GuardCompiler(
    components,
    targets.map((target) => target.id),
  );
  const exports: string[] = [];
  let fallback = false;
  for (const target of targets) {
    const schema = validationSchema(target.schema);
    const doc =
      `Whether a value is ${target.summary}, stopping at the first broken rule. ` +
      "Agrees with `validators.compiled.js`, which reports every broken rule.";
    if (!compilable(schema, components)) {
      fallback = true;
      const note = "Its schema uses a keyword the guards do not compile, so ajv's function answers.";
      const declaration = `export const ${target.id}: (value: unknown) => boolean = compiled.${target.id};`;
      exports.push(`${jsDoc(`${doc}\n${note}`)}\n${declaration}`);
      continue;
    }
    const ref = componentName(schema.$ref);
    if (ref !== undefined && Object.keys(schema).length === 1) {
      const fn = compiler.component(ref);
      exports.push(`${jsDoc(doc)}\nexport const ${target.id}: (value: unknown) => boolean = ${fn};`);
    } else exports.push(compiler.functionOf(target.id, schema, target.id, doc, true));
  }
  const byModule = new Map<string, string[]>();
  for (const helper of compiler.imports.helpers)
    byModule.set(moduleOf(helper), [...(byModule.get(moduleOf(helper)) ?? []), helper]);
  const imports = [
    ...[...byModule].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([from, names]) => importLine(from, names)),
    ...(fallback ? [`import * as compiled from "./validators.compiled.js";`] : []),
  ];
  return breakLongConditions(
    indentBlocks(printStatements([...imports, ...compiler.constants, ...compiler.functions, ...exports])),
  );
}

/**
 * Each `if` wider than the line width broken as Prettier breaks it, now that
 * its indent is known; one that cannot be broken so stays as it is, for the
 * formatter's safety net (write/format.ts) to lay out.
 */
function breakLongConditions(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      if (textWidth(line) <= LINE_WIDTH) return line;
      const statement = /^( *)if \((.*)\) (return false;|\{)$/.exec(line);
      return (statement && ifStatement(statement[2] as string, statement[3] as string, statement[1] as string)) ?? line;
    })
    .join("\n");
}
