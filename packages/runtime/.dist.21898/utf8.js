const web = () => globalThis;
function base64(text) {
  let binary = "";
  for (const byte of new (web()).TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return web().btoa(binary);
}
const utf8Length = (text) => new (web()).TextEncoder().encode(text).length;
export {
  base64,
  utf8Length
};
//# sourceMappingURL=utf8.js.map
