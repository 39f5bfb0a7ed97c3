/**
 * Average-link agglomerative clustering of items 0..n-1 given their pairwise
 * similarity: the two clusters with the highest mean pairwise similarity merge
 * until none reaches `threshold`. Ties go to the lowest indices, so the result
 * depends only on the matrix. O(n³) in the worst case: fine for batches of a
 * few thousand articles.
 */
export function clusterAverageLink(n: number, similarity: (i: number, j: number) => number, threshold: number): number[][] {
  // sums[a * n + b]: the sum of item similarities between clusters a and b.
  const sums = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = similarity(i, j);
      sums[i * n + j] = s;
      sums[j * n + i] = s;
    }
  }
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const active: number[] = Array.from({ length: n }, (_, i) => i);
  for (;;) {
    let best = -Infinity;
    let bestA = -1;
    let bestB = -1;
    for (let x = 0; x < active.length; x++) {
      const a = active[x]!;
      const sizeA = members[a]!.length;
      for (let y = x + 1; y < active.length; y++) {
        const b = active[y]!;
        const mean = sums[a * n + b]! / (sizeA * members[b]!.length);
        if (mean > best) {
          best = mean;
          bestA = a;
          bestB = b;
        }
      }
    }
    if (bestA < 0 || best < threshold) break;
    for (const c of active) {
      if (c === bestA || c === bestB) continue;
      const merged = sums[bestA * n + c]! + sums[bestB * n + c]!;
      sums[bestA * n + c] = merged;
      sums[c * n + bestA] = merged;
    }
    members[bestA] = [...members[bestA]!, ...members[bestB]!].sort((p, q) => p - q);
    active.splice(active.indexOf(bestB), 1);
  }
  return active.map((c) => members[c]!);
}
