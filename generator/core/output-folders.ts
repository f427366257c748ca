// The folders of an output folder that are packages of their own beside the one per spec: known to the cache,
// the build and the commands by these names, and refused as a spec's slug.

/** The aggregate package (`<scope>/vendors`, generator/emit/aggregate.ts), remade with any vendor. */
export const AGGREGATE_SLUG = "vendors";

/** The runtime package written into a user's output folder (generator/emit/runtime-package.ts). */
export const RUNTIME_FOLDER = "runtime";
