import { describe, expect, expectTypeOf, it } from "vitest";
import { isCustomer, validateCustomer, type Customer } from "@customer-adapters/canonical";
import type { ValidationResult } from "@customer-adapters/runtime";

const person: Customer = {
  kind: "person",
  email: "zoe.mueller@example.com",
  person: { givenName: "Zoë", familyName: "Müller" },
  billingAddress: { lines: ["Unter den Linden 1"], city: "Berlin", postalCode: "10117", country: "DE" },
};

const rules = (result: ValidationResult<unknown>) =>
  result.ok ? [] : result.errors.map((error) => `${error.path} ${error.rule}`);

describe("canonical customer validator", () => {
  it("accepts a person with a name and an address", () => {
    expect(validateCustomer(person)).toEqual({ ok: true, value: person });
    expect(isCustomer(person)).toBe(true);
  });

  it("needs a person's name for a person and a company for a company", () => {
    expect(rules(validateCustomer({ kind: "person", email: "a@example.com" }))).toContain("/person required");
    expect(rules(validateCustomer({ kind: "company", email: "a@example.com" }))).toContain("/company required");
    expect(isCustomer({ kind: "company", email: "a@example.com", company: { name: "ООО Пример" } })).toBe(true);
  });

  it("counts length in code points, not UTF-16 units", () => {
    const emoji = "😀".repeat(100); // 200 UTF-16 units, 100 code points
    expect(isCustomer({ ...person, person: { givenName: emoji, familyName: "X" } })).toBe(true);
    expect(rules(validateCustomer({ ...person, person: { givenName: `${emoji}a`, familyName: "X" } }))).toEqual([
      "/person/givenName maxLength",
    ]);
  });

  it("takes e-mail addresses as RFC 5321 has them: ASCII only", () => {
    expect(rules(validateCustomer({ ...person, email: "zoë@example.com" }))).toEqual(["/email format"]);
  });

  it("checks country codes, e-mail, dates and phone numbers by their format", () => {
    const broken = {
      ...person,
      email: "not an address",
      dateOfBirth: "1985-02-30",
      phones: [{ type: "mobile", number: "030 1234567" }],
      billingAddress: { ...person.billingAddress, country: "DEU" },
    };
    expect(rules(validateCustomer(broken)).sort()).toEqual(
      ["/billingAddress/country pattern", "/dateOfBirth format", "/email format", "/phones/0/number pattern"].sort(),
    );
  });

  it("takes date-times with any number of fractional digits, as vendors send them", () => {
    expect(isCustomer({ ...person, createdAt: "2023-02-01T13:30:00.0000000+00:00" })).toBe(true);
    expect(isCustomer({ ...person, createdAt: "2023-02-01T13:30:00Z" })).toBe(true);
    expect(rules(validateCustomer({ ...person, createdAt: "2023-02-01 13:30" }))).toEqual(["/createdAt format"]);
  });

  it("needs a security answer with a security question, and the other way round", () => {
    expect(rules(validateCustomer({ ...person, credentials: { securityQuestion: "First concert?" } }))).toEqual([
      "/credentials/securityAnswer dependentRequired",
    ]);
    expect(rules(validateCustomer({ ...person, credentials: { securityAnswer: "Journey" } }))).toEqual([
      "/credentials/securityQuestion dependentRequired",
    ]);
  });

  it("rejects fields it does not know (closed model), each named by its own pointer, and never echoes the value", () => {
    const result = validateCustomer({ ...person, credentials: { password: "x".repeat(200) }, nickname: "Zo" });
    expect(rules(result).sort()).toEqual(["/credentials/password maxLength", "/nickname additionalProperties"]);
    expect(JSON.stringify(result)).not.toContain("x".repeat(129));
  });

  it("narrows unknown input to Customer", () => {
    const input: unknown = person;
    if (isCustomer(input)) expectTypeOf(input).toEqualTypeOf<Customer>();
    expectTypeOf<Customer["kind"]>().toEqualTypeOf<"person" | "company">();
    expectTypeOf<Customer>().toHaveProperty("credentials");
  });
});
