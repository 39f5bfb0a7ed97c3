import type { Doc } from '../model/doc.js';
import type { Entity } from '../model/story.js';
import type { Store, StorySummary } from '../storage/store.js';

/** One mention in context; documented by `entityMentionsSchema`. */
export interface EntityMention {
  readonly article: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Position in the article's mentions: the article page's anchor `#m-INDEX`. */
  readonly index: number;
  /** The title or role written before the name here ("Mayor"), if any. */
  readonly role: string | null;
  readonly sentence: string;
}

export interface EntityMentions {
  readonly entity: Entity;
  readonly items: readonly EntityMention[];
  readonly stories: readonly StorySummary[];
  readonly truncated: boolean;
}

/** Reading every article of a very common entity would make one page load the whole store. */
export const MAX_ENTITY_ARTICLES = 200;
const MAX_STORIES = 100;
/** Context shown when an article has no sentence layer (failed or uncleaned input). */
const CONTEXT_CHARS = 120;

function sentenceAround(doc: Doc, start: number, end: number): string {
  const sentence = doc.sentences.find((s) => s.start <= start && end <= s.end);
  if (sentence) return doc.text.slice(sentence.start, sentence.end);
  return doc.text.slice(Math.max(0, start - CONTEXT_CHARS), Math.min(doc.text.length, end + CONTEXT_CHARS));
}

/** Every mention of an entity across its articles, with the sentence it sits in, and the stories it appears in. */
export async function entityMentions(store: Store, id: string): Promise<EntityMentions | null> {
  const entity = await store.getEntity(id);
  if (!entity) return null;
  const items: EntityMention[] = [];
  const read = entity.articles.slice(0, MAX_ENTITY_ARTICLES);
  const docs = await store.getArticles(read);
  for (const articleId of read) {
    const doc = docs.get(articleId);
    if (!doc) continue;
    doc.mentions.forEach((m, index) => {
      if (m.entity !== id) return;
      items.push({
        index,
        role: m.title ?? null,
        article: doc.id,
        title: doc.title,
        outlet: doc.outlet,
        published: doc.published,
        start: m.start,
        end: m.end,
        text: m.text,
        sentence: sentenceAround(doc, m.start, m.end),
      });
    });
  }
  // Oldest report first: roles and wording read as they developed.
  items.sort(
    (a, b) =>
      (a.published ?? '9999').localeCompare(b.published ?? '9999') || a.article.localeCompare(b.article) || a.start - b.start,
  );
  const stories = await store.listStories({ limit: MAX_STORIES, offset: 0, entity: id });
  return { entity, items, stories: [...stories.items], truncated: entity.articles.length > MAX_ENTITY_ARTICLES };
}
