import { newDoc, type DateMention, type Doc, type EntityType, type Figure, type Mention, type Quote } from '../../model/doc.js';
import type { Span } from '../../model/span.js';

/** What a hand-made test article holds: layers given by the words they cover. */
export interface FixtureLayers {
  readonly title?: string;
  readonly published?: string;
  /** Every occurrence of each name is a mention; longer names win where they overlap. */
  readonly mentions?: Readonly<Record<string, EntityType>>;
  readonly quotes?: readonly { readonly text: string; readonly speaker?: string; readonly direct?: boolean }[];
  readonly figures?: readonly {
    readonly text: string;
    readonly value: number;
    readonly qualifier?: string | null;
    readonly unit?: string | null;
    readonly about?: string | null;
    readonly head?: string | null;
    readonly predicate?: string | null;
    readonly source?: string;
  }[];
  readonly dates?: readonly { readonly text: string; readonly value: string }[];
}

/**
 * A Doc built by hand for story-stage tests, as if the document stages had run:
 * offsets are found in the text, so fixtures read as prose.
 */
export function fixtureDoc(id: string, text: string, layers: FixtureLayers = {}): Doc {
  const base = newDoc(id, id, {
    text,
    clean: false,
    ...(layers.title ? { title: layers.title } : {}),
    ...(layers.published ? { published: layers.published } : {}),
  });
  return {
    ...base,
    text,
    language: 'en',
    sentences: sentenceSpans(text),
    mentions: findMentions(text, layers.mentions ?? {}),
    quotes: (layers.quotes ?? []).map((q): Quote => {
      const at = locate(text, q.text);
      const speakerSpan = q.speaker ? nearest(text, q.speaker, at) : undefined;
      return {
        ...at,
        text: q.text,
        speaker: null,
        speakerText: q.speaker ?? null,
        ...(speakerSpan ? { speakerSpan } : {}),
        direct: q.direct ?? true,
      };
    }),
    figures: (layers.figures ?? []).map((f): Figure => {
      const at = locate(text, f.text);
      const sourceSpan = f.source ? nearest(text, f.source, at) : undefined;
      return {
        ...at,
        text: f.text,
        value: f.value,
        qualifier: f.qualifier ?? null,
        unit: f.unit ?? null,
        about: f.about ?? null,
        ...(f.head !== undefined ? { head: f.head } : {}),
        ...(f.predicate !== undefined ? { predicate: f.predicate } : {}),
        source: null,
        sourceText: f.source ?? null,
        ...(sourceSpan ? { sourceSpan } : {}),
      };
    }),
    dates: (layers.dates ?? []).map((d): DateMention => ({ ...locate(text, d.text), text: d.text, value: d.value })),
  };
}

function locate(text: string, part: string): Span {
  const start = text.indexOf(part);
  if (start < 0) throw new Error(`fixture: "${part}" is not in the text`);
  return { start, end: start + part.length };
}

/** The occurrence of `part` closest to `near`: after it first (as "... ," she said), else before. */
function nearest(text: string, part: string, near: Span): Span | undefined {
  const after = text.indexOf(part, near.end);
  const before = text.lastIndexOf(part, near.start);
  const start = after >= 0 ? after : before;
  return start >= 0 ? { start, end: start + part.length } : undefined;
}

function sentenceSpans(text: string): Span[] {
  return [...text.matchAll(/[^.!?\n]+(?:[.!?]+["”]?|$)/gm)]
    .map((m) => {
      const lead = m[0].length - m[0].trimStart().length;
      return { start: m.index + lead, end: m.index + m[0].trimEnd().length };
    })
    .filter((s) => s.end > s.start);
}

function findMentions(text: string, names: Readonly<Record<string, EntityType>>): Mention[] {
  const out: Mention[] = [];
  const byLength = Object.entries(names).sort((a, b) => b[0].length - a[0].length);
  for (const [name, type] of byLength) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const span = { start: at, end: at + name.length };
      const bounded = !/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') && !/[\p{L}\p{N}]/u.test(text[span.end] ?? '');
      if (bounded && !out.some((m) => m.start < span.end && span.start < m.end))
        out.push({ ...span, text: name, type, entity: null });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
