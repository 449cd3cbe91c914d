/** Address prefixes of IPAddressAllow=/IPAddressDeny=, as far as the exposure score looks at them. */
export interface IpPrefix {
  family: 4 | 6;
  prefixLength: number;
  /** The address is the loopback address (127.0.0.0/8, ::1). */
  localhost: boolean;
}

const SPECIAL: Readonly<Record<string, readonly IpPrefix[]>> = {
  any: [
    { family: 4, prefixLength: 0, localhost: false },
    { family: 6, prefixLength: 0, localhost: false },
  ],
  localhost: [
    { family: 4, prefixLength: 8, localhost: true },
    { family: 6, prefixLength: 128, localhost: true },
  ],
  'link-local': [
    { family: 4, prefixLength: 16, localhost: false },
    { family: 6, prefixLength: 64, localhost: false },
  ],
  multicast: [
    { family: 4, prefixLength: 4, localhost: false },
    { family: 6, prefixLength: 8, localhost: false },
  ],
};

/** The prefixes one word stands for, or undefined when systemd would reject it. */
export function parseIpPrefix(word: string): readonly IpPrefix[] | undefined {
  const special = SPECIAL[word];
  if (special) return special;
  const slash = word.indexOf('/');
  const address = slash < 0 ? word : word.slice(0, slash);
  const lengthText = slash < 0 ? undefined : word.slice(slash + 1);
  const v4 = ipv4(address);
  const v6 = v4 ? undefined : ipv6(address);
  if (!v4 && !v6) return undefined;
  const max = v4 ? 32 : 128;
  let prefixLength = max;
  if (lengthText !== undefined) {
    if (!/^\d{1,3}$/.test(lengthText)) return undefined;
    prefixLength = Number(lengthText);
    if (prefixLength > max) return undefined;
  }
  if (v4) return [{ family: 4, prefixLength, localhost: v4[0] === 127 }];
  const words = v6 as number[];
  const loopback = words.slice(0, 7).every((w) => w === 0) && words[7] === 1;
  return [{ family: 6, prefixLength, localhost: loopback }];
}

function ipv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.map(Number);
}

function ipv6(text: string): number[] | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || !text.includes(':')) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const group = (part: string): number[] | undefined => {
    if (part === '') return [];
    const out: number[] = [];
    const pieces = part.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i] as string;
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = ipv4(piece);
        if (!v4) return undefined;
        out.push(((v4[0] as number) << 8) | (v4[1] as number), ((v4[2] as number) << 8) | (v4[3] as number));
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(piece)) return undefined;
        out.push(parseInt(piece, 16));
      }
    }
    return out;
  };
  const head = group(halves[0] as string);
  const tail = halves.length === 2 ? group(halves[1] as string) : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  if (head.length + tail.length > 7) return undefined;
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}
