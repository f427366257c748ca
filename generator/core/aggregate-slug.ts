/** The folder of an output folder's aggregate package (`<scope>/vendors`, generator/emit/aggregate.ts): known to the cache as a package of its own. */
export const AGGREGATE_SLUG = "vendors";
