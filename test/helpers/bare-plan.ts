// A hand-written mapping plan for tests of the runtime that need no vendor's
// spec: a POST of JSON to https://vendor.test/customers with nothing mapped,
// and whatever the test sets.
import type { MappingPlan } from "@customer-adapters/runtime";

export const barePlan = (parts: Partial<MappingPlan> = {}): MappingPlan => ({
  method: "POST",
  path: "/customers",
  server: "https://vendor.test",
  serverDefaults: {},
  contentType: "application/json",
  request: [],
  auth: [],
  response: [],
  errorLocations: [],
  errors: [],
  ...parts,
});
