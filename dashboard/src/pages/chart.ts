// A bar chart of verified results per minute, drawn as SVG.
import { esc } from "../format";

export const CHART_HOURS = 3;

// perMinute counts completion times (ms) into one bucket per minute of the
// last CHART_HOURS hours, oldest first.
export function perMinute(times: number[], now: number): number[] {
  const n = CHART_HOURS * 60;
  const buckets = new Array<number>(n).fill(0);
  for (const t of times) {
    const age = Math.floor((now - t) / 60000);
    if (age >= 0 && age < n) buckets[n - 1 - age]++;
  }
  return buckets;
}

export function chart(buckets: number[]): string {
  const max = Math.max(1, ...buckets);
  const h = 60;
  const bars = buckets.map((v, i) => v === 0 ? "" :
    `<rect x="${i}" y="${(h - (v / max) * h).toFixed(2)}" width="0.8" height="${((v / max) * h).toFixed(2)}"><title>${v} results</title></rect>`).join("");
  const total = buckets.reduce((a, b) => a + b, 0);
  const peak = Math.max(...buckets);
  return `<figure class="chart">
    <svg viewBox="0 0 ${buckets.length} ${h}" preserveAspectRatio="none" role="img"
      aria-label="${esc(total)} verified results in the last ${CHART_HOURS} hours">${bars}</svg>
    <figcaption><span>${CHART_HOURS} h ago</span><span>${esc(total)} results, at most ${esc(peak)} in a minute</span><span>now</span></figcaption>
  </figure>`;
}
