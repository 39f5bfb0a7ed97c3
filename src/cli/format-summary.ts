import { articleLabel } from '../model/doc.js';
import type { Corpus } from '../model/story.js';
import type { InputFailure } from '../input/input-item.js';

/** The readable summary `analyze` prints without --json. */
export function formatSummary(corpus: Corpus, failures: readonly InputFailure[]): string {
  const lines: string[] = [];
  const byId = new Map(corpus.docs.map((d) => [d.id, d]));
  const ok = corpus.docs.filter((d) => !d.failed);
  lines.push(`${ok.length} article(s), ${corpus.entities.length} entities, ${corpus.stories.length} stor${corpus.stories.length === 1 ? 'y' : 'ies'}`);
  for (const story of corpus.stories) {
    const label = (id: string) => {
      const doc = byId.get(id);
      return doc ? articleLabel(doc) : id;
    };
    const outlets = [...new Set(story.articles.map(label))];
    lines.push('');
    lines.push(`● ${story.title}  [${story.id}]`);
    lines.push(`  ${story.articles.length} article(s) from ${outlets.join(', ')}`);
    const dated = story.timeline.slice(0, 5);
    for (const event of dated) lines.push(`  ${event.date}  ${oneLine(event.text, 90)}`);
    if (story.timeline.length > dated.length) lines.push(`  … ${story.timeline.length - dated.length} more timeline entries`);
    for (const d of story.discrepancies) {
      const values = d.values.map((v) => `${v.text} (${label(v.article)})`).join(' vs ');
      lines.push(`  ≠ ${d.about}: ${values}${d.note ? `  — ${d.note}` : ''}`);
    }
    for (const c of story.copies ?? []) lines.push(`  ⧉ ${label(c.article)} copies ${label(c.of)} (similarity ${c.similarity.toFixed(2)})`);
  }
  const problems = [
    ...failures.map((f) => `${f.source}: error ${f.code}: ${f.message}`),
    ...corpus.docs.filter((d) => d.failed).map((d) => `${d.source}: error: ${d.messages.at(-1)?.text ?? 'failed'}`),
  ];
  if (problems.length) lines.push('', `${problems.length} input(s) failed:`, ...problems.map((p) => `  ${p}`));
  return lines.join('\n');
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
