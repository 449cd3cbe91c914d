/**
 * A short name for a text: its length and two 32-bit hashes of its characters (FNV-1a, and the
 * same walk with another multiplier and start). Where a set must remember texts it has seen, a
 * long unit's versions would otherwise be megabytes each. Two texts that differ may share a
 * fingerprint, but with a chance far too small to matter for the few hundred a memo keeps (two
 * 32-bit hashes, not a cryptographic one: nothing here is worth forging a collision for).
 */
export function fingerprint(text: string): string {
  return new Fingerprint().add(text).toString();
}

/**
 * The fingerprint of texts joined, taken piece by piece: the joined text (as long as a unit when
 * the pieces are its lines) is never built.
 */
export class Fingerprint {
  private a = 0x811c9dc5;
  private b = 0x9747b28c;
  private length = 0;

  add(text: string): this {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    this.a = a;
    this.b = b;
    this.length += text.length;
    return this;
  }

  toString(): string {
    return `${this.length}:${(this.a >>> 0).toString(36)}:${(this.b >>> 0).toString(36)}`;
  }
}
