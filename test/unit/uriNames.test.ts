/** How documents are named in messages, lenses and reports, whatever their URI holds. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { uriFileLabel, uriFileName } from '../../server/src/core/uriNames';

const cases: readonly { uri: string; name: string; label: string }[] = [
  { uri: 'file:///etc/systemd/system/web.service', name: 'web.service', label: 'web.service' },
  { uri: 'file:///etc/systemd/system/web.service.d/10-net.conf', name: '10-net.conf', label: 'web.service.d/10-net.conf' },
  { uri: 'file:///srv/my%20unit.service', name: 'my unit.service', label: 'my unit.service' },
  { uri: 'file:///srv/caf%C3%A9.service.d/a%20b.conf', name: 'a b.conf', label: 'café.service.d/a b.conf' },
  // A malformed escape, as a client may send: kept as written, never thrown.
  { uri: 'file:///srv/bad%zz.service', name: 'bad%zz.service', label: 'bad%zz.service' },
  { uri: 'file:///srv/x%E0%A4%A.service.d/o.conf', name: 'o.conf', label: 'x%E0%A4%A.service.d/o.conf' },
  { uri: 'untitled:Untitled-1', name: 'untitled:Untitled-1', label: 'untitled:Untitled-1' },
  { uri: 'git:/repo/web.service?%7B%22ref%22%3A%22HEAD%22%7D', name: 'web.service', label: 'web.service' },
  { uri: 'file:///srv/notes.d/readme.txt', name: 'readme.txt', label: 'readme.txt' },
];

describe('names of documents from their URIs', () => {
  for (const c of cases) {
    it(c.uri, () => {
      assert.equal(uriFileName(c.uri), c.name);
      assert.equal(uriFileLabel(c.uri), c.label);
    });
  }
});
