import type { SpecModel } from "../model/model.js";

/** What an output kind is emitted from: the package's model and, for mapped vendors, the canonical customer's. */
export interface EmitInput {
  model: SpecModel;
  canonical: SpecModel | undefined;
}

/** One file of a package, its path relative to the package folder. */
export interface PackageFile {
  path: string;
  content: string;
  /** Already in its final layout (as emitted, or laid out by the emitter): the formatter skips it. */
  verbatim?: boolean;
}

/** A subpath the package exports (`./fixtures`), served by one of its sources (`src/fixtures.ts`). */
export interface PackageEntry {
  subpath: string;
  source: string;
}

/**
 * One kind of output of a generated package: types, validators, the mapper,
 * fixtures, the mock... Each is one module that says, as data, what it adds
 * to a package; the package's files, its main entry, its manifest, its
 * README and the review all read these declarations from the registry
 * (`registry.ts`) and know no kind by name.
 */
export interface OutputKind {
  /** Its name in a configuration's `outputs` and in reviews. */
  name: string;
  /** What a consumer gets from it, one sentence for the package README. */
  summary: string;
  /** A package without it still works (everything else of the package does not import it): a configuration may leave it out. */
  optional: boolean;
  /** Other kinds whose files its own import: chosen with it. */
  requires?: string[];
  /** Whether this package gets it (a mapper needs `x-mapping`). */
  appliesTo(model: SpecModel): boolean;
  files(input: EmitInput): PackageFile[];
  /** Sources re-exported by the package's main entry: what production code calls. */
  main?: (model: SpecModel) => { source: string; typesOnly?: boolean }[];
  /** Subpaths of its own, outside the main entry (fixtures, the mock). */
  entries?: (model: SpecModel) => PackageEntry[];
  /** Members it adds to the package's `adapter` object, as `name: expression`, with the imports they need. */
  adapter?: (model: SpecModel) => { imports: string[]; members: string[] };
  /** Packages the consumer provides (`msw`), with the version range tested here. */
  peerDependencies?: Record<string, string>;
}
