import type { EntityMentions } from './entity-mentions.js';
import { articleHref, layout, storyHref } from './html-pages.js';
import { html, type SafeHtml } from './safe-html.js';

/** The sentence with the mention in <mark>, both escaped. */
function inSentence(sentence: string, text: string): SafeHtml {
  const at = sentence.indexOf(text);
  if (at < 0) return html`${sentence}`;
  return html`${sentence.slice(0, at)}<mark>${text}</mark>${sentence.slice(at + text.length)}`;
}

/** Each title the entity was given, with the first and last report that used it. */
export function rolesOverTime(items: EntityMentions['items']): { role: string; first: string | null; last: string | null; count: number }[] {
  const byRole = new Map<string, { role: string; first: string | null; last: string | null; count: number }>();
  for (const m of items) {
    if (!m.role) continue;
    const key = m.role.toLowerCase();
    const seen = byRole.get(key) ?? { role: m.role, first: null, last: null, count: 0 };
    seen.count++;
    if (m.published && (seen.first === null || m.published < seen.first)) seen.first = m.published;
    if (m.published && (seen.last === null || m.published > seen.last)) seen.last = m.published;
    byRole.set(key, seen);
  }
  return [...byRole.values()].sort((a, b) => (a.first ?? '9999').localeCompare(b.first ?? '9999'));
}

/**
 * The roles table: the entity's roleHistory (every article, appositives
 * included) when the report has one, else the titles of the mentions shown.
 */
export function roleRows(
  entity: EntityMentions['entity'],
  items: EntityMentions['items'],
): { rows: { role: string; first: string | null; last: string | null; count: number }[]; counts: 'articles' | 'mentions' } {
  if (entity.roleHistory && entity.roleHistory.length > 0) {
    return {
      rows: entity.roleHistory.map((r) => ({ role: r.role, first: r.first, last: r.last, count: r.articles.length })),
      counts: 'articles',
    };
  }
  return { rows: rolesOverTime(items), counts: 'mentions' };
}

export function entityPage(siteName: string, view: EntityMentions): SafeHtml {
  const { entity, items, stories } = view;
  const { rows: roles, counts } = roleRows(entity, items);
  return layout(
    { siteName, title: entity.name },
    html`<h1>${entity.name}</h1>
<dl class="meta-list">
<dt>Type</dt><dd>${entity.type}</dd>
<dt>Also called</dt><dd>${entity.aliases.length > 0 ? entity.aliases.join(', ') : '—'}</dd>
<dt>Roles</dt><dd>${entity.roles.length > 0 ? entity.roles.join(', ') : '—'}</dd>
<dt>Articles</dt><dd>${entity.articles.length}</dd>
</dl>
${
  roles.length === 0
    ? ''
    : html`<h2>Roles over time</h2>
<div class="scroll" role="region" aria-label="Roles over time" tabindex="0"><table>
<thead><tr><th scope="col">Role</th><th scope="col">First seen</th><th scope="col">Last seen</th><th scope="col" class="num">${counts === 'articles' ? 'Articles' : 'Mentions'}</th></tr></thead>
<tbody>${roles.map((r) => html`<tr><td>${r.role}</td><td>${r.first ?? '—'}</td><td>${r.last ?? '—'}</td><td class="num">${r.count}</td></tr>`)}</tbody></table></div>`
}
<h2>Stories</h2>
${stories.length === 0 ? html`<p class="muted">In no story.</p>` : html`<ul>${stories.map((s) => html`<li><a href="${storyHref(s.id)}">${s.title}</a> <span class="muted">(${s.articleCount} articles)</span></li>`)}</ul>`}
<h2>Mentions</h2>
${view.truncated ? html`<p class="muted">Showing the mentions in the first ${items.length > 0 ? 'articles read' : 'articles'}; the entity appears in ${entity.articles.length} articles.</p>` : ''}
${
  items.length === 0
    ? html`<p class="muted">No mention is linked to this entity.</p>`
    : html`<div class="scroll" role="region" aria-label="Mentions" tabindex="0"><table>
<thead><tr><th scope="col">Date</th><th scope="col">Outlet</th><th scope="col">As</th><th scope="col">Sentence</th></tr></thead>
<tbody>${items.map(
        (m) => html`<tr><td>${m.published ?? ''}</td><td>${m.outlet ?? ''}</td><td>${m.role ? `${m.role} ` : ''}${m.text}</td><td><a href="${articleHref(m.article)}#m-${m.index}">${inSentence(m.sentence, m.text)}</a></td></tr>`,
      )}</tbody></table></div>`
}`,
  );
}
