/**
 * Reads tab-separated values: one record per line (`\n` or `\r\n`), fields
 * split at tabs. A field that starts with a double quote is quoted: tabs and
 * line breaks inside it are data and `""` stands for one quote. Backslashes
 * are data too (`system-systemd\x2dcryptsetup.slice` stays as written).
 */
export function parseTsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < n) {
    const c = text[i];
    if (c === '"' && field === '') {
      i++;
      while (i < n) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
      continue;
    }
    if (c === '\t') endField();
    else if (c === '\n') endRow();
    else if (c === '\r' && text[i + 1] === '\n') {
      endRow();
      i++;
    } else field += c;
    i++;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** Records keyed by the header row's names; throws when a record has another number of fields. */
export function parseTsv(text: string): Array<Record<string, string>> {
  const [header, ...records] = parseTsvRows(text.replace(/^\uFEFF/, ''));
  if (!header) return [];
  return records.map((record, i) => {
    if (record.length !== header.length) {
      throw new Error(`TSV record ${i + 2} has ${record.length} fields, the header has ${header.length}`);
    }
    return Object.fromEntries(header.map((name, j) => [name, record[j]]));
  });
}
