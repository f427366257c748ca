import { buildRequest, type MappingPlan } from "@customer-adapters/runtime/mapping";
import type { PreflightVendor } from "@customer-adapters/runtime/vendors";
import { mappingPlan } from "../model/mapping-plan.js";
import type { SpecModel } from "../model/model.js";
import { aggregatedVendors, contextInputs } from "./aggregate.js";
import { requestValidators } from "./request-validators.js";

/**
 * The vendors of a specs folder as the runtime's `preflight` takes them, run
 * in-process from the models (the mapping plan and ajv-compiled validators,
 * as the generated packages have them): `customer-adapters check` needs no
 * generated or built package.
 */
export function preflightVendors(models: readonly SpecModel[]): PreflightVendor[] {
  const canonical = models.find((model) => model.kind === "canonical");
  if (!canonical) return [];
  return aggregatedVendors(models).map((model) => {
    const plan = mappingPlan(model) as unknown as MappingPlan;
    const validators = requestValidators(model, canonical);
    return {
      slug: model.slug,
      name: model.vendorName,
      context: contextInputs(model),
      toRequest: (customer, context) => buildRequest(plan, validators, customer, context),
      checkCustomer: (customer, context) =>
        buildRequest(plan, { ...validators, context: undefined }, customer, context),
    };
  });
}
