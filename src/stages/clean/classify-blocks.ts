import type { RemovalReason } from './article-extraction.js';

/** A block is a paragraph, heading, list item or line of the article. */
export type BlockVerdict = RemovalReason | 'byline' | null;

// Each rule names one kind of boilerplate that shows up as a line of its own in
// scraped text and in extracted HTML alike. Rules test whole (trimmed) blocks,
// so a sentence that merely mentions "share" or "comments" is never touched.
interface LineRule {
  readonly reason: RemovalReason;
  readonly test: RegExp;
}

const SOCIAL = String.raw`(?:share|tweet|e-?mail|print|facebook|twitter|x|linkedin|whatsapp|pinterest|reddit|telegram|flipboard|copy link|copy|save|comment|messenger)`;

const LINE_RULES: readonly LineRule[] = [
  { reason: 'share-widget', test: new RegExp(String.raw`^(?:share(?: this(?: article| story| post| page)?)?(?: on)?|follow us)\s*[:|]?(?:\s*${SOCIAL}\s*[|·•,]?)*$`, 'i') },
  { reason: 'share-widget', test: new RegExp(String.raw`^(?:${SOCIAL}\s*[|·•,]?\s*){2,}$`, 'i') },
  { reason: 'share-widget', test: /^(?:share|tweet|pin it|email this|print this(?: article)?|copy link|teilen|compartir|partager|condividi)\s*$/i },
  // Share buttons as scrapers flatten them, in the languages of the pages we
  // see: "Share on Facebook Share on X", "Compartir en WhatsApp", "Teilen: Facebook | X".
  { reason: 'share-widget', test: new RegExp(String.raw`^(?:(?:share|teilen|compartir|partager|condividi)(?:\s+(?:on|via|en|por|sur|par|auf|per|su))?\s*[:|]?\s*${SOCIAL}(?:\s*[|·•,]?\s*${SOCIAL})*\s*[|·•,]?\s*)+$`, 'i') },
  { reason: 'photo-credit', test: /^[([]?(?:photo(?:graph)?s?|images?|pictures?|credits?|photo credit|illustration|fotos?|bild|crédit photo|crédito(?: de la)? foto|fotografía)(?:\s*[:\-–—]|\s+by\b|\s+courtesy\b)\s*[^\s.][^.]{0,80}[)\]]?$/i },
  // "JANE DOE/AGENCY", "Jane Doe/Kestrel Wire", "(AP Photo/Jane Doe)".
  { reason: 'photo-credit', test: /^[([]?(?:[\p{Lu}][\p{L}.'’-]*\s){0,4}[\p{Lu}][\p{L}.'’-]*\s?\/\s?(?:[\p{Lu}][\p{L}&.'’-]*\s?){1,5}[)\]]?$/u },
  { reason: 'photo-credit', test: /^(?:getty images|shutterstock|istock(?:photo)?|ap photo|reuters|afp|epa|file photo)(?:\s*(?:\/|via)\s*.{1,60})?$/i },
  { reason: 'caption', test: /^(?:caption|image caption|file photo|pictured|above|top|left|right)\s*:\s*.{0,300}$/i },
  // Gallery counters and image file names left over from slideshows.
  { reason: 'caption', test: /^[([]?\d{1,3}\s*(?:\/|of)\s*\d{1,3}[)\]]?$/i },
  { reason: 'caption', test: /^\S+\.(?:jpe?g|png|gif|webp|avif)$/i },
  { reason: 'related-links', test: /^(?:related(?: articles| stories| coverage| content| posts| news| reading)?|top (?:articles|stories)|read (?:more|also|next)|also read|see also|more (?:from|on|stories|news)\b.{0,40}|recommended(?: for you| stories| reading)?|you (?:may|might) also like|trending(?: now)?|most (?:read|popular|viewed)|popular (?:stories|posts)|don'?t miss|editor'?s picks?|further reading|lee también|lea también|ver también|mehr zum thema|auch interessant|das könnte sie auch interessieren|lire aussi|à lire aussi|leggi anche)(?:\s*(?:[:»›>|]|\.{3}|…)\s*.{0,160})?$/i },
  { reason: 'newsletter-promo', test: /^.{0,80}\b(?:sign up|subscribe|register)\b.{0,60}\b(?:newsletters?|inbox|e-?mail updates|daily briefing)\b.{0,80}$/i },
  { reason: 'newsletter-promo', test: /^.{0,80}\b(?:delivered (?:straight )?to your inbox|enter your e-?mail|your e-?mail address|by signing up)\b.{0,120}$/i },
  { reason: 'newsletter-promo', test: /^.{0,40}\bnewsletter\s*[:!]?$/i },
  { reason: 'navigation', test: /^(?:skip to (?:main )?content|back to top|home\s*[›>»/|].*|menu|search|log ?in|sign in|subscribe|close)$/i },
  { reason: 'advertisement', test: /^(?:advertisement|sponsored(?: content)?|ad|story continues (?:below|after) (?:this )?advertisement|continue reading (?:below|the main story))$/i },
  { reason: 'author-box', test: /^(?:address|phone|tel|telephone|fax|mobile|email|e-mail|website|rating|reviews?)\s*:\s*.{1,200}$/i },
  { reason: 'author-box', test: /[★☆✩✪⭐]{2,}/u },
  { reason: 'author-box', test: /^\d(?:\.\d)?\s*(?:\/\s*5|out of 5)(?:\s*stars?)?\b/i },
  { reason: 'navigation', test: /^\d+\s+min(?:ute)?s?\s+read$/i },
  { reason: 'navigation', test: /^(?:previous|next|prev)(?:\s+(?:previous|next|article|story|post))*$/i },
  { reason: 'newsletter-promo', test: /^(?:to read the full (?:story|article)|subscribe(?: now)?(?: (?:or )?(?:sign|log) in)?|already a subscriber\?.{0,80}|subscribers only)$/i },
  // A photo agency's asset code closing a caption: "Crowds at the quay. AB-0412-QUAY-03".
  { reason: 'caption', test: /^(?:.{0,300}[.!?)"”’]\s+)?(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9]{1,8}(?:-[A-Z0-9]{1,8}){2,}$/ },
  { reason: 'donation-ask', test: /^.{0,120}\b(?:is|are) (?:funded|supported|paid for) by (?:its |our )?readers\b.{0,240}$/i },
  // Not inside quotes: "Please consider donating blood," the hospital said.
  { reason: 'donation-ask', test: /^(?!.*["“”]).{0,160}\b(?:please consider (?:supporting|donating|making a (?:donation|contribution)|a (?:donation|contribution|gift))|consider supporting (?:us|our))\b.{0,160}$/i },
  // The button under the appeal: "Support the Lantern", "Donate now".
  { reason: 'donation-ask', test: /^(?:[Ss]upport|[Dd]onate(?: to)?|[Cc]ontribute(?: to)?)(?: us| now| today| our (?:journalism|work|reporting)| the \p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*)?)?\s*[!.→›»]?$/u },
  // A content farm's sign-off: "Hope you like this article. Please share it with your friends!"
  { reason: 'share-widget', test: /^(?:(?:i|we) )?hope you (?:like|liked|enjoy|enjoyed|found) (?:this|the|our) (?:article|post|story|information)\b.{0,200}$/i },
  { reason: 'share-widget', test: /^please share (?:it|this)(?: (?:article|post|story|news))? with (?:your )?(?:friends|family)\b.{0,100}$/i },
  { reason: 'newsletter-promo', test: new RegExp(String.raw`^follow us on (?:${SOCIAL}|instagram|tiktok|youtube|threads|bluesky)(?:(?:,|\s+and|\s*&)?\s+(?:${SOCIAL}|instagram|tiktok|youtube|threads|bluesky))*(?:\s+for (?:more|the latest).{0,40})?[.!]?$`, 'i') },
  { reason: 'newsletter-promo', test: /^(?:download|get|install) (?:our|the) (?:\p{L}+ )?app\b.{0,80}$/iu },
  { reason: 'newsletter-promo', test: /^subscribe to .{1,60} for (?:just |only )?\S{1,8} (?:a|per) (?:week|month|year)\b.{0,40}$/i },
  // The same prompts in the other languages of our corpora.
  { reason: 'newsletter-promo', test: /^(?:suscríbete|suscribite|jetzt abonnieren|abonnez-vous|iscriviti|abonneer)\b.{0,80}$/iu },
  // A reporter blurb with contact details: "Ana Ruiz is a reporter at the Courier. Contact: …".
  { reason: 'author-box', test: /^(?!.*["“”]).{0,80}\bis an? (?:\p{L}+ )?(?:reporter|writer|correspondent|editor|journalist)\b.{0,120}(?:\bcontact\b|@).{0,80}$/iu },
  // A live page's notice that its updates need scripts.
  { reason: 'navigation', test: /^please (?:turn on|enable) javascript\b.{0,120}$/i },
  // "Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM", "Published: 13 February 2024".
  { reason: 'page-furniture', test: /^(?:last )?(?:updated|posted|published|modified|created)\b[\s:]*(?=.*\d).{0,100}$/i },
];

// "Leave a Reply", "12 responses to …", "3 Comments", "Join the discussion".
const COMMENTS_START =
  /^(?:leave a (?:reply|comment)|post a comment|add (?:a|your) comment|join the (?:discussion|conversation)|(?:\d+|no|one)\s+(?:comments?|responses?|replies|thoughts?)(?:\s+(?:to|on)\b.{0,200})?|comments?(?:\s*\(\d+\))?|(?:comentarios|kommentare|commentaires|commenti)(?:\s*\(\d+\))?|discussion|reader comments|what do you think\??|show comments|view comments|load comments)\s*[:.]?$/i;

// One comment's header: "Mara Quell says:", "Tobin R. on March 3, 2024 at 5:12 pm", "Reply".
const COMMENT_SIGNATURE =
  /^(?:(?!(?:he|she|they|it|we|i|you|who)\s)[\p{L}][\p{L}\d.'’_ -]{0,40}\s(?:says|wrote):?|reply|report(?: comment| abuse)?|(?:.{1,60}\s)?(?:on\s)?[\p{L}]+\.?\s\d{1,2},?\s\d{4}\s(?:at|@)\s\d{1,2}:\d{2}\s?(?:am|pm)?|\d+\s(?:likes?|upvotes?))$/iu;

const AUTHOR_BOX_START = /^(?:about the (?:author|writer)|author bio|about me|written by)\s*[:.]?(?:\s+.{0,160})?$/i;

// The names may be followed by where they filed from ("in Kyiv") or an affiliation ("- Calder Wire").
const BYLINE = /^(?:[Bb]y|BY|[Ww]ritten by|[Ww]ords by|[Rr]eporting by)\s+(\p{Lu}[\p{L}.'’-]*(?:[\s,]+(?:and\s+)?\p{Lu}[\p{L}.'’-]*){0,7})(?:\s+in\s+\p{Lu}[\p{L}.'’ -]{0,40})?(?:\s*[,|–—-]\s*.{1,60})?$/u;

/** "By Ana Ruiz and Tomas Vell" → the names; null when the block is no byline. */
export function parseBylineLine(block: string): string[] | null {
  const m = BYLINE.exec(block.trim());
  if (!m) return null;
  const names = m[1]!.split(/\s*(?:,|\band\b)\s*/).map((name) => name.trim());
  // "By Ana Ruiz, Calder Wire": without an "and", what follows a comma is an affiliation.
  if (!/\band\b/.test(m[1]!) && names.length > 1) names.length = 1;
  return names.filter((name) => name.split(/\s+/).length >= 2);
}

export function isCommentSignature(block: string): boolean {
  return COMMENT_SIGNATURE.test(block.trim());
}

export interface ClassifyOptions {
  /** Share of the text (by characters) after which a comments header ends the article. */
  readonly commentsTailFrom?: number;
  /** Blocks at most this long may be judged by the line rules. */
  readonly maxJunkChars?: number;
  /** Drop non-sentences before the first paragraph of prose. */
  readonly trimEdges?: boolean;
}

/**
 * One verdict per block: null to keep it, else why it goes. A comments header
 * (or the first comment signature) late in the text drops everything after it:
 * comments are always the tail of a scraped article. Headers of related-link
 * lists and author boxes drop the short lines that follow them.
 */
export function classifyBlocks(blocks: readonly string[], { commentsTailFrom = 0.3, maxJunkChars = 400, trimEdges = true }: ClassifyOptions = {}): BlockVerdict[] {
  const verdicts: BlockVerdict[] = blocks.map(() => null);
  const total = blocks.reduce((sum, b) => sum + b.length, 0) || 1;
  let seen = 0;
  let section: Section | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!.trim();
    const position = seen / total;
    seen += blocks[i]!.length;
    if (!block) continue;
    const short = block.length <= maxJunkChars;
    if (short && (COMMENTS_START.test(block) || (i > 0 && isCommentSignature(block) && position > 0.5))) {
      if (position >= commentsTailFrom) {
        for (let j = i; j < blocks.length; j++) verdicts[j] = 'comments';
        break;
      }
      // A comment counter under the headline ("12 comments"), not the comments themselves.
      if (COMMENTS_START.test(block) && block.length < 40) verdicts[i] = 'comments';
      continue;
    }
    if (short && AUTHOR_BOX_START.test(block)) {
      verdicts[i] = 'author-box';
      section = 'author-box';
      continue;
    }
    const rule = short ? LINE_RULES.find((r) => r.test.test(block)) : undefined;
    if (rule) {
      verdicts[i] = rule.reason;
      // A bare header ("Related:", "Top Articles") introduces a list of links;
      // a share prompt ("Share this article") the networks, one per line.
      if (rule.reason === 'related-links' && block.length < 40) section = 'related-links';
      else if (rule.reason === 'share-widget') section = 'share-widget';
      continue;
    }
    if (section && isSectionLine(block, section)) {
      verdicts[i] = section;
      continue;
    }
    section = null;
    if (short && i < 6 && parseBylineLine(block)) verdicts[i] = 'byline';
  }
  if (trimEdges) trimFurniture(blocks, verdicts);
  return verdicts;
}

// Before the first paragraph of prose sit kickers, headlines, bylines and
// time stamps, none of which ends a sentence. The same test at the end of an
// article was tried and dropped: tour dates and schedules there are content
// (extraction bench recall 0.987 -> 0.967).
function isProse(block: string): boolean {
  // CJK text packs a sentence into few characters, and ends it with its own stops.
  const cjk = (block.match(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g) ?? []).length;
  return block.length >= 100 || cjk >= 30 || /[.!?…。！？:：]["”’)」』]?$/.test(block);
}

function trimFurniture(blocks: readonly string[], verdicts: BlockVerdict[]): void {
  const head: number[] = [];
  for (let i = 0; i < Math.min(blocks.length, 10); i++) {
    const block = blocks[i]!.trim();
    if (verdicts[i] !== null || !block) continue;
    if (isProse(block)) {
      // Only a head that ends in prose is furniture: a page of short lines (a table, a schedule) is its own content.
      for (const j of head) verdicts[j] = 'page-furniture';
      break;
    }
    head.push(i);
  }
}

type Section = 'related-links' | 'author-box' | 'share-widget';

const ONE_NETWORK = new RegExp(String.raw`^${SOCIAL}$`, 'i');

// Inside a related-links list the entries are headlines: short and without a
// final full stop (a question mark is a headline's, "Quiz: how well do you
// know …?"). Inside an author box: short bio lines and contact lines. After a
// share prompt: one network name per line ("Facebook", "X", "Email"), which
// alone would be too short to judge.
function isSectionLine(block: string, section: Section): boolean {
  if (section === 'related-links') return block.length <= 140 && !/[.!]["”’)]?$/.test(block);
  if (section === 'share-widget') return ONE_NETWORK.test(block);
  return block.length <= 320;
}
