import { bodyCredentials, vendorErrorTable } from "../model/mapping-plan.js";
import type { SpecModel } from "../model/model.js";
import { printCode } from "./final-layout.js";
import { importTypes, RUNTIME_PACKAGE } from "./imports.js";
import type { OutputKind } from "./output-kind.js";
import { jsDoc, printStatements } from "./source-file.js";

function operationInfo(model: SpecModel): Record<string, unknown> {
  const operation = model.operation;
  if (!operation) throw new Error("operationInfo needs a vendor model");
  const schemes = new Map(model.securitySchemes.map((scheme) => [scheme.name, scheme]));
  const auth = model.security.map((names) =>
    names.map((name) => {
      const scheme = schemes.get(name);
      const facts = {
        name,
        type: scheme?.type,
        scheme: scheme?.scheme,
        in: scheme?.in,
        parameterName: scheme?.parameterName,
      };
      return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined));
    }),
  );
  const credentials = bodyCredentials(model).map((field) => ({
    name: field,
    type: "body",
    in: "body",
    parameterName: field,
  }));
  if (credentials.length > 0) auth.push(credentials);
  return {
    operationId: operation.id,
    method: operation.method,
    path: operation.path,
    servers: model.servers.map((server) => server.url),
    requestContentTypes: operation.requestBody?.contentTypes ?? [],
    auth: auth.length > 0 ? auth : [[]],
    deprecated: operation.deprecated,
  };
}

/** `operation.ts`: where and how the operation is called, and the vendor's error vocabulary, each written once. */
export function emitOperation(model: SpecModel): string {
  const operation = model.operation;
  if (!operation) throw new Error("an operation module needs a vendor model");
  const summary = `${operation.method} ${operation.path}${operation.summary ? `: ${operation.summary}` : ""}`;
  const deprecated = operation.deprecated ? "\n@deprecated The vendor marks this operation as obsolete." : "";
  return printStatements([
    importTypes(RUNTIME_PACKAGE, ["OperationInfo", "VendorError"]),
    `${jsDoc(`${summary}${deprecated}`)}\nexport const operation: OperationInfo = ${printCode(operationInfo(model), { indent: "" })};`,
    `${jsDoc("The vendor's documented errors (`x-errors`): code, HTTP status, message, canonical kind, the rules each reports and the canonical fields behind them. The validators and the mapper read their codes from here.")}\nexport const vendorErrors = ${printCode(vendorErrorTable(model), { indent: "", column: 28, after: 10 })} as const;`,
    // Checked apart from the declaration, which stays a plain literal so that its type is declared without a checker (isolated declarations).
    "vendorErrors satisfies readonly VendorError[];",
  ]);
}

/** The operation's facts (method, path, servers, content types, auth) and the vendor's errors. */
export const operationOutput: OutputKind = {
  name: "operation",
  summary:
    "`operation` (method, path, servers, content types, auth) and `vendorErrors`, the vendor's error vocabulary.",
  optional: false,
  appliesTo: (model) => model.operation !== undefined,
  files: ({ model }) => [{ path: "src/operation.ts", content: emitOperation(model), verbatim: true }],
  main: () => [{ source: "./operation.js" }],
  adapter: () => ({
    imports: [`import { operation, vendorErrors } from "./operation.js";`],
    members: ["operation", "vendorErrors"],
  }),
};
