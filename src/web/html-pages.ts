import type { z } from 'zod';
import type { Page, SearchHit, StorySummary } from '../storage/store.js';
import type { storiesQuerySchema } from './api-schemas.js';
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
<a class="skip" href="#main">Skip to content</a>
<header>
<a class="home" href="/">${options.siteName}</a>
<form class="search" action="/search" method="get" role="search">
<input type="search" name="q" aria-label="Search articles" placeholder="Search articles" value="${options.query ?? ''}" maxlength="200">
<button type="submit">Search</button>
</form>
</header>
<main id="main">
${body}
</main>
</body>
</html>`;
}

export const storyHref = (id: string): string => `/stories/${encodeURIComponent(id)}`;
export const articleHref = (id: string): string => `/articles/${encodeURIComponent(id)}`;
export const entityHref = (id: string): string => `/entities/${encodeURIComponent(id)}`;

function dateRange(first: string | null, last: string | null): string {
  if (first === null) return 'undated';
  return first === last || last === null ? first : `${first} – ${last}`;
}

/** The stories list's filters, as parsed from the query string. */
export type StoriesFilter = z.output<typeof storiesQuerySchema>;

function pager(base: string, view: StoriesFilter, total: number): SafeHtml {
  const { limit, offset, ...filters } = view;
  const kept = Object.fromEntries(Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
  const href = (to: number): string => `${base}?${new URLSearchParams({ ...kept, offset: String(to), limit: String(limit) })}`;
  const prev = offset > 0 ? html`<a rel="prev" href="${href(Math.max(0, offset - limit))}">Newer</a>` : null;
  const next = offset + limit < total ? html`<a rel="next" href="${href(offset + limit)}">Older</a>` : null;
  return html`<nav class="pager" aria-label="Pages">${prev}${next}</nav>`;
}

function filterForm(view: StoriesFilter): SafeHtml {
  return html`<form class="filters" action="/" method="get" aria-label="Filter stories">
<label>Title <input type="search" name="q" value="${view.q ?? ''}" maxlength="200"></label>
<label>Outlet <input type="text" name="outlet" value="${view.outlet ?? ''}" maxlength="200"></label>
<label>From <input type="date" name="from" value="${view.from ?? ''}"></label>
<label>To <input type="date" name="to" value="${view.to ?? ''}"></label>
${view.entity ? html`<input type="hidden" name="entity" value="${view.entity}">` : ''}
<button type="submit">Filter</button>
</form>`;
}

export function storiesPage(siteName: string, page: Page<StorySummary>, view: StoriesFilter): SafeHtml {
  const filtered = Boolean(view.q || view.outlet || view.from || view.to || view.entity);
  const rows = page.items.map(
    (s) => html`<tr>
<td><a href="${storyHref(s.id)}">${s.title}</a></td>
<td class="num">${s.articleCount}</td>
<td>${s.outlets.join(', ')}</td>
<td>${dateRange(s.firstPublished, s.lastPublished)}</td>
<td class="num">${s.discrepancyCount > 0 ? html`<span class="badge differs">${s.discrepancyCount}</span>` : '0'}</td>
</tr>`,
  );
  const body =
    page.total === 0
      ? html`<h1>Stories</h1>${filterForm(view)}<p class="muted">${filtered ? 'No story matches this filter.' : 'No stories yet. Run crosscheck ingest to add articles.'}</p>`
      : html`<h1>Stories</h1>
${filterForm(view)}
<p class="meta">${page.total} ${page.total === 1 ? 'story' : 'stories'}</p>
<div class="scroll" role="region" aria-label="Stories" tabindex="0"><table class="stories">
<thead><tr><th scope="col">Story</th><th scope="col" class="num">Articles</th><th scope="col">Outlets</th><th scope="col">First – last report</th><th scope="col" class="num">Discrepancies</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>
${pager('/', view, page.total)}`;
  return layout({ siteName, title: 'Stories' }, body);
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
<div class="scroll" role="region" aria-label="Results" tabindex="0"><table>
<thead><tr><th scope="col">Article</th><th scope="col">Outlet</th><th scope="col">Published</th></tr></thead>
<tbody>${hits.map(
          (h) => html`<tr><td><a href="${articleHref(h.article)}">${h.title ?? h.article}</a><br><span class="muted">${markedSnippet(h)}</span></td><td>${h.outlet ?? ''}</td><td>${h.published ?? ''}</td></tr>`,
        )}</tbody>
</table></div>`;
  return layout({ siteName, title: `Search: ${query}`, query }, body);
}

export function errorPage(siteName: string, status: number, message: string): SafeHtml {
  const heading = status === 404 ? 'Not found' : status < 500 ? 'Bad request' : 'Something went wrong';
  return layout({ siteName, title: heading }, html`<h1>${heading}</h1><p>${message}</p><p><a href="/">Back to the stories</a></p>`);
}
