import { sourceLabel, type Doc } from '../model/doc.js';
import { overlaps, type Span } from '../model/span.js';
import type { Discrepancy, Entity, Story, StoryQuote } from '../model/story.js';
import type { ArticleSummary } from '../storage/store.js';
import { articleHref, entityHref, layout } from './html-pages.js';
import { html, type SafeHtml } from './safe-html.js';
import { timelineSvg } from './timeline-svg.js';

/** Everything the story page shows, gathered by the route. */
export interface StoryView {
  readonly story: Story;
  readonly articles: readonly ArticleSummary[];
  /** The story's articles with their layers, to link items to their spans. */
  readonly docs: ReadonlyMap<string, Doc>;
  readonly entities: ReadonlyMap<string, Entity>;
}

/** Beyond this many agreeing quantities the table would bury the discrepancies. */
const MAX_AGREEING_ROWS = 15;
const MAX_ENTITIES = 40;

const fmt = (n: number): string => n.toLocaleString('en-US');

/** The index of the item of `layer` at `span`, so a link lands on its highlight (`#f-3`). */
function anchorOf(doc: Doc | undefined, layer: 'quotes' | 'figures' | 'dates', span: Partial<Span>): string {
  if (!doc || span.start === undefined || span.end === undefined) return '';
  const target = { start: span.start, end: span.end };
  const items: readonly Span[] = doc[layer];
  const exact = items.findIndex((s) => s.start === target.start && s.end === target.end);
  const index = exact >= 0 ? exact : items.findIndex((s) => overlaps(s, target));
  return index < 0 ? '' : `#${layer[0]}-${index}`;
}

export interface Cell {
  readonly value: number;
  readonly text: string;
  readonly href: string;
  readonly qualifier: string | null;
  /** The value comes from a copy of another article: shown, but not an independent report. */
  readonly copy?: boolean;
}

export interface QuantityRow {
  readonly about: string;
  readonly cells: ReadonlyMap<string, Cell[]>;
  readonly discrepancy?: Discrepancy;
}

export function storyPage(siteName: string, view: StoryView): SafeHtml {
  const { story, docs, entities } = view;
  const byId = new Map(view.articles.map((a) => [a.id, a]));
  // An article with no known outlet (scraped text) is named by its source file
  // or host, which a reader recognises, rather than by its content-hash id.
  const outletOf = (id: string): string => byId.get(id)?.outlet ?? docs.get(id)?.outlet ?? sourceLabel(docs.get(id)?.source ?? byId.get(id)?.source ?? id);
  const outlets = [...new Set(story.articles.map(outletOf))];
  const copies = new Map((story.copies ?? []).map((c) => [c.article, c]));
  const link = (id: string, hash = '', label: string = outletOf(id)): SafeHtml => html`<a href="${articleHref(id)}${hash}">${label}</a>`;
  const entityName = (id: string | null): SafeHtml | string => {
    if (id === null) return 'unattributed';
    const entity = entities.get(id);
    return entity ? html`<a href="${entityHref(id)}">${entity.name}</a>` : id;
  };
  // An unnamed source is shown as the outlets wrote it, marked when it is anonymous by design.
  const quoteSource = (q: StoryQuote): SafeHtml | string =>
    q.speaker === null && q.speakerText ? html`${q.speakerText}${q.sourceKind === 'anonymous' ? html` <span class="muted">(anonymous source)</span>` : ''}` : entityName(q.speaker);

  // ---- figures: one row per quantity, one column per outlet ----
  const rows: QuantityRow[] = [];
  const seen = new Set<string>();
  for (const d of story.discrepancies) {
    const cells = new Map<string, Cell[]>();
    for (const v of d.values) {
      const key = `${v.article}:${v.start}`;
      seen.add(key);
      const list = cells.get(outletOf(v.article)) ?? [];
      list.push({ value: v.value, text: v.text, qualifier: v.qualifier ?? null, href: `${articleHref(v.article)}${anchorOf(docs.get(v.article), 'figures', v)}`, copy: copies.has(v.article) });
      cells.set(outletOf(v.article), list);
    }
    rows.push({ about: d.about, cells, discrepancy: d });
  }
  const agreeing = new Map<string, Map<string, Cell[]>>();
  for (const id of story.articles) {
    const doc = docs.get(id);
    doc?.figures.forEach((f, i) => {
      if (!f.about || seen.has(`${id}:${f.start}`)) return;
      const about = f.unit ? `${f.about} (${f.unit})` : f.about;
      const cells = agreeing.get(about) ?? new Map<string, Cell[]>();
      const list = cells.get(outletOf(id)) ?? [];
      list.push({ value: f.value, text: f.text, qualifier: f.qualifier, href: `${articleHref(id)}#f-${i}` });
      cells.set(outletOf(id), list);
      agreeing.set(about, cells);
    });
  }
  // Only quantities at least two outlets reported are worth a row of their own.
  const shared = [...agreeing].filter(([, cells]) => cells.size >= 2).sort((a, b) => b[1].size - a[1].size);
  for (const [about, cells] of shared.slice(0, MAX_AGREEING_ROWS)) rows.push({ about, cells });

  const valueCell = (row: QuantityRow, outlet: string): SafeHtml => {
    const cells = row.cells.get(outlet);
    if (!cells) return html`<td class="num muted">—</td>`;
    const differs = row.discrepancy !== undefined && cells.some((c) => !agreesWithMost(row, c.value));
    return html`<td class="num${differs ? ' differs' : ''}">${cells.map(
      (c, i) =>
        html`${i > 0 ? html`<br>` : ''}<a href="${c.href}" title="${c.text}">${c.qualifier ? `${c.qualifier} ` : ''}${fmt(c.value)}</a>${
          c.copy ? html` <span class="badge copy" title="this article copies another: not an independent report">copy</span>` : ''
        }`,
    )}</td>`;
  };
  const figures =
    rows.length === 0
      ? html`<p class="muted">No figure was reported by more than one outlet.</p>`
      : html`<div class="scroll" role="region" aria-label="Figures by outlet" tabindex="0"><table class="figures">
<caption>Highlighted cells differ between outlets; each value links to its sentence.</caption>
<thead><tr><th scope="col">Quantity</th>${outlets.map((o) => html`<th scope="col" class="num">${o}</th>`)}<th scope="col">Note</th></tr></thead>
<tbody>${rows.map(
          (row, i) => html`<tr id="fig-${i}" class="${row.discrepancy ? 'discrepancy' : 'agrees'}"><th scope="row">${row.about}</th>${outlets.map((o) => valueCell(row, o))}<td>${
            row.discrepancy ? html`<strong>${row.discrepancy.kind ?? 'differs'}</strong> ${row.discrepancy.note ?? ''}` : html`<span class="muted">agree</span>`
          }</td></tr>`,
        )}</tbody>
</table></div>`;

  // ---- timeline ----
  const svg = timelineSvg(story.timeline, (i) => `#ev-${i}`);
  const timeline =
    story.timeline.length === 0
      ? html`<p class="muted">No dated events.</p>`
      : html`${svg}
<ol class="events">${story.timeline
          .map((e, i) => ({ e, i }))
          // Oldest first, whatever order the stage wrote; anchors keep the stage's index.
          .sort((a, b) => a.e.date.localeCompare(b.e.date) || a.i - b.i)
          .map(({ e, i }) => {
          const sources = e.evidence?.length ? e.evidence.map((ev) => link(ev.article, anchorOf(docs.get(ev.article), 'dates', ev))) : e.articles.map((a) => link(a));
          return html`<li id="ev-${i}"><time>${e.date}</time> ${e.text} <span class="sources">— ${sources.map((s, j) => html`${j > 0 ? ', ' : ''}${s}`)}</span></li>`;
        })}</ol>`;

  // ---- quotes ----
  const quotes =
    story.quotes.length === 0
      ? html`<p class="muted">No quotes.</p>`
      : html`<ul class="quotes">${story.quotes.map((q) => {
          const wordings = q.variants?.length ? q.variants : [{ text: q.text, articles: q.articles }];
          const evidence = new Map((q.evidence ?? []).map((e) => [e.article, e]));
          const sources = q.independentSources ?? new Set(q.articles).size;
          const carried = new Set(q.articles).size;
          return html`<li><blockquote>“${q.text}”</blockquote><p class="meta">${quoteSource(q)} · ${sources} independent source${sources === 1 ? '' : 's'}${
            carried > sources ? html` <span class="muted">(${carried} articles, ${carried - sources} of them copies)</span>` : ''
          }</p>${
            wordings.length > 1 || wordings[0]!.articles.length > 0
              ? html`<ul class="wordings">${wordings.map(
                  (w) => html`<li>${wordings.length > 1 ? html`“${w.text}”: ` : ''}${w.articles.map(
                    (a, j) => html`${j > 0 ? ', ' : ''}${link(a, evidence.has(a) ? anchorOf(docs.get(a), 'quotes', evidence.get(a)!) : '')}`,
                  )}</li>`,
                )}</ul>`
              : ''
          }</li>`;
        })}</ul>`;

  // ---- entities ----
  const counts = new Map<string, number>();
  for (const id of story.articles) for (const m of docs.get(id)?.mentions ?? []) if (m.entity) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]).slice(0, MAX_ENTITIES);
  const entityRows = ranked.flatMap(([id, n]) => {
    const e = entities.get(id);
    return e
      ? [html`<tr><td><a href="${entityHref(id)}">${e.name}</a></td><td>${e.type}</td><td>${e.aliases.join(', ')}</td><td>${e.roles.join(', ')}</td><td class="num">${n}</td></tr>`]
      : [];
  });
  const entityTable =
    entityRows.length === 0
      ? html`<p class="muted">No named entities.</p>`
      : html`<div class="scroll" role="region" aria-label="Entities" tabindex="0"><table>
<thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Also called</th><th scope="col">Roles</th><th scope="col" class="num">Mentions</th></tr></thead>
<tbody>${entityRows}</tbody></table></div>`;

  // ---- coverage per outlet ----
  const dated = view.articles.filter((a) => a.published).map((a) => a.published!);
  const earliest = dated.length > 0 ? dated.reduce((a, b) => (a < b ? a : b)) : null;
  const coverage = outlets.map((outlet) => {
    const ids = story.articles.filter((a) => outletOf(a) === outlet);
    const firstDay = ids.map((a) => byId.get(a)?.published).filter((p): p is string => Boolean(p)).sort()[0] ?? null;
    const figuresCarried = rows.filter((r) => r.cells.has(outlet)).length;
    const quotesCarried = story.quotes.filter((q) => q.articles.some((a) => ids.includes(a))).length;
    return html`<tr><th scope="row">${outlet}</th><td>${firstDay ?? 'undated'}${firstDay !== null && firstDay === earliest ? html` <span class="badge first">first</span>` : ''}</td><td class="num">${ids.length}</td><td class="num">${figuresCarried} / ${rows.length}</td><td class="num">${quotesCarried} / ${story.quotes.length}</td></tr>`;
  });

  const articles = html`<div class="scroll" role="region" aria-label="Articles" tabindex="0"><table>
<thead><tr><th scope="col">Title</th><th scope="col">Outlet</th><th scope="col">Published</th><th scope="col">Copy</th></tr></thead>
<tbody>${view.articles.map((a) => {
    const copy = copies.get(a.id);
    return html`<tr${copy ? html` class="copy"` : ''}><td><a href="${articleHref(a.id)}">${a.title ?? a.id}</a></td><td>${a.outlet ?? ''}</td><td>${a.published ?? ''}</td><td>${
      copy ? html`<span class="badge copy">copy</span> of ${link(copy.of, '', byId.get(copy.of)?.title ?? copy.of)} (${Math.round(copy.similarity * 100)}% similar)` : ''
    }</td></tr>`;
  })}</tbody></table></div>`;

  const first = view.articles.map((a) => a.published).filter(Boolean).sort();
  const body = html`<h1>${story.title}</h1>
<p class="meta">${story.articles.length} articles · ${outlets.length} outlets · ${first[0] ?? 'undated'}${first.length > 1 && first.at(-1) !== first[0] ? ` – ${first.at(-1)}` : ''} · ${story.discrepancies.length} discrepancies</p>
<nav class="toc" aria-label="Sections"><a href="#figures">Figures</a> <a href="#timeline">Timeline</a> <a href="#quotes">Quotes</a> <a href="#entities">Entities</a> <a href="#coverage">Coverage</a> <a href="#articles">Articles</a></nav>
<section aria-labelledby="figures"><h2 id="figures">Figures and discrepancies</h2>${figures}</section>
<section aria-labelledby="timeline"><h2 id="timeline">Timeline</h2>${timeline}</section>
<section aria-labelledby="quotes"><h2 id="quotes">Quotes</h2>${quotes}</section>
<section aria-labelledby="entities"><h2 id="entities">Entities</h2>${entityTable}</section>
<section aria-labelledby="coverage"><h2 id="coverage">Coverage by outlet</h2><div class="scroll" role="region" aria-label="Coverage" tabindex="0"><table>
<thead><tr><th scope="col">Outlet</th><th scope="col">First report</th><th scope="col" class="num">Articles</th><th scope="col" class="num">Figures carried</th><th scope="col" class="num">Quotes carried</th></tr></thead>
<tbody>${coverage}</tbody></table></div></section>
<section aria-labelledby="articles"><h2 id="articles">Articles</h2>${articles}</section>`;
  return layout({ siteName, title: story.title }, body);
}

/**
 * Whether a value is the one most outlets in the row gave. When no single
 * value has a majority (all differ, or a tie), every value counts as
 * differing: the table should not pick a side the reports do not.
 */
export function agreesWithMost(row: QuantityRow, value: number): boolean {
  const counts = new Map<number, number>();
  for (const c of [...row.cells.values()].flat()) counts.set(c.value, (counts.get(c.value) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (!top || top[1] < 2 || (second && second[1] === top[1])) return false;
  return top[0] === value;
}
