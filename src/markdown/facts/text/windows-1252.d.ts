// The `windows-1252` package ships types, but its `exports` map hides them from NodeNext resolution:
// these are its two functions, as its own windows-1252.d.ts declares them.
declare module 'windows-1252' {
  /** Encode text as Windows-1252 bytes (one per UTF-16 unit); `fatal` throws on characters it cannot encode. */
  export function encode(text: string, options?: { mode: 'fatal' | 'replacement' }): Uint16Array;
  /** Decode Windows-1252 bytes, as the WHATWG Encoding Standard does. */
  export function decode(buffer: Uint16Array | Uint8Array | string, options?: { mode: 'fatal' | 'replacement' }): string;
}
