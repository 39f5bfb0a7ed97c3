import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { highlightText } from './highlight-text.js';

describe('highlightText', () => {
  it('escapes every piece of untrusted text between and inside highlights', () => {
    const text = '<b>Mayor</b> said "<script>x</script>".';
    const out = highlightText(text, [{ start: 19, end: 37, kind: 'quote', id: 'q-0', label: '"><img>' }]).value;
    assert.equal(out, '&lt;b&gt;Mayor&lt;/b&gt; said &quot;<mark class="hl hl-quote" id="q-0" title="&quot;&gt;&lt;img&gt;">&lt;script&gt;x&lt;/script&gt;</mark>&quot;.');
  });

  it('nests a name inside its quote and cuts a crossing span at the outer end', () => {
    const text = 'Varnholt said we lost 40 homes today';
    const out = highlightText(text, [
      { start: 14, end: 30, kind: 'quote', id: 'q-0', label: 'q' },
      { start: 22, end: 24, kind: 'figure', id: 'f-0', label: 'f' },
      { start: 25, end: 36, kind: 'date', id: 'd-0', label: 'd' },
      { start: 0, end: 8, kind: 'mention', id: 'm-0', label: 'm' },
    ]).value;
    assert.equal(
      out,
      '<mark class="hl hl-mention" id="m-0" title="m">Varnholt</mark> said <mark class="hl hl-quote" id="q-0" title="q">we lost <mark class="hl hl-figure" id="f-0" title="f">40</mark> <mark class="hl hl-date" id="d-0" title="d">homes</mark></mark> today',
    );
  });

  it('drops spans outside the text instead of trusting them', () => {
    assert.equal(highlightText('abc', [{ start: 2, end: 9, kind: 'date', id: 'd-0', label: '' }, { start: 3, end: 1, kind: 'date', id: 'd-1', label: '' }]).value, 'abc');
  });
});
