import { CrosscheckError } from '../model/errors.js';
import type { DocLayer } from '../model/doc.js';
import type { CorpusLayer } from '../model/story.js';
import type { DocStage, Stage, StoryStage } from '../model/stage.js';

/** Layers every Doc has before any stage runs. */
const INITIAL_LAYERS: readonly (DocLayer | CorpusLayer)[] = ['raw', 'docs'];

export interface Pipeline {
  readonly docStages: readonly DocStage[];
  readonly storyStages: readonly StoryStage[];
  /** `name@version` of every stage, in order: recorded in outputs. */
  readonly versions: readonly string[];
}

/**
 * Checks that every stage finds the layers it requires, provided by an earlier
 * stage, and that document stages come before story stages. Fails at once with
 * a message naming the stage, the missing layer and which stage provides it.
 */
export function buildPipeline(stages: readonly Stage[]): Pipeline {
  const have = new Set<string>(INITIAL_LAYERS);
  const providers = new Map<string, string>();
  for (const stage of stages) for (const layer of stage.provides) if (!providers.has(layer)) providers.set(layer, stage.name);

  let seenStory = false;
  const names = new Set<string>();
  for (const stage of stages) {
    if (names.has(stage.name)) {
      throw new CrosscheckError('PIPELINE_INVALID', `stage "${stage.name}" is listed twice; list each stage once`);
    }
    names.add(stage.name);
    if (stage.kind === 'story') seenStory = true;
    else if (seenStory) {
      throw new CrosscheckError(
        'PIPELINE_INVALID',
        `document stage "${stage.name}" comes after a story stage; list document stages first`,
      );
    }
    for (const layer of stage.requires) {
      if (have.has(layer)) continue;
      const provider = providers.get(layer);
      const hint = provider
        ? `stage "${provider}" provides it: list it before "${stage.name}"`
        : 'no stage in this pipeline provides it: add one that does';
      throw new CrosscheckError('PIPELINE_INVALID', `stage "${stage.name}" requires layer "${layer}", which is missing; ${hint}`);
    }
    for (const layer of stage.provides) have.add(layer);
  }
  return {
    docStages: stages.filter((s): s is DocStage => s.kind === 'doc'),
    storyStages: stages.filter((s): s is StoryStage => s.kind === 'story'),
    versions: stages.map((s) => `${s.name}@${s.version}`),
  };
}
