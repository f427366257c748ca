// A small vendor spec for tests of the tools that read specs (mapping checks,
// lint, review): a closed body with a required name (1..60), an alpha-3
// country, a date, a kind enum, a phone and contacts; Basic auth; a query
// parameter; a context. The caller supplies the x-mapping block.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { isSpecFailure } from "../../generator/core/spec-error.js";
import { loadAll } from "../../generator/pipeline.js";
import { repoRoot } from "./cli.js";

/** The smallest mapping the mini vendor needs: the required name (a person's, so it `needs` one) and parameter, the auth and the id. */
export const miniMapping = `  request:
    - { to: /query/account, context: account }
    - { to: /body/name, from: [/person/givenName, /person/familyName], transform: join }
  auth:
    basicAuth: { username: user, password: password }
  response:
    - { to: /id, from: /customerId }
  needs:
    - { field: /person, reason: "the name is the person's, for a company its contact's" }`;

const folders: string[] = [];

/** A specs folder (the canonical customer, and \`mini.yaml\` when given) in a temporary directory. */
export function specsFolder(mini: string | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), "mini-specs-"));
  folders.push(dir);
  const specs = join(dir, "specs");
  mkdirSync(specs);
  cpSync(join(repoRoot, "specs/canonical"), join(specs, "canonical"), { recursive: true });
  if (mini !== undefined) writeFileSync(join(specs, "mini.yaml"), mini);
  return specs;
}

/** Removes every folder \`specsFolder\` made (call it from afterAll). */
/** The problems `generate` reports for the specs folder with this mini spec, one line each (none when it loads). */
export function specProblems(mini: string): string[] {
  const dir = specsFolder(mini);
  try {
    loadAll(dir, dir);
    return [];
  } catch (error) {
    expect(isSpecFailure(error), String(error)).toBe(true);
    return (error as Error).message.split("\n");
  }
}

export function removeSpecsFolders(): void {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export const miniVendor = (mapping: string) => `openapi: 3.1.0
info:
  title: Mini vendor
  version: 1.0.0
  x-vendor: { slug: mini, name: Mini, seed: none }
servers:
  - url: https://{host}/api
    variables:
      host: { default: mini.test }
components:
  securitySchemes:
    basicAuth: { type: http, scheme: basic }
  schemas:
    Body:
      type: object
      additionalProperties: false
      required: [name]
      properties:
        name: { type: string, minLength: 1, maxLength: 60, description: Name. }
        country: { type: string, maxLength: 3, description: ISO alpha-3. }
        born: { type: string, format: date-time, description: Birth. }
        kind: { type: integer, enum: [1, 2], description: "Person 1, company 2." }
        phone: { type: string, description: Phone. }
        contacts:
          type: array
          maxItems: 2
          description: Contacts.
          items:
            type: object
            additionalProperties: false
            required: [fullName]
            properties:
              fullName: { type: string, description: Name. }
              email: { type: string, description: E-mail. }
    Created:
      type: object
      properties:
        customerId: { type: integer, description: Id. }
security: [{ basicAuth: [] }]
paths:
  /customers:
    post:
      operationId: createCustomer
      parameters:
        - { name: account, in: query, required: true, schema: { type: string }, description: Account. }
      requestBody:
        content:
          application/json:
            schema: { $ref: "#/components/schemas/Body" }
      responses:
        "201":
          description: Created.
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Created" }
x-context:
  type: object
  additionalProperties: false
  properties:
    account: { type: string, description: Account. }
    user: { type: string, description: User. }
    password: { type: string, description: Password., x-sensitive: true }
x-mapping:
${mapping}`;
