import { base64 } from "./utf8.js";
const REDACTED = "[redacted]";
const isRecord = (value) => value !== null && typeof value === "object";
function valuesNamed(node, names, into, depth = 0) {
  if (!isRecord(node) || depth > 32) return;
  for (const [key, value] of Object.entries(node)) {
    if (names.has(key.toLowerCase()) && (typeof value === "string" || typeof value === "number"))
      into.push(String(value));
    else valuesNamed(value, names, into, depth + 1);
  }
}
function collectSecrets(plan, request, sensitive, context) {
  const found = [];
  const authorization = request.headers.authorization;
  if (typeof authorization === "string") found.push(authorization, authorization.replace(/^\S+\s+/, ""));
  const names = new Set(
    [...sensitive?.fields ?? [], ...plan.auth.flatMap((auth) => auth.name === void 0 ? [] : [auth.name])].map(
      (name) => name.toLowerCase()
    )
  );
  valuesNamed({ headers: request.headers, query: request.query, body: request.body }, names, found);
  const contextNames = [
    ...sensitive?.context ?? [],
    ...plan.auth.flatMap((auth) => [auth.username, auth.password, auth.token])
  ];
  if (isRecord(context))
    for (const name of contextNames) {
      const value = name === void 0 ? void 0 : context[name];
      if (typeof value === "string" || typeof value === "number") found.push(String(value));
    }
  const variants = found.filter((secret) => secret.length >= 2).flatMap((secret) => [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
    secret.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"),
    base64(secret)
  ]);
  return [...new Set(variants)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}
function redact(text, secrets) {
  let clean = text;
  for (const secret of secrets) if (clean.includes(secret)) clean = clean.split(secret).join(REDACTED);
  return clean;
}
export {
  REDACTED,
  collectSecrets,
  redact
};
//# sourceMappingURL=redact.js.map
