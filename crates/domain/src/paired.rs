//! Paired change between two timepoints of one instrument: what a funder asks first ("did
//! it help?"), computed the way a statistician would check it. Means and SDs at each
//! timepoint, the mean change with its 95% confidence interval, a paired t-test with
//! Cohen's dz, the Wilcoxon signed-rank test, and the share improved by the instrument's
//! minimal important difference. Each figure agrees with scipy (see the fixture test).

use crate::instruments::Direction;
use serde::Serialize;
use statrs::distribution::{ContinuousCDF, Normal, StudentsT};
use utoipa::ToSchema;

/// Above this many changed pairs the Wilcoxon test uses the normal approximation (with the
/// correction for ties); up to it, the exact distribution, ties given their mean rank and
/// unchanged pairs left out first. scipy's `method="auto"` does the same.
const EXACT_UP_TO: usize = 50;

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Summary {
    pub mean: f64,
    /// Sample standard deviation (n − 1); none for one value.
    pub sd: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct TTest {
    pub t: f64,
    pub df: f64,
    /// Two-sided.
    pub p: f64,
    /// The mean change's 95% confidence interval.
    pub ci_low: f64,
    pub ci_high: f64,
    /// Cohen's dz: the mean change over the SD of the changes.
    pub dz: f64,
}

string_enum!(
    /// How the Wilcoxon p-value was found.
    WilcoxonMethod {
        /// From the exact distribution of the rank sum (no tie correction).
        Exact => "exact",
        /// From the normal approximation, with the correction for ties.
        Normal => "normal",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Wilcoxon {
    /// The smaller of the positive and negative rank sums.
    pub statistic: f64,
    /// Two-sided.
    pub p: f64,
    pub method: WilcoxonMethod,
    /// Pairs with no change, left out (Wilcoxon's rule).
    pub zeros: usize,
}

/// Change from `before` to `after` over pairs.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct PairedChange {
    pub n: usize,
    pub before: Summary,
    pub after: Summary,
    /// After minus before.
    pub change: Summary,
    /// None with fewer than 2 pairs or no variation in the changes.
    pub t_test: Option<TTest>,
    /// None when every pair is unchanged.
    pub wilcoxon: Option<Wilcoxon>,
    /// Pairs improved by at least the minimal important difference, where there is one.
    pub improved: Option<usize>,
}

fn summary(values: &[f64]) -> Summary {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let sd = (values.len() > 1).then(|| {
        let ss: f64 = values.iter().map(|v| (v - mean).powi(2)).sum();
        (ss / (n - 1.0)).sqrt()
    });
    Summary { mean, sd }
}

fn t_test(change: &Summary, n: usize) -> Option<TTest> {
    let sd = change.sd.filter(|sd| *sd > 0.0)?;
    let df = (n - 1) as f64;
    let se = sd / (n as f64).sqrt();
    let t = change.mean / se;
    let dist = StudentsT::new(0.0, 1.0, df).ok()?;
    let half = dist.inverse_cdf(0.975) * se;
    Some(TTest {
        t,
        df,
        p: (2.0 * dist.sf(t.abs())).min(1.0),
        ci_low: change.mean - half,
        ci_high: change.mean + half,
        dz: change.mean / sd,
    })
}

/// Average ranks of `values` (1-based; ties share their mean rank), and the sizes of the
/// tied groups.
fn ranks(values: &[f64]) -> (Vec<f64>, Vec<usize>) {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|a, b| values[*a].total_cmp(&values[*b]));
    let mut ranks = vec![0.0; values.len()];
    let mut ties = Vec::new();
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && values[order[j + 1]] == values[order[i]] {
            j += 1;
        }
        let rank = (i + j) as f64 / 2.0 + 1.0;
        for k in &order[i..=j] {
            ranks[*k] = rank;
        }
        if j > i {
            ties.push(j - i + 1);
        }
        i = j + 1;
    }
    (ranks, ties)
}

/// P(R ≤ r) for the signed-rank sum of n ranks, from the count of subsets of {1…n} by
/// their sum (a tied, half-integer r counts down to the whole number below).
fn exact_cdf(n: usize, r: f64) -> f64 {
    let max = n * (n + 1) / 2;
    let mut counts = vec![0f64; max + 1];
    counts[0] = 1.0;
    for k in 1..=n {
        for s in (k..=max).rev() {
            counts[s] += counts[s - k];
        }
    }
    let upto = r.floor() as usize;
    let below: f64 = counts.iter().take(upto.min(max) + 1).sum();
    below / 2f64.powi(n as i32)
}

fn wilcoxon(changes: &[f64]) -> Option<Wilcoxon> {
    let nonzero: Vec<f64> = changes.iter().copied().filter(|d| *d != 0.0).collect();
    let zeros = changes.len() - nonzero.len();
    let n = nonzero.len();
    if n == 0 {
        return None;
    }
    let magnitudes: Vec<f64> = nonzero.iter().map(|d| d.abs()).collect();
    let (ranks, ties) = ranks(&magnitudes);
    let plus: f64 = nonzero
        .iter()
        .zip(&ranks)
        .filter(|(d, _)| **d > 0.0)
        .map(|(_, r)| r)
        .sum();
    let total = (n * (n + 1)) as f64 / 2.0;
    let statistic = plus.min(total - plus);
    if n <= EXACT_UP_TO {
        return Some(Wilcoxon {
            statistic,
            p: (2.0 * exact_cdf(n, statistic)).min(1.0),
            method: WilcoxonMethod::Exact,
            zeros,
        });
    }
    let n_f = n as f64;
    let mean = n_f * (n_f + 1.0) / 4.0;
    let tie_term: f64 = ties.iter().map(|t| (t * t * t - t) as f64).sum::<f64>() / 48.0;
    let se = (n_f * (n_f + 1.0) * (2.0 * n_f + 1.0) / 24.0 - tie_term).sqrt();
    let p = if se > 0.0 {
        let z = (statistic - mean) / se;
        let normal = Normal::new(0.0, 1.0).ok()?;
        (2.0 * normal.sf(z.abs())).min(1.0)
    } else {
        1.0
    };
    Some(Wilcoxon {
        statistic,
        p,
        method: WilcoxonMethod::Normal,
        zeros,
    })
}

/// The paired change of `pairs` (before, after); `None` with no pair.
pub fn paired_change(
    pairs: &[(f64, f64)],
    direction: Direction,
    mid: Option<f64>,
) -> Option<PairedChange> {
    if pairs.is_empty() {
        return None;
    }
    let before: Vec<f64> = pairs.iter().map(|p| p.0).collect();
    let after: Vec<f64> = pairs.iter().map(|p| p.1).collect();
    let changes: Vec<f64> = pairs.iter().map(|(b, a)| a - b).collect();
    let change = summary(&changes);
    let improved = mid.map(|mid| {
        changes
            .iter()
            .filter(|d| match direction {
                Direction::LowerIsBetter => -**d >= mid,
                Direction::HigherIsBetter => **d >= mid,
            })
            .count()
    });
    Some(PairedChange {
        n: pairs.len(),
        before: summary(&before),
        after: summary(&after),
        t_test: t_test(&change, pairs.len()),
        wilcoxon: wilcoxon(&changes),
        change,
        improved,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_share_their_mean_rank() {
        let (r, ties) = ranks(&[3.0, 1.0, 3.0, 2.0]);
        assert_eq!(r, [3.5, 1.0, 3.5, 2.0]);
        assert_eq!(ties, [2]);
    }

    #[test]
    fn the_exact_distribution_is_symmetric_and_sums_to_one() {
        assert_eq!(exact_cdf(5, 15.0), 1.0);
        // n = 5: sums 0 and 1 come from {} and {1}: 2 of 32.
        assert_eq!(exact_cdf(5, 1.0), 2.0 / 32.0);
    }

    #[test]
    fn no_pairs_or_no_change_give_what_can_be_said() {
        assert_eq!(paired_change(&[], Direction::LowerIsBetter, None), None);
        let same = paired_change(
            &[(3.0, 3.0), (4.0, 4.0)],
            Direction::LowerIsBetter,
            Some(1.0),
        )
        .unwrap();
        assert_eq!((same.t_test.clone(), same.wilcoxon.clone()), (None, None));
        assert_eq!(same.improved, Some(0));
        let one = paired_change(&[(10.0, 4.0)], Direction::LowerIsBetter, Some(5.0)).unwrap();
        assert_eq!((one.n, one.change.sd, one.improved), (1, None, Some(1)));
    }
}
