import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { directiveRow, directiveRows, manUrl } from '../../server/src/core/kb';

describe('man page links', () => {
  it('points at the directive anchor of the latest man page', () => {
    assert.equal(manUrl('systemd.exec', 'ProtectSystem'), 'https://www.freedesktop.org/software/systemd/man/latest/systemd.exec.html#ProtectSystem=');
    assert.equal(directiveRow('Description', 'Unit')!.url, 'https://www.freedesktop.org/software/systemd/man/latest/systemd.unit.html#Description=');
    assert.equal(directiveRow('KillMode', 'Service')!.url, manUrl('systemd.kill', 'KillMode'));
    assert.equal(directiveRow('MemoryMax', 'Slice')!.url, manUrl('systemd.resource-control', 'MemoryMax'));
  });

  it('every documented row has a well-formed link and undocumented ones have none', () => {
    const pattern = /^https:\/\/www\.freedesktop\.org\/software\/systemd\/man\/latest\/systemd\.[a-z-]+\.html#[A-Za-z0-9]+=$/;
    for (const r of directiveRows) {
      if (r.manPage) assert.match(r.url!, pattern, r.name);
      else assert.equal(r.url, undefined, r.name);
    }
    assert.equal(new Set(directiveRows.filter((r) => !r.manPage).map((r) => r.name)).size, 29);
    assert.equal(directiveRow('MemoryLimit', 'Service')!.url, undefined);
  });
});
