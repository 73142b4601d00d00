//! Order statistics and the histogram of the simulated NPVs.

pub(super) fn finite_or(value: f64, fallback: f64) -> f64 {
    if value.is_finite() {
        value
    } else {
        fallback
    }
}

/// Percentiles by linear interpolation between order statistics (numpy's default): for
/// p ∈ [0, 1], h = (n − 1) p, value = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎), x sorted. Uses
/// selection, not a sort (O(n) per percentile); reorders `values`. 0 for an empty slice.
pub fn percentiles<const N: usize>(values: &mut [f64], ps: [f64; N]) -> [f64; N] {
    let mut out = [0.0; N];
    let n = values.len();
    if n == 0 {
        return out;
    }
    for (slot, p) in out.iter_mut().zip(ps) {
        let h = (n - 1) as f64 * p.clamp(0.0, 1.0);
        let lo = (h.floor() as usize).min(n - 1);
        let (_, &mut x_lo, right) = values.select_nth_unstable_by(lo, f64::total_cmp);
        let frac = h - lo as f64;
        *slot = if frac > 0.0 {
            let x_hi = right.iter().copied().fold(f64::INFINITY, f64::min);
            x_lo + frac * (x_hi - x_lo)
        } else {
            x_lo
        };
    }
    out
}

/// `bins + 1` evenly spaced edges from `lo` to `hi`; a range of (nearly) zero width, as with
/// zero volatility, is widened to ±0.1 % of the value (at least ±1 USD) so the bars have a
/// width to draw.
pub(super) fn bin_edges(lo: f64, hi: f64, bins: usize) -> Vec<f64> {
    let (mut lo, mut hi) = if lo.is_finite() && hi.is_finite() {
        (lo, hi)
    } else {
        (0.0, 0.0)
    };
    let scale = lo.abs().max(hi.abs());
    if hi - lo <= scale * 1e-9 {
        let pad = (scale * 1e-3).max(1.0);
        lo -= pad;
        hi += pad;
    }
    let width = (hi - lo) / bins as f64;
    let mut edges: Vec<f64> = (0..bins).map(|i| lo + width * i as f64).collect();
    edges.push(hi);
    edges
}

/// Paths per bin, and those below the first edge and above the last: bin i is
/// [edges[i], edges[i+1]), the last bin also takes `hi`.
pub(super) fn histogram_counts(values: &[f64], edges: &[f64]) -> (Vec<u32>, u32, u32) {
    let bins = edges.len().saturating_sub(1);
    let mut counts = vec![0u32; bins];
    let (Some(&lo), Some(&hi)) = (edges.first(), edges.last()) else {
        return (counts, 0, 0);
    };
    if bins == 0 {
        return (counts, 0, 0);
    }
    let (mut below, mut above) = (0, 0);
    let per_usd = bins as f64 / (hi - lo);
    for &v in values {
        if v < lo {
            below += 1;
            continue;
        }
        if v > hi {
            above += 1;
            continue;
        }
        let i = ((v - lo) * per_usd).floor();
        let i = if i.is_finite() && i > 0.0 { i as usize } else { 0 };
        counts[i.min(bins - 1)] += 1;
    }
    (counts, below, above)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_interpolate_like_numpy() {
        // x = 1..=10: h = 9 × 0.1 = 0.9 → 1 + 0.9 × (2 − 1) = 1.9; median h = 4.5 → 5.5;
        // h = 8.1 → 9.1 (numpy.percentile(range(1, 11), [10, 50, 90]) = [1.9, 5.5, 9.1]).
        let mut x: Vec<f64> = (1..=10).rev().map(f64::from).collect();
        let [p10, p50, p90] = percentiles(&mut x, [0.1, 0.5, 0.9]);
        assert!((p10 - 1.9).abs() < 1e-12 && (p50 - 5.5).abs() < 1e-12 && (p90 - 9.1).abs() < 1e-12);
        assert_eq!(percentiles(&mut [], [0.5]), [0.0]);
        assert_eq!(percentiles(&mut [7.0], [0.1, 0.9]), [7.0, 7.0]);
    }

    #[test]
    fn histogram_counts_every_value_once() {
        // Edges 0, 2.5, 5, 7.5, 10: 0 and 2 → bin 0; 2.5 → bin 1; 9.99 and 10 → bin 3.
        let edges = bin_edges(0.0, 10.0, 4);
        assert_eq!(edges, vec![0.0, 2.5, 5.0, 7.5, 10.0]);
        assert_eq!(
            histogram_counts(&[0.0, 2.0, 2.5, 9.99, 10.0], &edges),
            (vec![2, 1, 0, 2], 0, 0)
        );
        // Beyond the edges: −1 below, 10.5 and 11 above.
        assert_eq!(
            histogram_counts(&[-1.0, 5.0, 10.5, 11.0], &edges),
            (vec![0, 0, 1, 0], 1, 2)
        );
        // Zero width: widened by 0.1 % of 1e6 = 1,000 either side.
        let edges = bin_edges(1e6, 1e6, 2);
        assert_eq!(edges, vec![999_000.0, 1e6, 1_001_000.0]);
        assert_eq!(histogram_counts(&[1e6; 3], &edges), (vec![0, 3], 0, 0));
    }
}
