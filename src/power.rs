//! The site's power month by month (docs/methodology-power.md): the hourly prices a month of
//! the horizon sees, and what the AI load, which never curtails, pays for them.
//!
//! **Prices.** Under `power.pricing` = `hourly`, month m of the horizon takes the profile's
//! calendar month of the same name (its hours sorted, [`crate::profile::MonthPrices`]). With μ
//! the profile's average (the mean of its twelve monthly means: every month counts as 730.5
//! hours, as everywhere in the model), s = `shapePct` ÷ 100 and e(m) = (1 + escalation)^(m/12),
//! a profile price x becomes
//!
//! base(x) = μ (1 − s) + s x;  price = k e(m) base(x) where base(x) ≥ 0, base(x) where it is < 0
//!
//! — a negative price is a market fact, kept as it is (scaling it would make a higher price
//! level raise the value of running in those hours). k makes the year average the site's power
//! price (`toPriceLevel`: k = (price − N) ÷ P with P and N the averages of base's non-negative
//! and negative parts), or is 1 (`asIs`). The two pieces meet at 0 and both rise with x
//! ([`PriceMap`]), so the month's hours stay in order and every question is one look-up.
//!
//! At s = 1 this is the profile scaled to the price level; at s = 0 every hour costs the level.
//! Each month counts 730.5 hours whatever its hours in the profile: a line running n of the
//! month's N profile hours runs n ÷ N of 730.5 hours and pays 730.5 ÷ N × the sum of those
//! hours' prices. A flat profile at price P is therefore exactly the flat model at P.
//!
//! **Supply.** Under the index the site pays each hour's price for what it draws. Under a
//! fixed-price contract with sell-back (take-or-pay for a volume V), it pays V × 730.5 × the
//! contract price and sells the volume it does not draw at the hour's price: the cost of
//! running an hour is still the hour's price (what the power would have sold for), so the
//! lines run in the same hours as under the index, and the contract adds the fixed
//! V × 730.5 × (contract − month's average). Without sell-back the contract bills what the
//! site draws at its price: every hour costs the contract price.

use std::sync::{Arc, OnceLock};

use crate::calendar::{grow, YearMonth, HOURS_PER_MONTH};
use crate::profile::{MonthPrices, Profile};
use crate::scenario::{FirmSupply, PowerPricing, PowerSupply, PriceProfile, ProfileScaling, Redundancy, Scenario};

/// The built-in years, as `scripts/compact-profiles.mjs` writes them.
const ERCOT_2024: &str = include_str!("profiles/ercot-hb-hubavg-2024.txt");
const ERCOT_2023: &str = include_str!("profiles/ercot-hb-hubavg-2023.txt");
const ERCOT_2021: &str = include_str!("profiles/ercot-hb-hubavg-2021.txt");

/// Reads a built-in profile: comment lines, the year, then a line a month — its hours, then its
/// prices in cents, sorted, as differences from the one before.
fn read_compact(text: &str) -> Profile {
    let mut lines = text.lines().filter(|l| !l.starts_with('#'));
    let year = lines.next().and_then(|l| l.trim().parse().ok()).unwrap_or(0);
    let mut months = Vec::with_capacity(12);
    let mut hourly = Vec::with_capacity(8_784);
    for line in lines.take(12) {
        let mut numbers = line.split(' ').filter_map(|t| t.parse::<i64>().ok());
        let hours = numbers.next().unwrap_or(0) as usize;
        let mut cents = 0i64;
        let prices: Vec<f64> = numbers
            .take(hours)
            .map(|d| {
                cents += d;
                cents as f64 / 100.0
            })
            .collect();
        hourly.extend_from_slice(&prices);
        months.push(MonthPrices::new(&prices));
    }
    Profile { year, months, hourly }
}

/// A built-in year, read once per process.
pub fn builtin(p: PriceProfile) -> Option<Arc<Profile>> {
    static CACHE: [OnceLock<Arc<Profile>>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let (slot, text) = match p {
        PriceProfile::Ercot2024 => (0, ERCOT_2024),
        PriceProfile::Ercot2023 => (1, ERCOT_2023),
        PriceProfile::Ercot2021 => (2, ERCOT_2021),
        PriceProfile::Imported => return None,
    };
    Some(CACHE[slot].get_or_init(|| Arc::new(read_compact(text))).clone())
}

/// An imported year's hours and the profile built from them.
type Built = Option<(Arc<[f64]>, Arc<Profile>)>;

std::thread_local! {
    /// The last imported profile built, so that the analyses' hundreds of re-runs of one
    /// scenario sort its 8,760 hours once.
    static IMPORTED: std::cell::RefCell<Built> = const { std::cell::RefCell::new(None) };
}

/// The profile a scenario uses: a built-in year, or its imported hours (`None` when the
/// imported list is not a whole year, which validation refuses).
pub fn profile_of(s: &Scenario) -> Option<Arc<Profile>> {
    match s.power.profile {
        PriceProfile::Imported => {
            let hours = &s.power.imported_profile;
            IMPORTED.with(|cache| {
                let mut cache = cache.borrow_mut();
                if let Some((key, profile)) = cache.as_mut() {
                    // The same allocation (a clone of the scenario), or the same hours: then
                    // this allocation becomes the key, so that the report's re-runs, which
                    // clone this scenario, find it by pointer rather than 8,760 comparisons.
                    if Arc::ptr_eq(key, hours) {
                        return Some(profile.clone());
                    }
                    if key[..] == hours[..] {
                        *key = hours.clone();
                        return Some(profile.clone());
                    }
                }
                let profile = Arc::new(Profile::from_hours(hours)?);
                *cache = Some((hours.clone(), profile.clone()));
                Some(profile)
            })
        }
        builtin_year => builtin(builtin_year),
    }
}

/// How a profile's price x becomes the site's in one month: in two pieces split at `split`
/// (profile units). Below it the hour is a negative price kept as it is (`low_a + low_c x`);
/// from it, `a + c x`. Both pieces rise with x and meet at 0, so the hours stay in order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PriceMap {
    pub a: f64,
    pub c: f64,
    pub low_a: f64,
    pub low_c: f64,
    /// −∞ when no hour is negative after the shape.
    pub split: f64,
}

impl PriceMap {
    /// Every hour at `price`.
    pub fn flat(price: f64) -> PriceMap {
        PriceMap::affine(price, 0.0)
    }

    /// The site's price of a profile price `x`.
    #[inline]
    pub fn price_of(&self, x: f64) -> f64 {
        if x < self.split {
            self.low_a + self.low_c * x
        } else {
            self.a + self.c * x
        }
    }

    /// Every hour x at a + c x.
    pub fn affine(a: f64, c: f64) -> PriceMap {
        PriceMap {
            a,
            c,
            low_a: a,
            low_c: c,
            split: f64::NEG_INFINITY,
        }
    }
}

/// One month of the horizon's hourly prices: the profile month's hours mapped by a
/// [`PriceMap`], with the count and profile-price sum of the hours in its lower piece (the
/// same for every month that uses this profile month, so computed once).
#[derive(Debug, Clone, Copy)]
pub struct PricedMonth<'a> {
    pub prices: &'a MonthPrices,
    pub map: PriceMap,
    /// Hours below the map's split and the sum of their profile prices.
    pub low: (usize, f64),
}

impl<'a> PricedMonth<'a> {
    /// A month mapped by `map` (its lower piece counted here: one search).
    pub fn new(prices: &'a MonthPrices, map: PriceMap) -> PricedMonth<'a> {
        let low = if map.split == f64::NEG_INFINITY {
            (0, 0.0)
        } else {
            prices.below(map.split)
        };
        PricedMonth { prices, map, low }
    }

    /// Profile hours in the month (N).
    pub fn hours(&self) -> usize {
        self.prices.hours()
    }

    /// The lower piece's hours and the sum of their (mapped) prices.
    #[inline(always)]
    fn low_sum(&self) -> (usize, f64) {
        let (n, sum) = self.low;
        (n, n as f64 * self.map.low_a + self.map.low_c * sum)
    }

    /// The hours priced below `threshold` and the sum of their prices: one search. The lower
    /// piece's prices are negative and the upper piece's not, so a threshold above 0 takes the
    /// whole lower piece and searches the upper one, and one at or below 0 searches the lower.
    #[inline(always)]
    pub fn below(&self, threshold: f64) -> (usize, f64) {
        let m = &self.map;
        let (n_low, low_sum) = self.low_sum();
        if n_low > 0 && threshold <= 0.0 {
            // ok: a finite split means low_c > 0 (module docs).
            let x = ((threshold - m.low_a) / m.low_c).min(m.split);
            let (n, sum) = self.prices.below(x);
            return (n, n as f64 * m.low_a + m.low_c * sum);
        }
        let x = if m.c > 0.0 {
            (threshold - m.a) / m.c
        } else if m.a < threshold {
            f64::INFINITY
        } else {
            f64::NEG_INFINITY
        };
        let (n, sum) = self.prices.below(x);
        if n <= n_low {
            return (n_low, low_sum);
        }
        let high = (n - n_low) as f64 * m.a + m.c * (sum - self.low.1);
        (n, low_sum + high)
    }

    /// The sum of the prices of the `n` cheapest hours.
    pub fn sum_cheapest(&self, n: usize) -> f64 {
        let (n_low, low_sum) = self.low_sum();
        if n <= n_low {
            let m = &self.map;
            return n as f64 * m.low_a + m.low_c * self.prices.sum_cheapest(n);
        }
        let n = n.min(self.hours());
        low_sum + (n - n_low) as f64 * self.map.a + self.map.c * (self.prices.sum_cheapest(n) - self.low.1)
    }

    /// The month's average price.
    pub fn mean(&self) -> f64 {
        let n = self.hours();
        if n == 0 {
            return 0.0;
        }
        self.sum_cheapest(n) / n as f64
    }

    /// The average of min(price, cap): what a load pays that generates its own power at `cap`
    /// whenever the hour costs more.
    pub fn capped_mean(&self, cap: f64) -> f64 {
        let n_all = self.hours();
        if n_all == 0 {
            return 0.0;
        }
        let (n, sum) = self.below(cap);
        (sum + (n_all - n) as f64 * cap) / n_all as f64
    }
}

/// The site's hourly prices over the horizon (`None` under flat pricing).
#[derive(Debug, Clone)]
pub struct SitePrices {
    profile: Arc<Profile>,
    /// Calendar month (0–11) of month 0.
    first_month: usize,
    /// The shape about the average, in profile units: base(x) = μ (1 − s) + s x.
    base_a: f64,
    base_c: f64,
    /// The level factor k on the hours whose base is 0 or more (see the module docs).
    k: f64,
    /// The profile's average μ (mean of monthly means), USD/MWh.
    pub profile_mean: f64,
    escalation_pct: f64,
    /// Without sell-back, a contract prices every hour at its own price.
    flat_contract: bool,
    /// The profile price below which base(x) is negative (−∞ if none is).
    split: f64,
    /// Per profile month, the hours whose base is negative and their profile-price sum.
    lows: Vec<(usize, f64)>,
}

impl SitePrices {
    pub fn of(s: &Scenario) -> Option<SitePrices> {
        if s.power.pricing != PowerPricing::Hourly {
            return None;
        }
        // A profile is twelve months (every reader builds twelve; anything else is no profile).
        let profile = profile_of(s).filter(|p| p.months.len() == 12)?;
        let profile_mean = profile.monthly_mean();
        let shape = s.power.shape_pct / 100.0;
        let (base_a, base_c) = (profile_mean * (1.0 - shape), shape);
        let split = split_of(base_a, base_c);
        // The means of the base's negative and non-negative parts (monthly means averaged).
        let (mut negative, mut positive) = (0.0, 0.0);
        let mut lows = Vec::with_capacity(profile.months.len());
        for month in &profile.months {
            let hours = month.hours().max(1) as f64;
            let (n, sum) = month.below(split);
            lows.push((n, sum));
            let low = n as f64 * base_a + base_c * sum;
            let all = month.hours() as f64 * base_a + base_c * month.sum_cheapest(month.hours());
            negative += low / hours;
            positive += (all - low) / hours;
        }
        let months = profile.months.len().max(1) as f64;
        let (negative, positive) = (negative / months, positive / months);
        let k = match s.power.scaling {
            // The non-negative hours scaled so that the year averages the site's price.
            ProfileScaling::ToPriceLevel if positive > 0.0 => {
                ((s.site.power_price_usd_per_mwh - negative) / positive).max(0.0)
            }
            _ => 1.0,
        };
        let first_month = YearMonth::parse(&s.start_month).map_or(0, |ym| ym.month.saturating_sub(1) as usize);
        Some(SitePrices {
            profile,
            first_month,
            base_a,
            base_c,
            k,
            profile_mean,
            escalation_pct: s.site.power_price_escalation_pct_per_year,
            flat_contract: s.power.supply == PowerSupply::Ppa && !s.power.ppa_sell_back,
            split,
            lows,
        })
    }

    /// The profile the prices come from.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// The same, shared (what a precomputed analysis keeps).
    pub fn shared_profile(&self) -> Arc<Profile> {
        self.profile.clone()
    }

    /// The escalation factor of month `index`.
    pub fn escalation(&self, index: u32) -> f64 {
        grow(1.0, self.escalation_pct, f64::from(index))
    }

    /// The profile month of month `index` (an index into the profile's months).
    pub fn slot(&self, index: u32) -> usize {
        (self.first_month + index as usize) % 12
    }

    /// The market's prices in month `index`, with the escalation factor `e` of that month
    /// (passed in so that a loop can carry it by multiplication): k e base(x) where base ≥ 0,
    /// base(x) where it is negative.
    pub fn market(&self, index: u32, e: f64) -> PricedMonth<'_> {
        let slot = self.slot(index);
        PricedMonth {
            prices: &self.profile.months[slot],
            map: self.map(e),
            low: self.lows[slot],
        }
    }

    /// How profile prices map to the site's at escalation `e` (the same for every month).
    pub fn map(&self, e: f64) -> PriceMap {
        let ke = self.k * e;
        PriceMap {
            a: ke * self.base_a,
            c: ke * self.base_c,
            low_a: self.base_a,
            low_c: self.base_c,
            split: self.split,
        }
    }

    /// What running costs an hour in month `index`: the market's price, or under a contract
    /// without sell-back the contract's `contract` (escalated) in every hour.
    pub fn marginal(&self, index: u32, e: f64, contract: f64) -> PricedMonth<'_> {
        let market = self.market(index, e);
        if self.flat_contract {
            PricedMonth {
                map: PriceMap::flat(contract),
                low: (0, 0.0),
                ..market
            }
        } else {
            market
        }
    }

    /// The year's average price at escalation `e` (what a firm fixed price is set on).
    pub fn year_mean(&self, e: f64) -> f64 {
        let months = self.profile.months.len().max(1);
        (0..months as u32).map(|i| self.market(i, e).mean()).sum::<f64>() / months as f64
    }
}

/// The profile price below which base(x) = a + c x is negative (−∞ if none is).
fn split_of(a: f64, c: f64) -> f64 {
    if c > 0.0 {
        -a / c
    } else {
        f64::NEG_INFINITY
    }
}

/// The flat model's power price in month 0, USD/MWh: the site's power price, or under a
/// fixed-price contract the contract's (without an hourly market, a contract is its price for
/// what is drawn).
pub fn flat_price_usd_per_mwh(s: &Scenario) -> f64 {
    match s.power.supply {
        PowerSupply::Ppa => s.power.ppa_price_usd_per_mwh,
        PowerSupply::Index => s.site.power_price_usd_per_mwh,
    }
}

/// What the AI load pays a month per MW it draws in every hour, USD, energy and transmission:
/// 730.5 h × its price + 1,000 kW × the transmission charge (less the share on-site generation
/// avoids by running at the peaks). Its price per MWh:
/// - the site's supply: the month's average hourly price (index), or the contract price;
/// - firm supply at a premium: the year's average (k μ escalated; flat: the month's price) or
///   the contract price, plus `firmPremiumUsdPerMwh`;
/// - on-site generation: each hour the lower of the supply's price and the generation's
///   running cost (escalated).
pub fn ai_cost_per_mw_month(s: &Scenario, prices: Option<&SitePrices>, index: u32, e: f64) -> f64 {
    let p = &s.power;
    let contract = (p.supply == PowerSupply::Ppa).then_some(s.power.ppa_price_usd_per_mwh * e);
    let flat = flat_price_usd_per_mwh(s) * e;
    let generation = p.generation_usd_per_mwh * e;
    let price = match (p.ai_supply, prices, contract) {
        (FirmSupply::Grid, _, Some(contract)) => contract,
        (FirmSupply::Grid, Some(h), None) => h.market(index, e).mean(),
        (FirmSupply::Grid, None, None) => flat,
        (FirmSupply::Premium, _, Some(contract)) => contract + p.firm_premium_usd_per_mwh,
        (FirmSupply::Premium, Some(h), None) => h.year_mean(e) + p.firm_premium_usd_per_mwh,
        (FirmSupply::Premium, None, None) => flat + p.firm_premium_usd_per_mwh,
        (FirmSupply::Generation, _, Some(contract)) => contract.min(generation),
        (FirmSupply::Generation, Some(h), None) => h.market(index, e).capped_mean(generation),
        (FirmSupply::Generation, None, None) => flat.min(generation),
    };
    let avoided = if p.ai_supply == FirmSupply::Generation {
        p.transmission_avoided_pct / 100.0
    } else {
        0.0
    };
    HOURS_PER_MONTH * price + 1000.0 * p.transmission_usd_per_kw_month * (1.0 - avoided)
}

/// The uptime a facility of this redundancy is built to, % (Uptime Institute: Tier II 99.741,
/// Tier III 99.982, Tier IV 99.995).
pub fn designed_uptime_pct(r: Redundancy) -> f64 {
    match r {
        Redundancy::N => 99.741,
        Redundancy::NPlus1 => 99.982,
        Redundancy::TwoN => 99.995,
    }
}
