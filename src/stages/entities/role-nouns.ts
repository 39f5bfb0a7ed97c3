import { isTitleWord } from '../story/normalize-name.js';

/**
 * Nouns that name what a person is or does, beyond the title words of
 * normalize-name ("minister", "director"): what an appositive or a
 * description ("the official") must be headed by to be about a person's role.
 */
const ROLE_NOUNS = new Set(
  (
    'official spokesman spokeswoman spokesperson spokesmen executive negotiator mediator diplomat lawyer adviser advisor ' +
    'aide analyst economist expert researcher scientist member owner partner correspondent reporter journalist activist ' +
    'organiser organizer candidate nominee lawmaker legislator politician congressman congresswoman chairperson treasurer ' +
    'trustee administrator coordinator supervisor physician surgeon nurse teacher pilot engineer soldier witness survivor ' +
    'resident farmer fisherman worker employee volunteer co-founder lecturer scholar author writer novelist artist ' +
    'singer actor actress player striker goalkeeper skipper boss clerk auditor consul rabbi imam priest cardinal ' +
    'archbishop pastor sheikh ruler monarch emir sultan delegate mp mep alderman magistrate barrister solicitor counsel ' +
    'defendant suspect plaintiff constable agent operative militant fighter ombudsman curator producer publisher ' +
    'columnist presenter host anchor businessman businesswoman entrepreneur investor banker broker developer designer ' +
    'architect historian strategist pollster consultant contractor operator commentator campaigner democrat republican ' +
    'winner veteran moderator prisoner model surrogate senior confidant confidante native staffer daughter son wife ' +
    'husband mother father sister brother widow widower friend ally rival opponent critic supporter backer donor fan ' +
    'champion finalist holder hopeful loyalist speaker physicist'
  ).split(' '),
);

/** Titles abbreviated before names ("Sen. Okafor", "Gov. Tadesse"), read as the title they stand for. */
const ABBREVIATED_TITLES: Readonly<Record<string, string>> = {
  sen: 'senator',
  gov: 'governor',
  rep: 'representative',
  gen: 'general',
  pres: 'president',
  atty: 'attorney',
  supt: 'superintendent',
  insp: 'inspector',
  det: 'detective',
  sgt: 'sergeant',
  lt: 'lieutenant',
  col: 'colonel',
  capt: 'captain',
  cpt: 'captain',
  maj: 'major',
  adm: 'admiral',
  cmdr: 'commander',
  prof: 'professor',
  dr: 'doctor',
};

/** Words that open what follows the head of a role ("director of ...", "crowd since ..."). */
const AFTER_HEAD = new Set(
  'of at for in on with since from to who which that whose when where after before until and or as by'.split(' '),
);

/** The head noun of a role, lower-case and without a possessive: "chief" in "chief of emergency medicine". */
export function roleHead(role: string): string {
  const words = roleWords(role);
  const cut = words.findIndex((w, i) => i > 0 && AFTER_HEAD.has(w));
  return (cut < 0 ? words : words.slice(0, cut)).at(-1) ?? '';
}

/** Lower-case words of a role, abbreviated titles spelt out and possessives dropped: "Indiana Gov." gives indiana, governor. */
export function roleWords(role: string): string[] {
  return role
    .toLowerCase()
    .split(/[\s,]+/)
    .map((w) => w.replace(/['’]s?$/u, '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w.length > 0)
    .map((w) => ABBREVIATED_TITLES[w] ?? w);
}

/** Whether a noun names a person's role: a title word, a listed role noun, or an agent noun ("-ist", "-man"). */
export function isRoleNoun(word: string): boolean {
  const w = word.toLowerCase();
  if (w.length < 2) return false;
  return isTitleWord(w) || ROLE_NOUNS.has(w) || /(?:ist|ian|[^u]man|woman|person|eer)$/.test(w);
}
