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
