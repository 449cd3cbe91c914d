/** Splits a value into words as systemd's extract_first_word() does with quotes removed. */
export function words(value: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|([^ \t\n\r]+)/g;
  for (let m = re.exec(value); m; m = re.exec(value)) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  return out;
}
