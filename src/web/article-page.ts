import type { Doc } from '../model/doc.js';
import { formatMessage } from '../model/message.js';
import type { Entity } from '../model/story.js';
import { highlightText, type Highlight } from './highlight-text.js';
import { entityHref, layout } from './html-pages.js';
import { html, type SafeHtml } from './safe-html.js';

const LAYERS = [
  { kind: 'mention', id: 'm', label: 'Entities' },
  { kind: 'quote', id: 'q', label: 'Quotes' },
  { kind: 'figure', id: 'f', label: 'Figures' },
  { kind: 'date', id: 'd', label: 'Dates' },
] as const;

/** Every span of every layer, with the anchor ids the story page links to (`#q-3`). */
function highlightsOf(doc: Doc, entities: ReadonlyMap<string, Entity>): Highlight[] {
  const name = (id: string | null, fallback: string | null | undefined): string => (id ? (entities.get(id)?.name ?? id) : (fallback ?? 'unattributed'));
  return [
    ...doc.mentions.map((m, i): Highlight => ({ start: m.start, end: m.end, kind: 'mention', id: `m-${i}`, label: `${m.type}${m.entity ? `: ${name(m.entity, m.text)}` : ''}` })),
    ...doc.quotes.map((q, i): Highlight => ({ start: q.start, end: q.end, kind: 'quote', id: `q-${i}`, label: `quote, ${name(q.speaker, q.speakerText)}` })),
    ...doc.figures.map((f, i): Highlight => ({ start: f.start, end: f.end, kind: 'figure', id: `f-${i}`, label: `figure: ${f.value}${f.about ? ` ${f.about}` : ''}` })),
    ...doc.dates.map((d, i): Highlight => ({ start: d.start, end: d.end, kind: 'date', id: `d-${i}`, label: `date: ${d.value}` })),
  ];
}

export function articlePage(siteName: string, doc: Doc, entities: ReadonlyMap<string, Entity>): SafeHtml {
  const speaker = (id: string | null, text: string | null | undefined): SafeHtml | string => {
    const entity = id ? entities.get(id) : undefined;
    return entity ? html`<a href="${entityHref(entity.id)}">${entity.name}</a>` : (text ?? 'unattributed');
  };
  const counts = { mention: doc.mentions.length, quote: doc.quotes.length, figure: doc.figures.length, date: doc.dates.length };
  const toggles = html`<fieldset class="legend"><legend>Highlight</legend>${LAYERS.map(
    (l) => html`<label class="swatch hl-${l.kind}"><input type="checkbox" id="show-${l.id}" checked> ${l.label} (${counts[l.kind]})</label>`,
  )}</fieldset>`;
  const meta = html`<dl class="meta-list">
<dt>Outlet</dt><dd>${doc.outlet ?? 'unknown'}</dd>
<dt>Published</dt><dd>${doc.published ?? 'unknown'}${doc.publishedFrom ? ` (from ${doc.publishedFrom})` : ''}</dd>
${doc.byline.length > 0 ? html`<dt>By</dt><dd>${doc.byline.join(', ')}</dd>` : ''}
<dt>Source</dt><dd class="break">${doc.source}</dd>
<dt>Language</dt><dd>${doc.language}</dd>
${doc.extractedBy ? html`<dt>Extracted by</dt><dd>${doc.extractedBy}</dd>` : ''}
${doc.failed ? html`<dt>Status</dt><dd class="error">processing failed</dd>` : ''}
</dl>`;
  const quoteList =
    doc.quotes.length === 0
      ? ''
      : html`<h2 id="quotes">Quotes</h2><ol class="items">${doc.quotes.map(
          (q, i) =>
            html`<li><a href="#q-${i}">“${q.text}”</a> — ${speaker(q.speaker, q.speakerText)}${q.sourceKind === 'anonymous' ? html` <span class="muted">(anonymous source)</span>` : ''}${q.direct ? '' : html` <span class="muted">(indirect)</span>`}</li>`,
        )}</ol>`;
  const figureList =
    doc.figures.length === 0
      ? ''
      : html`<h2 id="figures">Figures</h2><div class="scroll" role="region" aria-label="Figures" tabindex="0"><table>
<thead><tr><th scope="col">Text</th><th scope="col" class="num">Value</th><th scope="col">Qualifier</th><th scope="col">Unit</th><th scope="col">About</th><th scope="col">Source</th></tr></thead>
<tbody>${doc.figures.map(
          (f, i) => html`<tr><td><a href="#f-${i}">${f.text}</a></td><td class="num">${f.value.toLocaleString('en-US')}${f.high !== undefined ? `–${f.high.toLocaleString('en-US')}` : ''}</td><td>${f.qualifier ?? ''}</td><td>${f.unit ?? ''}</td><td>${f.about ?? ''}</td><td>${f.source || f.sourceText ? speaker(f.source, f.sourceText) : ''}</td></tr>`,
        )}</tbody></table></div>`;
  const dateList =
    doc.dates.length === 0
      ? ''
      : html`<h2 id="dates">Dates</h2><ol class="items">${doc.dates.map((d, i) => html`<li><a href="#d-${i}">${d.text}</a> → <time>${d.value}</time></li>`)}</ol>`;
  const removed =
    doc.removed.length === 0
      ? html`<p class="muted">Nothing was removed.</p>`
      : html`<ul class="removed">${doc.removed.map((r) => html`<li><details><summary><span class="badge">${r.reason}</span> ${r.text.slice(0, 80)}${r.text.length > 80 ? '…' : ''}</summary><p class="removed-text">${r.text}</p></details></li>`)}</ul>`;
  const messages =
    doc.messages.length === 0
      ? html`<p class="muted">No diagnostics.</p>`
      : html`<ul class="messages">${doc.messages.map((m) => html`<li class="${m.severity}">${formatMessage(doc.source, m)}</li>`)}</ul>`;
  return layout(
    { siteName, title: doc.title ?? doc.id },
    html`<article class="article">
<h1>${doc.title ?? doc.id}</h1>
${meta}
${toggles}
<div class="text" id="text">${highlightText(doc.text, highlightsOf(doc, entities))}</div>
${quoteList}${figureList}${dateList}
<h2 id="removed">Removed while cleaning</h2>${removed}
<h2 id="diagnostics">Diagnostics</h2>${messages}
</article>`,
  );
}
