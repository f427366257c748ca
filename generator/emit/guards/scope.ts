/**
 * Identifiers named after what they hold: camelCase for locals and
 * functions, UPPER_SNAKE for module constants. A function's locals never
 * take a module name, and the module never takes a name some local already
 * has, so no local shadows a constant or function it needs.
 */
export class Names {
  private readonly used: Set<string>;
  /** On the module's names: every local name in use anywhere. */
  private readonly locals = new Set<string>();
  constructor(
    taken: Iterable<string> = [],
    private readonly module?: Names,
  ) {
    this.used = new Set(taken);
  }

  take(hint: string, style: "camel" | "constant" = "camel"): string {
    const words = hint.split(/[^A-Za-z0-9]+/).filter(Boolean);
    let base =
      style === "constant"
        ? words.map((word) => word.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase()).join("_")
        : words.map((word, index) => capitalize(word, index > 0)).join("");
    if (base === "" || /^[0-9]/.test(base) || RESERVED.has(base)) {
      base = `${base || "value"}${style === "constant" ? "_VALUE" : "Value"}`;
    }
    let name = base;
    for (let count = 2; this.used.has(name) || this.locals.has(name) || this.module?.used.has(name); count++) {
      name = `${base}${count}`;
    }
    this.used.add(name);
    this.module?.locals.add(name);
    return name;
  }

  /** A scope for one function's locals. */
  scope(): Names {
    return new Names(["value"], this);
  }
}

const capitalize = (word: string, upper: boolean) =>
  (upper ? word.charAt(0).toUpperCase() : word.charAt(0).toLowerCase()) + word.slice(1);

/** Words a local must not be named: keywords, and the globals and imports the guards call. */
const RESERVED = new Set([
  "arguments",
  "await",
  "break",
  "case",
  "catch",
  "class",
  "const",
  "continue",
  "debugger",
  "default",
  "delete",
  "do",
  "else",
  "enum",
  "eval",
  "export",
  "extends",
  "false",
  "finally",
  "for",
  "function",
  "if",
  "implements",
  "import",
  "in",
  "instanceof",
  "interface",
  "let",
  "new",
  "null",
  "package",
  "private",
  "protected",
  "public",
  "return",
  "static",
  "super",
  "switch",
  "this",
  "throw",
  "true",
  "try",
  "typeof",
  "undefined",
  "var",
  "void",
  "while",
  "with",
  "yield",
  "isFinite",
  "ucs2length",
  "isDate",
  "isDateTime",
  "isInt32",
  "isUri",
  "isIri",
  "isIriReference",
  "formats",
  "compiled",
  "Array",
  "Number",
  "Set",
  "RegExp",
]);
