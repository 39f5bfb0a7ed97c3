// Each quality metric: the bench script that produces it and how to read it
// from the script's output (the shared scorers' documented last lines).
export interface Metric {
  readonly name: string;
  readonly script: string;
  /** Arguments that skip work a score does not need (timing passes). */
  readonly args?: readonly string[];
  readonly pattern: RegExp;
  /** What the number means, for the printed table. */
  readonly label: string;
}

export const METRICS: readonly Metric[] = [
  { name: 'extraction.f1', script: 'bench/extraction.ts', args: ['--passes', '1'], pattern: /^extraction F1: ([\d.]+)/m, label: 'article-extraction F1 (181 pages)' },
  { name: 'scraped.heldout_junk_f1', script: 'bench/scraped-text.ts', pattern: /^held-out\s+\d+\s+\d+\s+[\d.]+\s+[\d.]+\s+([\d.]+)/m, label: 'scraped-text junk-line F1, held-out split' },
  { name: 'ner.f1', script: 'bench/ner.ts', pattern: /^ner F1: ([\d.]+)/m, label: 'CoNLL-2003 eng.testa F1' },
  { name: 'quotes.f1', script: 'bench/quotes.ts', pattern: /^quotes F1: ([\d.]+)/m, label: 'PolNeAR dev direct-quote overlap F1' },
  { name: 'quotes.speaker', script: 'bench/quotes.ts', pattern: /^quotes F1: [\d.]+ speaker: ([\d.]+)/m, label: 'PolNeAR dev speaker accuracy' },
  { name: 'quotes.content_recall', script: 'bench/quotes.ts', pattern: /^content recall [^=]*= ([\d.]+)/m, label: 'PolNeAR dev content recall (direct + indirect)' },
  { name: 'timex.value_f1', script: 'bench/dates.ts', pattern: /^timex value F1: ([\d.]+)/m, label: 'TempEval-3 TBAQ value F1' },
  { name: 'timex.relaxed_f1', script: 'bench/dates.ts', pattern: /^timex value F1: [\d.]+ relaxed F1: ([\d.]+)/m, label: 'TempEval-3 TBAQ relaxed F1' },
  { name: 'discrepancies.precision', script: 'bench/discrepancies.ts', pattern: /^discrepancies precision: ([\d.]+)/m, label: 'invented discrepancy set precision (all splits)' },
  { name: 'discrepancies.recall', script: 'bench/discrepancies.ts', pattern: /^discrepancies precision: [\d.]+ recall: ([\d.]+)/m, label: 'invented discrepancy set recall (all splits)' },
  { name: 'stories.b3_f1', script: 'bench/stories.ts', args: ['--no-scale'], pattern: /^stories B3 F1: ([\d.]+)/m, label: 'ECB+ topics 1-35 B3 F1' },
  { name: 'stories.online_b3_f1', script: 'bench/stories.ts', args: ['--no-scale'], pattern: /^story stages with group-stories' online strategy[^:]*: B3 F1 ([\d.]+)/m, label: 'ECB+ topics 1-35 B3 F1, online grouping strategy' },
  { name: 'copies.recall', script: 'bench/copies.ts', pattern: /^copies recall: ([\d.]+)/m, label: 'planted content-farm rewrites of ECB+ reports found as copies' },
  { name: 'figures.heldout_value_p', script: 'bench/figures.ts', pattern: /^heldout:\n(?:.*\n)*?\s+value\s+P\s+([\d.]+)/m, label: 'invented figures set, held-out value precision' },
  { name: 'figures.heldout_value_r', script: 'bench/figures.ts', pattern: /^heldout:\n(?:.*\n)*?\s+value\s+P\s+[\d.]+\s+R\s+([\d.]+)/m, label: 'invented figures set, held-out value recall' },
  { name: 'entities.b3_f1', script: 'bench/entities.ts', pattern: /^entity clusters B3 F1: ([\d.]+)/m, label: 'ECB+ topics 1-35 entity-cluster B3 F1 (participants, lenient, within topics)' },
];
