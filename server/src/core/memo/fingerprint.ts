/**
 * A short name for a text: its length and two 32-bit hashes of its characters (FNV-1a, and the
 * same walk with another multiplier and start). Where a set must remember texts it has seen, a
 * long unit's versions would otherwise be megabytes each; two texts that differ share a
 * fingerprint with a chance of about one in 2^64.
 */
export function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return `${text.length}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
}
