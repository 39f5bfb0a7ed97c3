// Builds eval/scraped-text/documents.jsonl: invented scraped plain-text
// documents with one label per line. Everything here is invented (people,
// outlets, places, events). Each document draws one story, an outlet, a
// length, and an ordered mix of the junk shapes scrapers copy along with an
// article; the draws are seeded, so the file is reproducible:
//   node --import tsx eval/scraped-text/build-documents.ts
// Every third document (index % 3 === 2) is held out: never tune on it.
import { writeFileSync } from 'node:fs';

export type LineLabel = 'title' | 'body' | 'junk';
export interface LabelledLine {
  readonly text: string;
  readonly label: LineLabel;
  /** The junk shape, for per-kind recall. */
  readonly kind?: string;
}
export interface ScrapedDocument {
  readonly id: string;
  readonly split: 'tune' | 'held-out';
  /** Paragraphs of lines; paragraphs are separated by a blank line in the text. */
  readonly paragraphs: readonly (readonly LabelledLine[])[];
}

let seed = 20240611;
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const chance = (p: number) => random() < p;
function sample<T>(items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return out;
}

interface Story {
  readonly title: string;
  /** Paragraphs; a paragraph of several strings is several lines (a list, a wrapped paragraph). */
  readonly body: readonly (string | readonly string[])[];
}

const STORIES: readonly Story[] = [
  {
    title: 'Ferry service to Holm Island suspended after hull damage',
    body: [
      'The only car ferry between Port Anselm and Holm Island was taken out of service on Monday after divers found a crack in its hull, leaving about 900 islanders with a passenger launch as their sole link to the mainland.',
      'The operator, Greyline Marine, said the vessel would spend at least three weeks in dry dock at Carrow. "Safety comes before the timetable," said its operations manager, Delphine Arkwright.',
      'What happens next',
      'Island shopkeepers said deliveries of fresh food would be cut to twice a week. The island council has asked the regional government for an emergency freight barge.',
      ['Services affected:', '- the 07:10 and 17:40 crossings', '- all vehicle bookings until 30 June', '- the Saturday freight run'],
      'Share prices of Greyline\'s parent company fell 3 percent in afternoon trading.',
    ],
  },
  {
    title: 'Council approves cycle lanes on Tanner Street despite traders\' objections',
    body: [
      'Vellmouth city council voted 14 to 9 on Wednesday night to put protected cycle lanes along the length of Tanner Street, removing 62 parking spaces.',
      'Traders on the street had collected more than 1,200 signatures against the plan, arguing that customers from outlying villages would stop coming.',
      '"We have listened, and we have changed the design twice," said councillor Ibrahim Oduya, who chairs the transport committee.',
      'The works are due to start in September and to last about four months. Deliveries will be allowed before 10 a.m.',
      'A survey commissioned by the council found that a third of shoppers on the street arrive on foot and fewer than one in five by car.',
    ],
  },
  {
    title: 'Drought forces Lake Merrin water restrictions for a second summer',
    body: [
      'Residents of the four towns around Lake Merrin will be banned from using hosepipes from 1 July, the regional water board announced on Friday, as the lake fell to 41 percent of its capacity.',
      'It is the second summer in a row that restrictions have been imposed. Last year they lasted eleven weeks.',
      'The board\'s chief engineer, Petra Lindqvist, said rainfall since January had been less than half the long-term average.',
      'Farmers will be allowed to keep irrigating at night, a decision that drew criticism from a residents\' group.',
      'Comments from the public on the plan can be sent to the board until 20 June.',
    ],
  },
  {
    title: 'Striking bus drivers reject second pay offer',
    body: [
      'Bus drivers in the Orrin valley voted by a large majority to reject a second pay offer from the operator Coachlink, extending a strike that has cancelled most services for nine days.',
      'The union said 84 percent of members who voted were against the offer of a 4.5 percent rise this year and 3 percent next year.',
      'Coachlink\'s regional director, Malcolm Everby, said the company could not go further without cutting routes.',
      'Schools in the valley have arranged car-sharing for pupils, and the hospital in Dunmore has extended visiting hours.',
      'Talks are due to resume on Tuesday.',
    ],
  },
  {
    title: 'Archaeologists uncover medieval kiln under car park in Saltby',
    body: [
      'A team digging ahead of a housing development in Saltby has found the remains of a pottery kiln thought to date from the thirteenth century.',
      'The kiln, about three metres across, was buried under the tarmac of a car park that had been in use since the 1960s.',
      '"We expected drains and foundations, not this," said the site director, Dr Anouk Verhaegen of the Eastmoor Archaeology Trust.',
      'Finds so far include',
      ['glazed jug handles', 'roof tile fragments', 'two complete cooking pots'],
      'The developer has agreed to pause work on the site for six weeks while the kiln is recorded.',
    ],
  },
  {
    title: 'Hospital waiting lists fall for the first time in three years',
    body: [
      'The number of patients waiting for planned operations at Kelderby General Hospital fell by 6 percent in the year to March, the first fall since 2021.',
      'The hospital\'s trust said the opening of a second day-surgery unit in October had allowed it to carry out about 140 more procedures a month.',
      'Waits for hip and knee replacements remain the longest, with a median of 38 weeks.',
      'Patient groups welcomed the figures but said waits for mental health services had grown.',
    ],
  },
  {
    title: 'Wildfire near Cresting Pass contained after four days',
    body: [
      'Firefighters said on Sunday they had contained a wildfire that burned about 2,300 hectares of scrub and pine forest near Cresting Pass.',
      'About 400 people were evacuated from two villages on Thursday and were allowed home on Saturday evening.',
      'No one was injured, but three barns and a holiday cabin were destroyed, the regional fire service said.',
      'Investigators believe the fire was started by sparks from a farm machine.',
      'Update: the road over the pass reopened on Monday morning.',
      'Photos of the fire front taken by residents were shared widely on social media on Friday.',
    ],
  },
  {
    title: 'University of Brennock to cut 120 jobs',
    body: [
      'The University of Brennock plans to cut about 120 jobs over the next two years to close a budget gap of 18 million, its vice-chancellor told staff on Tuesday.',
      'Most of the cuts will fall on administrative posts, but the modern languages department will be merged with linguistics.',
      'The staff union said it would ballot members on industrial action.',
      'Student numbers from abroad fell by a fifth this year, the university said, after changes to visa rules.',
    ],
  },
  {
    title: 'Rail line between Ostry and Wendle to reopen after landslip',
    body: [
      'Trains will run again between Ostry and Wendle from Thursday, seven weeks after a landslip buried the track under 5,000 tonnes of earth.',
      'Engineers built a retaining wall and drilled drainage channels into the slope.',
      'Timetable',
      ['Weekdays: every 30 minutes', 'Saturdays: hourly', 'Sundays: hourly from 9 a.m.'],
      'Replacement buses will stop running on Wednesday night.',
    ],
  },
  {
    title: 'Fishermen protest new quota rules at Dunmaran harbour',
    body: [
      'About 60 fishing boats blocked the entrance to Dunmaran harbour for three hours on Saturday in protest at new quota rules for cod and haddock.',
      'Skippers say the rules, which take effect next month, would cut their catch by up to a quarter.',
      '"My father fished here, my grandfather fished here, and I may be the last," said Ewan Tolland, who has worked out of the harbour for 31 years.',
      'The fisheries ministry said the quotas were based on scientific advice and were needed to let stocks recover.',
      'A ferry due to arrive at 11 a.m. waited offshore until the blockade ended.',
    ],
  },
  {
    title: 'Mercado de Valdoria reabre tras dos años de obras',
    body: [
      'El mercado municipal de Valdoria reabrió el sábado sus puertas tras dos años de obras de rehabilitación que costaron 7,4 millones de euros.',
      'De los 48 puestos, 41 ya están ocupados, según el ayuntamiento, que ha rebajado el alquiler durante el primer año.',
      '"Por fin volvemos a casa", dijo Remedios Alcalá, que vende fruta en el mercado desde hace treinta años.',
      'El edificio conserva la estructura de hierro original de 1912.',
    ],
  },
  {
    title: 'Neue Brücke über die Almer soll 2027 fertig sein',
    body: [
      'Die neue Straßenbrücke über die Almer bei Kettwig soll Ende 2027 für den Verkehr freigegeben werden, teilte der Landkreis am Mittwoch mit.',
      'Die alte Brücke aus dem Jahr 1958 ist seit dem vergangenen Herbst für Lastwagen gesperrt, nachdem Prüfer Risse in den Pfeilern gefunden hatten.',
      'Die Kosten werden auf 23 Millionen Euro geschätzt.',
      'Pendler müssen bis dahin einen Umweg von rund zwölf Kilometern in Kauf nehmen.',
    ],
  },
];

const OUTLETS = ['The Anselm Courier', 'Vellmouth Evening Post', 'Merrin Valley News', 'Orrin Gazette', 'Eastmoor Today', 'Kelderby Chronicle', 'Cresting Herald', 'Brennock Daily', 'Wendle Observer', 'Dunmaran Tide', 'NewsPulse24', 'TrendyViralHub', 'El Faro de Valdoria', 'Almer Kurier'];
const REPORTERS = ['Ines Maraval', 'Teo Brandt', 'Ruth Adair', 'Sam Kell', 'Noor Haddad', 'Callum Reyes', 'Jana Novak', 'Oliver Mbeki', 'Priya Castell', 'Hugo Lindahl'];
const AGENCIES = ['Kestrel Wire', 'NPA', 'Calder Press Agency', 'Norde Foto', 'Agencia Lumen'];
const COMMENTERS = ['Gus Farrow', 'mjb1974', 'Tess O.', 'RiverWatcher', 'Alan P', 'concerned_local', 'Beatriz R.', 'Frank from Carrow'];

type Junk = (story: Story, outlet: string) => string[];
const agencyCredit = () => pick([`Photo: ${pick(REPORTERS)}/${pick(AGENCIES)}`, `${pick(REPORTERS).toUpperCase()}/${pick(AGENCIES).toUpperCase()}`, `(${pick(AGENCIES)} photo/${pick(REPORTERS)})`, `Foto: ${pick(REPORTERS)} / ${pick(AGENCIES)}`, `Crédit photo : ${pick(AGENCIES)}`, `Image: ${pick(AGENCIES)}`, `Getty Images`, `Photograph by ${pick(REPORTERS)}`]);

// Junk shapes, each a function drawing its own wording: a line list.
const JUNK: Record<string, Junk> = {
  share: () => pick([
    ['Share this article'],
    ['Share:', 'Facebook', 'X', 'WhatsApp', 'Email'],
    ['Facebook | Twitter | LinkedIn | Email'],
    ['Share on Facebook Share on X Share via Email'],
    ['Compartir en Facebook', 'Compartir en WhatsApp'],
    ['Teilen: Facebook | X | E-Mail'],
    ['Partager sur Facebook', 'Partager sur X'],
    ['Copy link'],
    ['Share this story', 'Copy link', 'Email'],
    ['Tweet', 'Share', 'Pin it'],
  ]),
  caption: () => pick([
    [agencyCredit()],
    [`Boats tied up at the quay on Tuesday. ${agencyCredit()}`],
    ['IMG_2231.jpg', '1 of 8'],
    ['Image caption: Volunteers clearing debris', agencyCredit()],
    [`The site as it looked last spring (${pick(AGENCIES)})`],
    ['Pictured: the old bridge in 1998'],
    [`Residents gather outside the town hall. Photo: ${pick(REPORTERS)}`],
    ['4/12'],
  ]),
  author: () => pick([
    ['About the author', `${pick(REPORTERS)} is a freelance writer who loves travel, gadgets and good coffee.`, 'Follow her on Twitter for more.'],
    ['About the Author', `${pick(REPORTERS)} has covered local politics since 2009.`],
    ['Author bio:', 'Jake Tenbury writes about home, garden and everything viral.', 'Email: jake@trendyviralhub.example', 'Rating: ★★★★☆'],
    ['Written by', 'Sofia Marlow', 'Senior Content Specialist', '4.8 out of 5 stars (212 reviews)'],
    [`${pick(REPORTERS)} is a reporter at ${pick(OUTLETS)}. Contact: newsdesk@example.org`],
  ]),
  related: () => pick([
    ['Related:', 'Ferry timetable changes for spring', 'Council approves harbour budget'],
    ['Read more', 'How the new bin collection rota works', 'Ten things to do this weekend'],
    ['Read more: Why the lake keeps shrinking'],
    ['Lee también:', 'El ayuntamiento aprueba el presupuesto', 'Cortes de tráfico en el centro'],
    ['Mehr zum Thema', 'Sperrung der Talstraße verlängert', 'Kreistag beschließt Haushalt'],
    ['Most read', 'Quiz: how well do you know the river towns?', 'Night trains return to the coast', 'Five cafés worth the detour'],
    ['You may also like', 'Celebrities who lost everything', 'This one trick lowers your bills'],
    ['Recommended for you', 'Inside the new library', 'Weekend weather: rain later'],
    ['More from Local news'],
  ]),
  live: () => pick([
    ['LIVE', 'Last updated 14:32 GMT'],
    ['Live updates', 'Key events', 'Show key events only'],
    ['Please turn on JavaScript. Our live coverage updates automatically.'],
    ['Live', 'Updated 3 minutes ago'],
    ['EN DIRECTO', 'Última actualización: 09:15'],
    ['Liveticker', 'Aktualisiert: 11:02 Uhr'],
    ['Refresh the page for the latest updates'],
  ]),
  promo: (_story, outlet) => pick([
    ['Sign up for our morning newsletter and get the day\'s top stories delivered to your inbox.'],
    [`Subscribe to ${outlet} for just $1 a week`],
    ['Download our app for breaking news alerts'],
    ['Get the latest headlines delivered straight to your inbox'],
    ['Suscríbete a nuestro boletín'],
    ['Jetzt abonnieren und weiterlesen'],
    [`${outlet} is funded by its readers. If you value our work, please consider supporting us today.`, 'Support us'],
    ['Advertisement'],
    ['Story continues below advertisement'],
    ['Enter your email address to receive our weekly newsletter'],
    ['Follow us on Instagram and TikTok for more'],
    ['Already a subscriber? Log in'],
  ]),
  comments: () => {
    const lines = [pick(['12 Comments', 'Leave a Reply', '3 thoughts on this story', 'Comments (7)', 'Join the discussion', 'Comentarios', 'Kommentare'])];
    const n = 1 + Math.floor(random() * 3);
    for (let i = 0; i < n; i++) {
      lines.push(pick([`${pick(COMMENTERS)} says:`, `${pick(COMMENTERS)} on March ${3 + i}, 2024 at 5:1${i} pm`, `${pick(COMMENTERS)} wrote:`]));
      lines.push(
        pick([
          'Totally agree, this has been a disaster for years.',
          'Who is going to pay for all this? Us, as usual.',
          'I make $95 an hour working from home, check it out at www.easycash.example',
          'Great article! Visit my page for cheap watches.',
          'Nobody asked the people who actually live here.',
          'Muy buena noticia, ya era hora.',
          'Endlich! Das hat viel zu lange gedauert.',
        ]),
      );
      if (chance(0.6)) lines.push(pick(['Reply', 'Report', '4 likes', 'Reply ↓']));
    }
    return lines;
  },
  byline: () => pick([[`By ${pick(REPORTERS)}`], [`By ${pick(REPORTERS)} and ${pick(REPORTERS)}`], [`Reporting by ${pick(REPORTERS)} in Carrow`], [`By ${pick(REPORTERS)}, ${pick(AGENCIES)}`]]),
  stamp: () => pick([['Published: 12 June 2024'], ['Posted on June 11, 2024 by admin'], ['Updated 11 June 2024, 16:40'], ['5 min read'], ['Reading time: 3 minutes']]),
  nav: () => pick([['Skip to main content'], ['Home › News › Local'], ['Menu', 'Search'], ['Back to top'], ['Previous article', 'Next article']]),
};

const HEAD_KINDS = ['nav', 'live', 'byline', 'stamp', 'share', 'caption'];
const MIDDLE_KINDS = ['caption', 'promo', 'related', 'share'];
const TAIL_KINDS = ['share', 'author', 'related', 'promo', 'comments'];

function junkParagraphs(kind: string, story: Story, outlet: string): LabelledLine[][] {
  const lines = JUNK[kind]!(story, outlet);
  const labelled = lines.map((text): LabelledLine => ({ text, label: 'junk', kind }));
  // Scrapers keep some blocks as one paragraph of lines and split others.
  return chance(0.5) ? [labelled] : labelled.map((line) => [line]);
}

function bodyParagraphs(story: Story): LabelledLine[][] {
  const count = Math.max(3, Math.round(story.body.length * (0.6 + random() * 0.4)));
  return story.body.slice(0, count).map((p) => (typeof p === 'string' ? [p] : p).map((text): LabelledLine => ({ text, label: 'body' })));
}

function buildDocument(index: number): ScrapedDocument {
  const story = STORIES[index % STORIES.length]!;
  const outlet = pick(OUTLETS);
  const paragraphs: LabelledLine[][] = [];
  if (chance(0.7)) paragraphs.push([{ text: story.title, label: 'title' }]);
  for (const kind of sample(HEAD_KINDS, Math.floor(random() * 3))) paragraphs.push(...junkParagraphs(kind, story, outlet));
  const body = bodyParagraphs(story);
  const middle = sample(MIDDLE_KINDS, Math.floor(random() * 3));
  body.forEach((p, i) => {
    paragraphs.push(p);
    if (i > 0 && i < body.length - 1 && middle.length > 0 && chance(0.5)) paragraphs.push(...junkParagraphs(middle.shift()!, story, outlet));
  });
  for (const kind of sample(TAIL_KINDS, 1 + Math.floor(random() * 3)).sort((a, b) => (a === 'comments' ? 1 : b === 'comments' ? -1 : 0))) paragraphs.push(...junkParagraphs(kind, story, outlet));
  return { id: `scraped-${String(index + 1).padStart(3, '0')}`, split: index % 3 === 2 ? 'held-out' : 'tune', paragraphs };
}

/** The text a scraper would have saved: lines of a paragraph on their own lines, a blank line between paragraphs. */
export function documentText(doc: ScrapedDocument): string {
  return doc.paragraphs.map((p) => p.map((line) => line.text).join('\n')).join('\n\n');
}

if (process.argv[1]?.endsWith('build-documents.ts')) {
  const documents = Array.from({ length: 66 }, (_, i) => buildDocument(i));
  writeFileSync(new URL('./documents.jsonl', import.meta.url), documents.map((d) => JSON.stringify(d)).join('\n') + '\n');
}
