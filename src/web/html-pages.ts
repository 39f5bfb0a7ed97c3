import type { Doc } from '../model/doc.js';
import type { Entity, Story } from '../model/story.js';
import type { ArticleSummary, Page, SearchHit, StorySummary } from '../storage/store.js';
import { html, type HtmlValue, type SafeHtml } from './safe-html.js';

export interface LayoutOptions {
  readonly siteName: string;
  readonly title: string;
  /** Pre-fills the search box on the search page. */
  readonly query?: string;
}

export function layout(options: LayoutOptions, body: HtmlValue): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · ${options.siteName}</title>
<link rel="stylesheet" href="/static/app.css">
</head>
<body>
<header>
<a class="home" href="/">${options.siteName}</a>
<form class="search" action="/search" method="get" role="search">
<input type="search" name="q" aria-label="Search articles" value="${options.query ?? ''}" maxlength="200">
<button type="submit">Search</button>
</form>
</header>
<main>
${body}
</main>
</body>
</html>`;
}

const storyHref = (id: string): string => `/stories/${encodeURIComponent(id)}`;
const articleHref = (id: string): string => `/articles/${encodeURIComponent(id)}`;

function dateRange(first: string | null, last: string | null): string {
  if (first === null) return 'undated';
  return first === last || last === null ? first : `${first} – ${last}`;
}

function pager(base: string, offset: number, limit: number, total: number, q: string | undefined): SafeHtml {
  const href = (to: number): string => `${base}?${new URLSearchParams({ ...(q ? { q } : {}), offset: String(to), limit: String(limit) })}`;
  const prev = offset > 0 ? html`<a rel="prev" href="${href(Math.max(0, offset - limit))}">Newer</a>` : null;
  const next = offset + limit < total ? html`<a rel="next" href="${href(offset + limit)}">Older</a>` : null;
  return html`<nav class="pager">${prev}${next}</nav>`;
}

export function storiesPage(siteName: string, page: Page<StorySummary>, view: { limit: number; offset: number; q?: string | undefined }): SafeHtml {
  const rows = page.items.map(
    (s) => html`<tr>
<td><a href="${storyHref(s.id)}">${s.title}</a></td>
<td class="num">${s.articleCount}</td>
<td>${s.outlets.join(', ')}</td>
<td>${dateRange(s.firstPublished, s.lastPublished)}</td>
<td class="num">${s.discrepancyCount}</td>
</tr>`,
  );
  const body =
    page.total === 0
      ? html`<h1>Stories</h1><p class="muted">${view.q ? 'No story matches this filter.' : 'No stories yet. Run crosscheck ingest to add articles.'}</p>`
      : html`<h1>Stories</h1>
<p class="meta">${page.total} ${page.total === 1 ? 'story' : 'stories'}</p>
<table>
<thead><tr><th>Story</th><th class="num">Articles</th><th>Outlets</th><th>Dates</th><th class="num">Discrepancies</th></tr></thead>
<tbody>${rows}</tbody>
</table>
${pager('/', view.offset, view.limit, page.total, view.q)}`;
  return layout({ siteName, title: 'Stories' }, body);
}

/** Everything the story page shows, gathered by the route. */
export interface StoryView {
  readonly story: Story;
  readonly articles: readonly ArticleSummary[];
  readonly entities: ReadonlyMap<string, Entity>;
}

function articleLinks(ids: readonly string[], articles: ReadonlyMap<string, ArticleSummary>): SafeHtml {
  return html`${ids.map((id, i) => {
    const article = articles.get(id);
    const label = article?.outlet ?? article?.title ?? id;
    return html`${i > 0 ? ', ' : ''}<a href="${articleHref(id)}">${label}</a>`;
  })}`;
}

export function storyPage(siteName: string, view: StoryView): SafeHtml {
  const { story, entities } = view;
  const byId = new Map(view.articles.map((a) => [a.id, a]));
  const speaker = (id: string | null): string => (id === null ? 'unattributed' : (entities.get(id)?.name ?? id));
  const articles = html`<h2>Articles</h2>
<table>
<thead><tr><th>Title</th><th>Outlet</th><th>Published</th></tr></thead>
<tbody>${view.articles.map(
    (a) => html`<tr><td><a href="${articleHref(a.id)}">${a.title ?? a.id}</a></td><td>${a.outlet ?? ''}</td><td>${a.published ?? ''}</td></tr>`,
  )}</tbody>
</table>`;
  const timeline =
    story.timeline.length === 0
      ? null
      : html`<h2>Timeline</h2>
<table>
<thead><tr><th>Date</th><th>Event</th><th>Reported by</th></tr></thead>
<tbody>${story.timeline.map((e) => html`<tr><td>${e.date}</td><td>${e.text}</td><td>${articleLinks(e.articles, byId)}</td></tr>`)}</tbody>
</table>`;
  const quotes =
    story.quotes.length === 0
      ? null
      : html`<h2>Quotes</h2>
<table>
<thead><tr><th>Quote</th><th>Speaker</th><th>Carried by</th></tr></thead>
<tbody>${story.quotes.map((q) => html`<tr><td>“${q.text}”</td><td>${speaker(q.speaker)}</td><td>${articleLinks(q.articles, byId)}</td></tr>`)}</tbody>
</table>`;
  const discrepancies =
    story.discrepancies.length === 0
      ? html`<h2>Discrepancies</h2><p class="muted">The reports agree on every figure compared.</p>`
      : html`<h2>Discrepancies</h2>
<table>
<thead><tr><th>About</th><th>Values reported</th><th>Note</th></tr></thead>
<tbody>${story.discrepancies.map(
          (d) => html`<tr><td>${d.about}</td><td><ul class="values">${d.values.map(
            (v) => html`<li><strong>${v.value.toLocaleString('en-US')}</strong> — “${v.text}” (${articleLinks([v.article], byId)})</li>`,
          )}</ul></td><td>${d.note ?? d.kind ?? ''}</td></tr>`,
        )}</tbody>
</table>`;
  return layout({ siteName, title: story.title }, html`<h1>${story.title}</h1>${articles}${timeline}${quotes}${discrepancies}`);
}

export function articlePage(siteName: string, doc: Doc): SafeHtml {
  const paragraphs = doc.text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  const meta = [doc.outlet, doc.published, doc.byline.length > 0 ? `by ${doc.byline.join(', ')}` : null].filter((m): m is string => Boolean(m));
  return layout(
    { siteName, title: doc.title ?? doc.id },
    html`<h1>${doc.title ?? doc.id}</h1>
<p class="meta">${meta.join(' · ')}</p>
<p class="meta">Source: ${doc.source}${doc.failed ? ' · processing failed' : ''}</p>
<div class="text">${paragraphs.map((p) => html`<p>${p}</p>`)}</div>`,
  );
}

/** The snippet with its matched words in <mark>, every piece escaped. */
function markedSnippet(hit: SearchHit): SafeHtml {
  const parts: HtmlValue[] = [];
  let at = 0;
  for (const span of hit.highlights) {
    parts.push(hit.snippet.slice(at, span.start), html`<mark>${hit.snippet.slice(span.start, span.end)}</mark>`);
    at = span.end;
  }
  parts.push(hit.snippet.slice(at));
  return html`${parts}`;
}

export function searchPage(siteName: string, query: string, hits: readonly SearchHit[]): SafeHtml {
  const body =
    hits.length === 0
      ? html`<h1>Search</h1><p class="muted">No article matches “${query}”.</p>`
      : html`<h1>Search</h1>
<table>
<thead><tr><th>Article</th><th>Outlet</th><th>Published</th></tr></thead>
<tbody>${hits.map(
          (h) => html`<tr><td><a href="${articleHref(h.article)}">${h.title ?? h.article}</a><br><span class="muted">${markedSnippet(h)}</span></td><td>${h.outlet ?? ''}</td><td>${h.published ?? ''}</td></tr>`,
        )}</tbody>
</table>`;
  return layout({ siteName, title: `Search: ${query}`, query }, body);
}

export function errorPage(siteName: string, status: number, message: string): SafeHtml {
  const heading = status === 404 ? 'Not found' : status < 500 ? 'Bad request' : 'Something went wrong';
  return layout({ siteName, title: heading }, html`<h1>${heading}</h1><p>${message}</p><p><a href="/">Back to the stories</a></p>`);
}
