import type { EntityMentions } from './entity-mentions.js';
import { articleHref, layout, storyHref } from './html-pages.js';
import { html, type SafeHtml } from './safe-html.js';

/** The sentence with the mention in <mark>, both escaped. */
function inSentence(sentence: string, text: string): SafeHtml {
  const at = sentence.indexOf(text);
  if (at < 0) return html`${sentence}`;
  return html`${sentence.slice(0, at)}<mark>${text}</mark>${sentence.slice(at + text.length)}`;
}

export function entityPage(siteName: string, view: EntityMentions): SafeHtml {
  const { entity, items, stories } = view;
  return layout(
    { siteName, title: entity.name },
    html`<h1>${entity.name}</h1>
<dl class="meta-list">
<dt>Type</dt><dd>${entity.type}</dd>
<dt>Also called</dt><dd>${entity.aliases.length > 0 ? entity.aliases.join(', ') : '—'}</dd>
<dt>Roles</dt><dd>${entity.roles.length > 0 ? entity.roles.join(', ') : '—'}</dd>
<dt>Articles</dt><dd>${entity.articles.length}</dd>
</dl>
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
