// A seeded synthetic news corpus: N articles across M stories, all invented
// (fictional towns, people, outlets and events). Articles of one story share
// names, places, quotes and figures with small disagreements (the kind
// crosscheck flags), a few are near-copies of another (content farms), and
// lengths vary like wire copy (roughly 250 to 800 words).
import { seededRandom } from '../../src/model/seeded-random.js';

export interface SyntheticArticle {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly outlet: string;
  readonly published: string;
  readonly byline: readonly string[];
  /** The story the generator wrote it for (ground truth for grouping checks). */
  readonly story: number;
}

export interface CorpusOptions {
  readonly articles: number;
  readonly stories: number;
  readonly seed?: number;
  /** Share of articles that rewrite an earlier article of the same story. */
  readonly copyRate?: number;
}

const random = seededRandom;

const SYLLABLES = ['mar', 'row', 'vale', 'bren', 'tor', 'lin', 'dew', 'ash', 'cor', 'wyn', 'hal', 'ford', 'quel', 'sab', 'ren', 'ost', 'ilk', 'mere', 'pen', 'dor'];
const FIRST = ['Ilse', 'Tamsin', 'Pell', 'Oren', 'Maris', 'Jora', 'Kestrel', 'Anouk', 'Dacey', 'Fenna', 'Loric', 'Seren', 'Tobin', 'Wren', 'Yusra', 'Halvard'];
const LAST = ['Varnholt', 'Okoro', 'Idris', 'Brandt', 'Lindqvist', 'Achterberg', 'Mbeki-Rowe', 'Castellane', 'Orsolya', 'Pemberly', 'Quartey', 'Saltmarsh'];
const ROLES = ['mayor', 'fire chief', 'regional governor', 'health minister', 'police spokesperson', 'harbour master', 'council leader'];
const EVENTS = [
  { noun: 'flood', verb: 'flooded', unit: 'homes', counted: 'homes were damaged', cause: 'days of heavy rain' },
  { noun: 'wildfire', verb: 'burned through', unit: 'hectares', counted: 'hectares burned', cause: 'dry winds' },
  { noun: 'ferry accident', verb: 'capsized near', unit: 'passengers', counted: 'passengers were rescued', cause: 'a sudden squall' },
  { noun: 'factory fire', verb: 'engulfed', unit: 'workers', counted: 'workers were evacuated', cause: 'an electrical fault' },
  { noun: 'landslide', verb: 'buried part of', unit: 'people', counted: 'people were displaced', cause: 'saturated hillsides' },
  { noun: 'strike', verb: 'shut down', unit: 'workers', counted: 'workers walked out', cause: 'a pay dispute' },
];
const OUTLETS = ['Harbor Ledger', 'Valley Courier', 'Northfield Gazette', 'The Morning Lantern', 'Coastline Wire', 'Daily Meridian', 'Ridge Post', 'Quarry Bay Times'];
const FILLER = [
  'Residents described a long night of uncertainty as emergency crews moved through the district.',
  'Local schools announced they would remain closed until further notice.',
  'Volunteers set up a shelter in the community hall and handed out blankets and hot food.',
  'Roads leading into the area were closed, and officials asked drivers to avoid the region.',
  'Shop owners began the slow work of cleaning up, counting losses that insurers have yet to assess.',
  'Engineers were expected to inspect bridges and public buildings over the coming days.',
  'Several families said they had received little warning before conditions worsened.',
  'A hotline for relatives seeking information was opened on Wednesday morning.',
  'Opposition councillors called for an independent review of the emergency response.',
  'Forecasters said conditions could improve by the weekend, though they warned of further risk.',
  'Aid groups appealed for donations of water, clothing and medical supplies.',
  'The regional rail operator suspended services on two lines while tracks were checked.',
];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function placeName(rand: () => number): string {
  const name = pick(rand, SYLLABLES) + pick(rand, SYLLABLES);
  return name[0]!.toUpperCase() + name.slice(1);
}

function isoDate(day: number): string {
  return new Date(Date.UTC(2031, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

interface StoryPlan {
  readonly place: string;
  readonly event: (typeof EVENTS)[number];
  readonly official: string;
  readonly role: string;
  readonly witness: string;
  readonly figure: number;
  readonly quote: string;
  readonly day: number;
}

function planStory(rand: () => number): StoryPlan {
  const event = pick(rand, EVENTS);
  return {
    place: placeName(rand),
    event,
    official: `${pick(rand, FIRST)} ${pick(rand, LAST)}`,
    role: pick(rand, ROLES),
    witness: `${pick(rand, FIRST)} ${pick(rand, LAST)}`,
    figure: 40 + Math.floor(rand() * 2000),
    quote: pick(rand, ['we have never seen anything like this', 'every available crew is out there tonight', 'our first duty is to the families affected', 'the damage is worse than we feared']),
    day: Math.floor(rand() * 700),
  };
}

function writeArticle(rand: () => number, plan: StoryPlan, outlet: string): { title: string; text: string } {
  const { place, event, official, role, witness } = plan;
  // Outlets disagree a little on the headline figure: same order of magnitude, different count.
  const figure = rand() < 0.7 ? plan.figure : plan.figure + Math.floor(rand() * 60) - 30;
  const qualifier = pick(rand, ['more than ', 'about ', 'at least ', '']);
  const lead = [
    `A ${event.noun} ${event.verb} ${place} on Tuesday after ${event.cause}, and ${qualifier}${figure.toLocaleString('en-US')} ${event.counted}, according to the ${place} council.`,
    `"${plan.quote[0]!.toUpperCase()}${plan.quote.slice(1)}," said ${official}, the ${role} of ${place}, speaking to reporters near the scene.`,
    `${witness}, who lives near the centre of ${place}, said the first signs came late in the evening. "It happened so fast," ${witness.split(' ')[0]} said.`,
  ];
  const paragraphs = [lead.join(' ')];
  const length = 250 + Math.floor(rand() * 550);
  let words = paragraphs[0]!.split(' ').length;
  while (words < length) {
    const sentences = Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(rand, FILLER));
    if (rand() < 0.3) sentences.push(`${official.split(' ')[1]} said a full count of the ${event.unit} affected would take several days.`);
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    words += paragraph.split(' ').length;
  }
  const title = `${place} ${event.noun}: ${qualifier}${figure.toLocaleString('en-US')} ${event.unit} affected, ${official.split(' ')[1]} says (${outlet})`;
  return { title, text: paragraphs.join('\n\n') };
}

/** The same seed and options always give the same articles, in the same order. */
export function generateCorpus({ articles, stories, seed = 1, copyRate = 0.1 }: CorpusOptions): SyntheticArticle[] {
  const rand = random(seed);
  const plans = Array.from({ length: Math.max(1, stories) }, () => planStory(rand));
  const byStory = new Map<number, SyntheticArticle[]>();
  const out: SyntheticArticle[] = [];
  for (let i = 0; i < articles; i++) {
    // Round-robin first, so every story gets articles, then at random.
    const story = i < plans.length ? i : Math.floor(rand() * plans.length);
    const plan = plans[story]!;
    const outlet = pick(rand, OUTLETS);
    const earlier = byStory.get(story) ?? [];
    let body: { title: string; text: string };
    if (earlier.length > 0 && rand() < copyRate) {
      // A content farm's rewrite: the same text with a new first line and outlet.
      const original = pick(rand, earlier);
      body = { title: `${original.title.replace(/ \([^)]*\)$/, '')} (${outlet})`, text: `Here is what we know so far.\n\n${original.text}` };
    } else body = writeArticle(rand, plan, outlet);
    const article: SyntheticArticle = {
      id: `syn-${seed}-${String(i).padStart(6, '0')}`,
      title: body.title,
      text: body.text,
      outlet,
      published: isoDate(plan.day + Math.floor(rand() * 3)),
      byline: [`${pick(rand, FIRST)} ${pick(rand, LAST)}`],
      story,
    };
    earlier.push(article);
    byStory.set(story, earlier);
    out.push(article);
  }
  return out;
}

/** One .jsonl line per article, in the input format `crosscheck ingest` reads. */
export function toJsonl(articles: readonly SyntheticArticle[]): string {
  return articles.map(({ story: _story, ...fields }) => JSON.stringify(fields)).join('\n') + '\n';
}
