/** A text's UTF-8 bytes, with the web APIs Node 20 shares with browsers (no Node built-ins). */
interface WebGlobals {
  btoa(data: string): string;
  TextEncoder: new () => { encode(text: string): Uint8Array };
}

const web = () => globalThis as unknown as WebGlobals;

/** The text's UTF-8 bytes. */
export const utf8Bytes = (text: string): Uint8Array => new (web().TextEncoder)().encode(text);

/** The base64 of some bytes. */
export function base64Bytes(bytes: Iterable<number>): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return web().btoa(binary);
}

/** The base64 of the text's UTF-8 bytes. */
export const base64 = (text: string): string => base64Bytes(utf8Bytes(text));

/** How many bytes of UTF-8 the text takes. */
export const utf8Length = (text: string): number => new (web().TextEncoder)().encode(text).length;
