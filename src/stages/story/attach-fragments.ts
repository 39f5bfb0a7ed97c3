import { clusterAverageLink } from './cluster-average-link.js';

/**
 * Fragments (clusters of at most `maxSize` items) that average link left
 * apart join the larger cluster they are most like on average, when that mean
 * reaches `threshold`; the rest stay as they are. A report too short or too
 * oddly worded to reach the link threshold with any one story is still far
 * closer to its own story than to any other, and a story of one article is
 * the costliest mistake a reader sees. Means are taken against the larger
 * clusters as they were, so the result does not depend on the order of the
 * fragments; ties go to the first cluster.
 */
export function attachFragments(
  clusters: readonly (readonly number[])[],
  similarity: (i: number, j: number) => number,
  { maxSize, threshold }: { maxSize: number; threshold: number },
): number[][] {
  const large = clusters.filter((c) => c.length > maxSize);
  const grown = large.map((c) => [...c]);
  const kept: number[][] = [];
  for (const fragment of clusters) {
    if (fragment.length > maxSize) continue;
    let best = -1;
    let bestMean = threshold;
    large.forEach((cluster, k) => {
      let sum = 0;
      for (const i of fragment) for (const j of cluster) sum += similarity(i, j);
      const mean = sum / (fragment.length * cluster.length);
      if (mean >= bestMean && (best < 0 || mean > bestMean)) {
        bestMean = mean;
        best = k;
      }
    });
    if (best >= 0) grown[best]!.push(...fragment);
    else kept.push([...fragment]);
  }
  return [...grown.map((c) => c.sort((a, b) => a - b)), ...kept];
}

/**
 * Average link until no two clusters reach `linkThreshold`, then fragments of
 * up to `fragmentSize` items attached from `attachThreshold` (0: none): the
 * clustering of `groupStories` and of the story index's regrouping. The
 * similarity must not depend on the order of its arguments.
 */
export function clusterStories(
  n: number,
  similarity: (i: number, j: number) => number,
  {
    linkThreshold,
    attachThreshold,
    fragmentSize,
  }: { readonly linkThreshold: number; readonly attachThreshold: number; readonly fragmentSize: number },
): number[][] {
  // Similarities are asked again for fragments only, against stories: cheap next to clustering.
  const linked = clusterAverageLink(n, similarity, linkThreshold);
  return attachThreshold > 0
    ? attachFragments(linked, similarity, { maxSize: fragmentSize, threshold: attachThreshold })
    : linked;
}
