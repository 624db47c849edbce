/**
 * The host fleet over time, by cohorts: hosts bought in one year serve for their life (the
 * hardware amortization years) and retire together at its end. Each year buys only what the
 * hosts still in service cannot cover, so a growing estate buys for growth, an estate past a
 * cohort's end of life buys replacements, and a shrinking one keeps the hosts it owns (they are
 * paid for) until they retire, then replaces only what it still needs.
 */

/** The fleet in one year of the horizon (counts of hosts). */
export interface FleetYear {
  /** 1 for the first year of the horizon. */
  year: number;
  /** Hosts the year's sizing needs (load hosts and HA spares). */
  needed: number;
  /** Hosts in service this year: those bought in the last `life` years, this year's purchases included. */
  owned: number;
  /** Hosts bought at the start of this year: `boughtForGrowth + boughtAsRefresh`. */
  bought: number;
  /**
   * Hosts bought beyond replacing the ones that retired: the initial fleet in year 1, growth after.
   */
  boughtForGrowth: number;
  /** Hosts bought to replace hosts that reached the end of their life this year. */
  boughtAsRefresh: number;
  /** Hosts that reached the end of their life at the start of this year (bought `life` years before). */
  retired: number;
  /** Hosts owned but not needed this year (`owned - needed`): paid for, not powered or licensed. */
  idle: number;
}

/**
 * Plans purchases for the hosts each year needs, with hosts serving `lifeYears` years.
 *
 * @example
 * planFleet([4, 4, 4, 4, 4, 4, 4], 5).map((y) => y.bought) //=> [4, 0, 0, 0, 0, 4, 0] (the year-1 fleet is replaced in year 6)
 * planFleet([4, 6, 3], 5).map((y) => y.owned)              //=> [4, 6, 6] (hosts bought stay until they retire)
 */
export function planFleet(needed: readonly number[], lifeYears: number): FleetYear[] {
  if (!Number.isInteger(lifeYears) || lifeYears < 1) throw new RangeError(`host life must be a whole number of years >= 1, got ${lifeYears}`);
  const bought: number[] = [];
  return needed.map((need, i) => {
    const year = i + 1;
    const retiredIndex = i - lifeYears;
    const retired = retiredIndex >= 0 ? bought[retiredIndex]! : 0;
    let inService = 0;
    for (let k = Math.max(0, retiredIndex + 1); k < i; k++) inService += bought[k]!;
    const buy = Math.max(0, need - inService);
    bought.push(buy);
    const boughtAsRefresh = Math.min(buy, retired);
    const owned = inService + buy;
    return { year, needed: need, owned, bought: buy, boughtForGrowth: buy - boughtAsRefresh, boughtAsRefresh, retired, idle: owned - need };
  });
}
