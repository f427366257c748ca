// Each kind of bad `x-mapping` declaration is a positioned spec error naming
// what is wrong, found at generate time (loadAll joins the vendor spec and the
// canonical customer).
import { afterAll, describe, expect, it } from "vitest";
import { miniMapping, miniVendor as vendor, removeSpecsFolders, specProblems } from "../helpers/mini-vendor.js";

const good = miniMapping;
afterAll(removeSpecsFolders);

function load(mapping: string): string[] {
  return specProblems(vendor(mapping));
}

const swap = (from: string, to: string) => {
  expect(good).toContain(from);
  return good.replace(from, to);
};

describe("x-mapping declarations checked at generate time", () => {
  it("accepts the good mapping", () => {
    expect(load(good)).toEqual([]);
  });

  const cases: [string, string, string, string][] = [
    [
      "unknown canonical field",
      swap("/person/familyName]", "/person/surname]"),
      "/x-mapping/request/1",
      "`/person/surname` is not a field of the canonical customer",
    ],
    [
      "unknown vendor field",
      swap("to: /body/name,", "to: /body/nmae,"),
      "/x-mapping/request/1",
      "`/nmae` is not a field of the request body",
    ],
    [
      "unknown parameter",
      swap("to: /query/account", "to: /query/acount"),
      "/x-mapping/request/0",
      "there is no query parameter `acount`",
    ],
    [
      "unknown target part",
      swap("to: /query/account", "to: /cookie/account"),
      "/x-mapping/request/0",
      "`to` must start with /body, /path, /query, /header, /server",
    ],
    [
      "unknown context property",
      swap("context: account", "context: acct"),
      "/x-mapping/request/0",
      "x-context has no property `acct`",
    ],
    [
      "unknown transform",
      swap("transform: join", "transform: concat"),
      "/x-mapping/request/1/transform",
      "unknown transform `concat`",
    ],
    [
      "type mismatch",
      `${good}\n    - { to: /body/kind, from: /kind }`
        .replace("  auth:", "    - { to: /body/kind, from: /kind }\n  auth:")
        .replace(/\n {4}- \{ to: \/body\/kind, from: \/kind \}$/, ""),
      "/x-mapping/request/2",
      "`/kind` gives string but /body/kind takes integer; name a transform",
    ],
    [
      "transform does not fit the source",
      swap("  auth:", "    - { to: /body/country, from: /dateOfBirth, transform: date }\n  auth:"),
      "/x-mapping/request/2",
      "`date` takes a `date-time` string, but `/dateOfBirth` is a `date`",
    ],
    [
      "format mismatch",
      swap("  auth:", "    - { to: /body/born, from: /dateOfBirth }\n  auth:"),
      "/x-mapping/request/2",
      "/body/born takes a `date-time` string, but `/dateOfBirth` gives a `date`",
    ],
    [
      "join of a non-text field",
      swap("[/person/givenName, /person/familyName]", "[/person/givenName, /phones]"),
      "/x-mapping/request/1",
      "`join` joins text, but `/phones` is array",
    ],
    [
      "nth of a non-list",
      swap("  auth:", "    - { to: /body/phone, from: /email, transform: nth }\n  auth:"),
      "/x-mapping/request/2",
      "`nth` takes an item of a list, but `/email` is not a list",
    ],
    [
      "nth picks an unknown field",
      swap("  auth:", "    - { to: /body/phone, from: /phones, transform: nth, pick: /digits }\n  auth:"),
      "/x-mapping/request/2",
      "the items of `/phones` have no field `/digits`",
    ],
    [
      "lookup missing a canonical value",
      swap("  auth:", "    - { to: /body/kind, from: /kind, transform: lookup, table: { person: 1 } }\n  auth:"),
      "/x-mapping/request/2",
      '`table` has no entry for the canonical value "company"',
    ],
    [
      "lookup value the vendor rejects",
      swap(
        "  auth:",
        "    - { to: /body/kind, from: /kind, transform: lookup, table: { person: 1, company: 3 } }\n  auth:",
      ),
      "/x-mapping/request/2",
      "`table.company` 3 does not fit /body/kind",
    ],
    [
      "constant the vendor rejects",
      swap("  auth:", "    - { to: /body/country, value: GERMANY }\n  auth:"),
      "/x-mapping/request/2",
      '`value` "GERMANY" does not fit /body/country',
    ],
    [
      "two sources",
      swap("{ to: /query/account, context: account }", "{ to: /query/account, context: account, value: x }"),
      "/x-mapping/request/0",
      "a declaration takes one source, not `context` and `value`",
    ],
    [
      "unknown key",
      swap("{ to: /query/account, context: account }", "{ to: /query/account, context: account, defualt: x }"),
      "/x-mapping/request/0/defualt",
      "unknown key `defualt` in `x-mapping` (did you mean `default`?)",
    ],
    [
      "required body field not fed",
      swap("    - { to: /body/name, from: [/person/givenName, /person/familyName], transform: join }\n", ""),
      "/x-mapping",
      "the vendor requires `/name` in the request body, and no declaration feeds it",
    ],
    [
      "required parameter not fed",
      swap("    - { to: /query/account, context: account }\n", ""),
      "/x-mapping",
      "the required query parameter `account` is fed by no declaration",
    ],
    [
      "unknown field of a mapped list item",
      swap(
        "  auth:",
        "    - to: /body/contacts\n      from: /contacts\n      map:\n        - { to: /title, from: /title }\n  auth:",
      ),
      "/x-mapping/request/2/map/0",
      "`/contacts/*/title` is not a field of the request body",
    ],
    [
      "required field of a mapped list item not fed",
      swap(
        "  auth:",
        "    - to: /body/contacts\n      from: /contacts\n      map:\n        - { to: /email, from: /email }\n  auth:",
      ),
      "/x-mapping",
      "the vendor requires `/contacts/*/fullName` in the request body",
    ],
    [
      "map from an object into a list",
      swap("  auth:", "    - { to: /body/contacts, from: /billingAddress, map: [] }\n  auth:"),
      "/x-mapping/request/2",
      "`map` maps an object (`/billingAddress`) into a list (/body/contacts)",
    ],
    [
      "unknown security scheme",
      swap("basicAuth: { username", "bearer: { username"),
      "/x-mapping/auth/bearer",
      "`bearer` is not a security scheme of this spec",
    ],
    [
      "basic auth without a password",
      swap("{ username: user, password: password }", "{ username: user }"),
      "/x-mapping/auth/basicAuth",
      "needs `password`",
    ],
    [
      "response to an unknown result field",
      swap("{ to: /id, from: /customerId }", "{ to: /customerId, from: /customerId }"),
      "/x-mapping/response/0",
      "a response declaration goes to /id, /number, /createdAt",
    ],
    [
      "response from an unknown field",
      swap("{ to: /id, from: /customerId }", "{ to: /id, from: /id }"),
      "/x-mapping/response/0",
      "`/id` is not a field of the success response body",
    ],
  ];

  it.each(cases)("%s", (_name, mapping, pointer, says) => {
    const [first, ...rest] = load(mapping);
    expect(rest, "one message").toEqual([]);
    expect(first).toMatch(new RegExp(`^mini\\.yaml:\\d+:\\d+ ${pointer.replace(/[/.]/g, "\\$&")}: `));
    expect(first).toContain(says);
  });
});
