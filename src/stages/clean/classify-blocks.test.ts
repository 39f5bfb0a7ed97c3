import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyBlocks, parseBylineLine } from './classify-blocks.js';

const prose = 'The harbor master said the ferry would run again on Friday once the swell had eased, and that no cargo had been lost.';

test('removes share prompts, photo credits and caption codes line by line', () => {
  const blocks = ['Share:', prose, 'Facebook | Twitter | Email', 'LUCA FENN/CALDER WIRE', 'Photo: Ana Ruiz/Venn Valley Press', 'IMG_0042.jpg', '3 of 12', prose];
  assert.deepEqual(classifyBlocks(blocks), ['share-widget', null, 'share-widget', 'photo-credit', 'photo-credit', 'caption', 'caption', null]);
});

test('a comments header late in the text drops everything after it', () => {
  const blocks = [prose, prose, prose, '4 Comments', 'Gus Farrow says:', 'Totally agree with this.', 'Reply'];
  assert.deepEqual(classifyBlocks(blocks), [null, null, null, 'comments', 'comments', 'comments', 'comments']);
});

test('a comment counter under the headline removes only itself', () => {
  const blocks = ['12 comments', prose, prose, prose, prose];
  assert.deepEqual(classifyBlocks(blocks), ['comments', null, null, null, null]);
});

test('a related header takes the headline list under it, and stops at prose', () => {
  const blocks = [prose, 'Related:', 'Ferry timetable changes for spring', 'Council approves harbor budget', prose];
  assert.deepEqual(classifyBlocks(blocks), [null, 'related-links', 'related-links', 'related-links', null]);
});

test('an author box with address, phone and star rating is removed', () => {
  const blocks = [prose, prose, 'About the author', 'Marcy Dellwood writes about trends.', 'Address: 12 Elm Row', 'Phone: 555 0100', 'Rating: ★★★★☆'];
  assert.deepEqual(classifyBlocks(blocks), [null, null, 'author-box', 'author-box', 'author-box', 'author-box', 'author-box']);
});

test('keeps sentences that merely mention sharing, photos, comments or newsletters', () => {
  const blocks = [
    'Share prices fell by 4 percent on Monday after the announcement.',
    'Pictures of the flooded square were shared widely online.',
    'The minister declined to comment on the report, her office said.',
    'The newsletter was founded in 1990 by two retired teachers.',
    'He said:',
    'Officials urged residents to sign up for emergency text alerts.',
  ];
  assert.deepEqual(classifyBlocks(blocks), blocks.map(() => null));
});

test('reads names from a By-line and refuses lines that are not one', () => {
  assert.deepEqual(parseBylineLine('By Ines Maraval and Teo Brandt'), ['Ines Maraval', 'Teo Brandt']);
  assert.deepEqual(parseBylineLine('By Ana Ruiz, Calder Wire'), ['Ana Ruiz']);
  assert.equal(parseBylineLine('By the time the tide turned, the water had reached the market.'), null);
  assert.equal(parseBylineLine('Bystanders watched from the bridge'), null);
});

test('a share prompt takes the network names listed one per line under it', () => {
  const blocks = ['Share this story', 'Facebook', 'X', 'WhatsApp', 'Email', prose, prose];
  assert.deepEqual(classifyBlocks(blocks), ['share-widget', 'share-widget', 'share-widget', 'share-widget', 'share-widget', null, null]);
});

test('a lone network name with no share prompt above it stays', () => {
  const blocks = [prose, 'Email', prose];
  assert.deepEqual(classifyBlocks(blocks, { trimEdges: false }), [null, null, null]);
});

test('a caption closed by a photo agency asset code goes, code and all', () => {
  const blocks = [prose, 'Fishing boats wait out the swell at the north jetty. QW-1108-JTY-04', 'RT-22-0915-A', prose];
  assert.deepEqual(classifyBlocks(blocks), [null, 'caption', 'caption', null]);
});

test('model numbers, years and ranges ending a sentence are no caption code', () => {
  const blocks = [
    'The airline grounded its two remaining KT-400 jets.',
    'Services resumed on the Lindale-Crossway-Marsh line',
    'Officials cited the 2019-2020 season as the worst on record.',
    'The agency filed it as case 2024-117',
  ];
  assert.deepEqual(classifyBlocks(blocks, { trimEdges: false }), blocks.map(() => null));
});

test('a reader-funding appeal and its button are removed', () => {
  const blocks = [prose, prose, 'The Valley Lantern is funded by its readers. If you value our work, please consider supporting us today.', 'Support the Lantern'];
  assert.deepEqual(classifyBlocks(blocks), [null, null, 'donation-ask', 'donation-ask']);
});

test('sentences about funding, support and donations are kept', () => {
  const blocks = [
    'The shelter is funded by the county and two private foundations.',
    'Support for the measure fell to 41 percent in the latest poll.',
    'The council will consider a donation of land from the Harrow family next month.',
    'Donations poured in after the fire, the pastor said.',
    '"Please consider donating blood this week," the hospital said in a statement.',
  ];
  assert.deepEqual(classifyBlocks(blocks, { trimEdges: false }), blocks.map(() => null));
});

test('a content farm sign-off asking readers to share is removed; reporting on sharing is kept', () => {
  const blocks = [prose, prose, 'We hope you enjoyed this post. Please share it with your friends and family!', 'Please share this with your friends'];
  assert.deepEqual(classifyBlocks(blocks), [null, null, 'share-widget', 'share-widget']);
  const kept = ['Police asked residents to share doorbell footage with investigators.', 'I hope you like the new bridge, the mayor told the crowd.'];
  assert.deepEqual(classifyBlocks(kept, { trimEdges: false }), [null, null]);
});

test('a related list keeps taking headlines that end in a question mark', () => {
  const blocks = [prose, 'Most read', 'Quiz: how well do you know the river towns?', 'Night trains return to the coast', prose];
  assert.deepEqual(classifyBlocks(blocks), [null, 'related-links', 'related-links', 'related-links', null]);
});

test('a byline may name where the reporter filed from', () => {
  assert.deepEqual(parseBylineLine('Reporting by Tomas Ilves in Varna Bay'), ['Tomas Ilves']);
  assert.deepEqual(parseBylineLine('By Ruth Adair and Sam Kell in Lowmoor'), ['Ruth Adair', 'Sam Kell']);
  assert.equal(parseBylineLine('By noon, crews in Lowmoor had cleared the road.'), null);
});

test('share, related, comments and subscription lines in other languages are removed', () => {
  const blocks = [prose, 'Compartir en Facebook', 'Teilen: Facebook | X | E-Mail', 'Share on Facebook Share on X Share via Email', 'Crédit photo : Norde Foto', prose, 'Jetzt abonnieren und weiterlesen', 'Mehr zum Thema', 'Kreistag beschließt Haushalt'];
  assert.deepEqual(classifyBlocks(blocks), [null, 'share-widget', 'share-widget', 'share-widget', 'photo-credit', null, 'newsletter-promo', 'related-links', 'related-links']);
  assert.deepEqual(classifyBlocks([prose, prose, prose, 'Kommentare', 'Endlich!'], { trimEdges: false }), [null, null, null, 'comments', 'comments']);
});

test('app, social and reporter-contact promos are removed', () => {
  const blocks = [prose, 'Follow us on Instagram and TikTok for more', 'Download our app for breaking news alerts', 'Subscribe to the Orrin Gazette for just $1 a week', 'Lena Dorsey is a reporter at the Orrin Gazette. Contact: newsdesk@orrin.example', 'Please turn on JavaScript. Our live coverage updates automatically.'];
  assert.deepEqual(classifyBlocks(blocks), [null, 'newsletter-promo', 'newsletter-promo', 'newsletter-promo', 'author-box', 'navigation']);
});

test('sentences about apps, followers, subscribers and reporters are kept', () => {
  const blocks = [
    'Follow us on the map as the route winds north.',
    'The council said residents could download the app to report potholes.',
    'Subscribers to the water scheme pay 12 dollars a month.',
    'Lena Dorsey is a reporter at the Orrin Gazette and covered the trial for two years.',
    '"She is a reporter at heart, contact with people is everything," her editor said.',
    'Sharing the cost of the bridge was the main issue at the meeting.',
  ];
  assert.deepEqual(classifyBlocks(blocks, { trimEdges: false }), blocks.map(() => null));
});
