/** A text's UTF-8 bytes, with the web APIs Node 20 shares with browsers (no Node built-ins). */
interface WebGlobals {
  btoa(data: string): string;
  TextEncoder: new () => { encode(text: string): Uint8Array };
}

const web = () => globalThis as unknown as WebGlobals;

/** The base64 of the text's UTF-8 bytes. */
export function base64(text: string): string {
  let binary = "";
  for (const byte of new (web().TextEncoder)().encode(text)) binary += String.fromCharCode(byte);
  return web().btoa(binary);
}

/** How many bytes of UTF-8 the text takes. */
export const utf8Length = (text: string): number => new (web().TextEncoder)().encode(text).length;
