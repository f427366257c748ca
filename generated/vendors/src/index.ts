import {
  createEverywhere as createAtEach,
  preflight as preflightAt,
  type Contexts,
  type EverywhereOptions,
  type EverywhereResult,
  type PreflightResult,
  type VendorEntry,
} from "@customer-adapters/runtime/vendors";
import type { Customer } from "@customer-adapters/canonical";
import * as vendor_bydesign from "@customer-adapters/bydesign";
import * as vendor_caliq from "@customer-adapters/caliq";
import * as vendor_jasper from "@customer-adapters/jasper";
import * as vendor_jtl from "@customer-adapters/jtl";
import * as vendor_storm from "@customer-adapters/storm";
/**
 * Every vendor of this output folder: its slug, name, the context inputs it needs, and its mapper and client.
 */
export const vendors: readonly VendorEntry<Customer>[] = [
  {
    slug: "bydesign",
    name: 'ByDesign Technologies "Freedom" direct-selling back office (ASP.NET Web API)',
    context: {
      required: ["host", "password", "repDid", "username"],
      optional: ["customerType", "reciprocalRepDid", "sendAutoresponders"],
    },
    toRequest: vendor_bydesign.toRequest,
    checkCustomer: vendor_bydesign.checkCustomer,
    createCustomer: vendor_bydesign.createCustomer,
  },
  {
    slug: "caliq",
    name: "Caliq API",
    context: { required: ["apiKey", "channelId"], optional: ["customerServiceLevel", "defaultCurrency", "host"] },
    toRequest: vendor_caliq.toRequest,
    checkCustomer: vendor_caliq.checkCustomer,
    createCustomer: vendor_caliq.createCustomer,
  },
  {
    slug: "jasper",
    name: "Cisco IoT Control Center (formerly Jasper) REST API",
    context: { required: ["accountName", "apiKey", "username"], optional: ["apiVersion", "host"] },
    toRequest: vendor_jasper.toRequest,
    checkCustomer: vendor_jasper.checkCustomer,
    createCustomer: vendor_jasper.createCustomer,
  },
  {
    slug: "jtl",
    name: "JTL-Wawi REST API (JTL Software)",
    context: {
      required: ["apiKey", "appId", "appVersion", "customerGroupId", "internalCompanyId", "tenantId"],
      optional: [
        "accessToken",
        "apiVersion",
        "defaultLanguageIso",
        "disableAutomaticWorkflows",
        "host",
        "runAs",
        "sessionId",
      ],
    },
    toRequest: vendor_jtl.toRequest,
    checkCustomer: vendor_jtl.checkCustomer,
    createCustomer: vendor_jtl.createCustomer,
  },
  {
    slug: "storm",
    name: "Storm Commerce (now Norce) CustomerService",
    context: { required: ["accessToken", "applicationId", "updatedBy"], optional: ["cultureCode", "host", "password"] },
    toRequest: vendor_storm.toRequest,
    checkCustomer: vendor_storm.checkCustomer,
    createCustomer: vendor_storm.createCustomer,
  },
];

/**
 * For each vendor, without sending anything: `ok`, or the exact problems its `toRequest` would give (canonical field, vendor field, rule, limit), and the required context inputs missing from `contexts` (by slug).
 */
export function preflight(customer: Customer, contexts: Contexts = {}): PreflightResult[] {
  return preflightAt(vendors, customer, contexts);
}

/**
 * Creates the customer at each vendor (`options.vendors` to choose), `options.concurrency` at a time, each call bounded by `options.timeoutMs`. Never throws: one outcome per vendor (created, refused, unknown, unavailable) and a summary.
 */
export function createEverywhere(
  customer: Customer,
  contexts: Contexts,
  options: EverywhereOptions = {},
): Promise<EverywhereResult> {
  return createAtEach(vendors, customer, contexts, options);
}

export type {
  Contexts,
  EverywhereOptions,
  EverywhereResult,
  PreflightResult,
  Problem,
  VendorOutcome,
} from "@customer-adapters/runtime/vendors";
