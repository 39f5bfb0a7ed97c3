export * from './span.js';
export * from './doc.js';
export * from './message.js';
export * from './story.js';
export * from './errors.js';
export * from './stage.js';
