// A hand-written validator for JTL's CreateCustomer, checking the same rules
// as the generated one (closed objects, required fields, types, int32 ids,
// City and CountryIso lengths, date-time format, the birthday pattern),
// written once as the benchmark's baseline. Fail-fast like `isX`.
const DATE_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt](\d{2}):(\d{2}):(\d{2}|60)(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const BIRTHDAY =
  /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(T([0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?)?$/;
const ADDRESS = new Set([
  "City",
  "CountryIso",
  "Company",
  "Company2",
  "FormOfAddress",
  "Title",
  "FirstName",
  "LastName",
  "Street",
  "Address2",
  "PostalCode",
  "State",
  "VatID",
  "PhoneNumber",
  "MobilePhoneNumber",
  "EmailAddress",
  "Fax",
]);
const PAYMENT: Record<string, "number" | "integer" | "boolean"> = {
  PaymentMethodId: "integer",
  Discount: "number",
  PaymentTarget: "integer",
  CreditLimit: "integer",
  StopPaymentRequest: "boolean",
};
const OTHER_ADDRESSES = new Set(["OtherBillingAddresses", "OtherShippingAddresses", "OtherCustomerAddresses"]);
const REQUIRED = ["CustomerGroupId", "BillingAddress", "LanguageIso", "InternalCompanyId"];
/** Address fields with a length: [min, max] in code points. */
const ADDRESS_LIMITS: Record<string, [number, number]> = { City: [1, 255], CountryIso: [1, 5] };
const TOP: Record<string, string> = {
  Number: "string",
  CustomerGroupId: "integer",
  BillingAddress: "address",
  Shipmentaddress: "address",
  CustomAddress: "address",
  OtherAddresses: "others",
  PaymentSettings: "payment",
  CustomerSince: "date-time",
  LastChange: "date-time",
  LanguageIso: "string",
  InternalCompanyId: "integer",
  CustomerCategoryId: "integer",
  TaxIdentificationNumber: "string",
  AccountsReceivableNumber: "integer",
  CommercialRegisterNumber: "string",
  Website: "string",
  InitialContact: "string",
  EbayUsername: "string",
  Birthday: "birthday",
  IsLocked: "boolean",
  IsCashRegisterBased: "boolean",
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
/** Every integer of JTL's models is an int32. */
const isInteger = (value: unknown) =>
  typeof value === "number" && Number.isInteger(value) && value >= -(2 ** 31) && value <= 2 ** 31 - 1;
const codePoints = (text: string) => [...text].length;

function validDate(text: string): boolean {
  const match = DATE_TIME.exec(text);
  if (!match) return false;
  const [year, month, day] = text.slice(0, 10).split("-").map(Number) as [number, number, number];
  const days =
    [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][
      month - 1
    ] ?? 0;
  return day <= days && Number(match[3]) <= 23 && Number(match[4]) <= 59;
}

function isAddress(value: unknown): boolean {
  if (!isObject(value) || typeof value.City !== "string" || typeof value.CountryIso !== "string") return false;
  for (const key in value) {
    const field = value[key];
    if (!ADDRESS.has(key) || typeof field !== "string") return false;
    const limits = ADDRESS_LIMITS[key];
    if (limits && (codePoints(field) < limits[0] || codePoints(field) > limits[1])) return false;
  }
  return true;
}

export function isJtlRequest(value: unknown): boolean {
  if (!isObject(value) || !REQUIRED.every((key) => key in value)) return false;
  for (const key in value) {
    const field = value[key];
    switch (TOP[key]) {
      case "string":
        if (typeof field !== "string") return false;
        break;
      case "integer":
        if (!isInteger(field)) return false;
        break;
      case "boolean":
        if (typeof field !== "boolean") return false;
        break;
      case "date-time":
        if (typeof field !== "string" || !validDate(field)) return false;
        break;
      case "birthday":
        if (typeof field !== "string" || !BIRTHDAY.test(field)) return false;
        break;
      case "address":
        if (!isAddress(field)) return false;
        break;
      case "others":
        if (!isObject(field)) return false;
        for (const list in field) {
          if (!OTHER_ADDRESSES.has(list)) return false;
          const items = field[list];
          if (!Array.isArray(items) || !items.every(isAddress)) return false;
        }
        break;
      case "payment":
        if (!isObject(field)) return false;
        for (const name in field) {
          const kind = PAYMENT[name];
          const item = field[name];
          if (kind === undefined) return false;
          if (
            kind === "boolean"
              ? typeof item !== "boolean"
              : kind === "integer"
                ? !isInteger(item)
                : typeof item !== "number"
          )
            return false;
        }
        break;
      default:
        return false;
    }
  }
  return true;
}
