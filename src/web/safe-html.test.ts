import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, html } from './safe-html.js';

describe('html', () => {
  it('escapes interpolated text, including quotes that could end an attribute', () => {
    const title = `"><script>alert('x')</script>&`;
    assert.equal(html`<a title="${title}">${title}</a>`.value, '<a title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</a>');
  });

  it('nests html output without escaping it twice and flattens lists', () => {
    const items = ['<b>', 'ok'].map((t) => html`<li>${t}</li>`);
    assert.equal(html`<ul>${items}</ul>`.value, '<ul><li>&lt;b&gt;</li><li>ok</li></ul>');
  });

  it('drops null, undefined and false, and prints numbers', () => {
    assert.equal(html`${null}${undefined}${false}${0}${3.5}`.value, '03.5');
  });

  it('escapes all five markup characters', () => {
    assert.equal(escapeHtml(`&<>"'`), '&amp;&lt;&gt;&quot;&#39;');
  });
});
