/**
 * Spec keys added for issue 29, each with where it may appear, so that a
 * checker of the project's `x-` extensions learns them from one place:
 * `otherwise` and `needs` inside `x-mapping` (docs/mapping.md), and
 * `x-idempotency` on the create operation (docs/spec-conventions.md).
 */
export const MAPPING_AND_IDEMPOTENCY_KEYS = {
  otherwise: "/x-mapping/request/**/otherwise: a lookup's fallback (`omit`, `error` or `{ value }`)",
  needs: "/x-mapping/needs: canonical fields the vendor cannot do without (`{ field, reason }`)",
  "x-idempotency": "the create operation: how the vendor takes an idempotency key (`{ header }` or `{ body }`)",
} as const;
