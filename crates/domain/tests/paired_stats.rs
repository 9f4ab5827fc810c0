//! The paired figures against scipy's (`fixtures/paired_stats.py` made
//! `fixtures/paired_stats.json`): means, SDs, the mean change's 95% CI, the paired t-test,
//! Cohen's dz and the Wilcoxon signed-rank test, exact and approximate.

use peergroup_domain::instruments::Direction;
use peergroup_domain::paired::{WilcoxonMethod, paired_change};
use serde_json::Value;

const FIXTURE: &str = include_str!("fixtures/paired_stats.json");

fn close(name: &str, what: &str, ours: f64, scipy: &Value, tolerance: f64) {
    let theirs = scipy[what].as_f64().unwrap();
    let scale = theirs.abs().max(1.0);
    assert!(
        (ours - theirs).abs() <= tolerance * scale,
        "{name}/{what}: {ours} against scipy's {theirs}"
    );
}

#[test]
fn every_figure_agrees_with_scipy() {
    let fixture: Value = serde_json::from_str(FIXTURE).unwrap();
    let sets = fixture["sets"].as_object().unwrap();
    assert_eq!(sets.len(), 4);
    for (name, s) in sets {
        let values = |key: &str| -> Vec<f64> {
            s[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_f64().unwrap())
                .collect()
        };
        let pairs: Vec<(f64, f64)> = values("before").into_iter().zip(values("after")).collect();
        let c = paired_change(&pairs, Direction::HigherIsBetter, None).unwrap();
        // Exact methods: to 1e-9 (relative, or absolute below 1).
        close(name, "mean_before", c.before.mean, s, 1e-9);
        close(name, "sd_before", c.before.sd.unwrap(), s, 1e-9);
        close(name, "mean_after", c.after.mean, s, 1e-9);
        close(name, "sd_after", c.after.sd.unwrap(), s, 1e-9);
        close(name, "mean_change", c.change.mean, s, 1e-9);
        close(name, "sd_change", c.change.sd.unwrap(), s, 1e-9);
        let t = c.t_test.as_ref().unwrap();
        close(name, "t", t.t, s, 1e-9);
        close(name, "df", t.df, s, 1e-9);
        close(name, "dz", t.dz, s, 1e-9);
        close(name, "p", t.p, s, 1e-9);
        close(name, "ci_low", t.ci_low, s, 1e-9);
        close(name, "ci_high", t.ci_high, s, 1e-9);
        let w = c.wilcoxon.as_ref().unwrap();
        close(name, "wilcoxon_statistic", w.statistic, s, 1e-9);
        close(name, "wilcoxon_p", w.p, s, 1e-9);
        // Exact up to 50 changed pairs, ties or not (scipy's "auto").
        let exact = name != "hba1c_sixty";
        assert_eq!(w.method == WilcoxonMethod::Exact, exact, "{name}");
    }
}

#[test]
fn paloma_ten_pairs_and_the_share_improved() {
    let fixture: Value = serde_json::from_str(FIXTURE).unwrap();
    let s = &fixture["sets"]["paloma_ptgi"];
    let values = |key: &str| -> Vec<f64> {
        s[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_f64().unwrap())
            .collect()
    };
    let pairs: Vec<(f64, f64)> = values("before").into_iter().zip(values("after")).collect();
    // A gain of at least 10 points: 51-38, 71-60, 45-33, 61-50 (13, 11, 12, 11).
    let c = paired_change(&pairs, Direction::HigherIsBetter, Some(10.0)).unwrap();
    assert_eq!((c.n, c.improved), (10, Some(4)));
    let lower = paired_change(&pairs, Direction::LowerIsBetter, Some(10.0)).unwrap();
    assert_eq!(
        lower.improved,
        Some(0),
        "a rise is no improvement on a lower-is-better scale"
    );
}
