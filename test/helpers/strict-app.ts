/**
 * The compiler options of a user's strictest application, as the consumer
 * tests type-check the README's example with: strict, exact optional
 * properties, checked index access, Node's module resolution.
 */
export const STRICT_APP_OPTIONS = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  target: "es2022",
  module: "nodenext",
  moduleResolution: "nodenext",
  types: [],
  skipLibCheck: true,
} as const;
