/**
 * The public entry of the `customer-adapters` package: the shape of
 * `customer-adapters.config.{json,mjs,ts}` and `defineConfig`, which types it.
 * Written with explicit types: its declarations are made without a program
 * (generator/compile.mjs).
 */

/** The kinds of output a package can be made with (generator/emit/registry.ts); `outputs` lists the ones to make. */
export type OutputKind =
  | "types"
  | "operation"
  | "validators"
  | "standard-schema"
  | "mapper"
  | "fixtures"
  | "mock"
  | "msw";

/** Every output kind's name, as the registry has them (test/cli/config.test.ts holds the two lists equal). */
export const OUTPUT_NAMES: readonly OutputKind[] = [
  "types",
  "operation",
  "validators",
  "standard-schema",
  "mapper",
  "fixtures",
  "mock",
  "msw",
];

export interface CustomerAdaptersConfig {
  /** The specs folder, relative to the config file (default `specs`). */
  specs?: string;
  /** The output folder, relative to the config file (default `generated`). */
  out?: string;
  /** The npm scope of the generated packages (default `@customer-adapters`). */
  scope?: string;
  /** A package name (without the scope) per spec slug, for the packages not to be named after their slug. */
  names?: Record<string, string>;
  /** Which optional outputs to make, besides types, operation and validators, which every package has (default: all). */
  outputs?: OutputKind[];
  /** Whether to format the generated code with Biome (default true). */
  format?: boolean;
  /**
   * Whether to write the runtime package into the output folder (`<out>/runtime/`, named in `scope`), which the
   * generated packages depend on, and to build each package's `dist/` as it is written (default false: the repository
   * provides the runtime itself, as customer-adapters' own repository does with `packages/runtime`). `init` sets it.
   */
  runtime?: boolean;
}

/** Returns `config` as it is: it exists so that an editor checks the config file's keys and values. */
export function defineConfig(config: CustomerAdaptersConfig): CustomerAdaptersConfig {
  return config;
}
