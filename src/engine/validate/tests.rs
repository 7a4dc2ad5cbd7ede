//! `revalidate_drawn` accepts and refuses exactly as `validate`.

use super::super::presets;
use super::super::uncertainty::{apply, Assumptions, Kind};
use super::*;
use rand::rngs::StdRng;
use rand::SeedableRng;

/// Accepts and refuses as `validate` does, with the same scenario.
fn agrees(base: &ValidScenario, draw: Scenario, params: &Parameters) -> bool {
    let full = draw.clone().validate(params).ok();
    base.revalidate_drawn(draw, params, &base.drawn_fields())
        .ok()
        == full
}

#[test]
fn checking_only_the_drawn_fields_equals_full_validation() {
    let params = Parameters::embedded().unwrap();
    let mut wide = Assumptions::embedded().unwrap();
    for a in &mut wide.0 {
        if a.kind == Kind::Factor {
            (a.low, a.high) = (Decimal::ZERO, Decimal::from(40));
        }
    }
    let mut rng = StdRng::seed_from_u64(7);
    let (mut accepted, mut refused) = (0, 0);
    for id in presets::IDS {
        let base = presets::load(id).unwrap().validate(&params).unwrap();
        for assumptions in [Assumptions::embedded().unwrap(), wide.clone()] {
            for _ in 0..200 {
                let values: Vec<Decimal> = assumptions
                    .0
                    .iter()
                    .map(|a| a.distribution().sample(&mut rng))
                    .collect();
                let draw = apply(base.scenario(), &assumptions, &values);
                assert!(agrees(&base, draw, &params), "{id}: {values:?}");
                accepted += 1;
            }
        }
        // Out of range: each drawn field pushed past its bounds is refused by both.
        let mut bad = base.scenario().clone();
        bad.enrolment.lapse_rate = Decimal::from(5);
        bad.risk.claim_share = Decimal::from(-1);
        let mut out = vec![bad];
        for i in 0..base.scenario().sources.len() {
            let mut bad = base.scenario().clone();
            match &mut bad.sources[i].amount {
                Amount::Rupiah { yearly } => *yearly = Decimal::from(-1),
                Amount::DanaDesa { per_desa, .. } => *per_desa = Decimal::from(-1),
                Amount::BapakAsuh { participation, .. } => *participation = Decimal::TWO,
                Amount::Workers { .. } | Amount::CoFund { .. } => continue,
            }
            out.push(bad);
        }
        for draw in out {
            assert!(draw.clone().validate(&params).is_err(), "{id}");
            assert!(agrees(&base, draw, &params), "{id}");
            refused += 1;
        }
    }
    assert!(accepted >= 2000 && refused >= 6);
}
