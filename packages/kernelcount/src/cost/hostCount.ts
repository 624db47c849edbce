/**
 * The host count a platform is priced at. Packing finds the fewest hosts that hold the load, but a
 * licence priced per host by the guests on it can make more hosts cheaper. Windows Server Standard
 * licenses 2 guests per licensing of a host's cores, and an HA spare is licensed like the busiest
 * host, whose guests it takes on failover: 21 VMs on one load host and its spare need 11 + 11
 * licensings, on two load hosts and a spare 6 + 5 + 6, so the third host costs less than the five
 * licensings it saves whenever a licensing of its cores costs more than a fifth of a host.
 *
 * So for each pool whose licence depends on its guests and could cost less on more hosts
 * (licences.ts `morePays`, a price-free bound; pools of up to 32 load hosts), load hosts are added
 * one at a time, the platform sized and priced again, and the cheapest total kept, the fewest
 * hosts on a tie. The search is exact over host counts, not a guess that stops at the first host
 * that does not pay: it stops once the total without those licences reaches the best total,
 * because that part never falls as hosts are added (hardware, power, space, labour and per-host
 * licences all grow with hosts), so no larger count can cost less. Bounded work: at most
 * `MAX_ADDED_HOSTS` per pool.
 */
import type { CatalogView } from '../catalog/tracker.js';
import { sumMoney, type Money } from '../money.js';
import { sizePlatform, type PlatformSizing } from '../platforms/size.js';
import type { Scenario } from '../scenario/types.js';
import { licenceDrafts, MAX_ADDED_HOSTS, type LicenceDecision, type LicenceDraftOptions } from './licences.js';
import { priceSizing, type LineItem } from './lineItems.js';

export { MAX_ADDED_HOSTS } from './licences.js';

/** Components of the licences that can cost less on more hosts (the rest only grows with hosts). */
const GUEST_PRICED = ['windows-server', 'rhel'];

export interface HostCountChoice<T> {
  /** The sizing priced, with `addedHosts` set per pool. */
  sizing: PlatformSizing;
  priced: T;
  /** The fewest hosts, as packing found them, and their price (the same as `sizing`/`priced` when nothing was added). */
  packed: { sizing: PlatformSizing; priced: T };
}

/**
 * Prices `packed` (the platform at the fewest hosts), then with load hosts added to each pool its
 * pricing names in `morePays` (LicenceDrafts), and keeps the cheapest. `resize` sizes the platform
 * with hosts added by pool key; `price` prices a sizing and returns its line items and those pool
 * keys (with whatever else the caller keeps).
 *
 * @example
 * const price = (sz: PlatformSizing) => {
 *   const licences = licenceDrafts(sz, s, cat);
 *   return { items: priceSizing(sz, s, cat, [], [], [], { licences }), morePays: licences.morePays };
 * };
 * const choice = cheapestHostCount(sizing, (added) => sizePlatform(p, s, cat, added), price);
 * choice.sizing.addedHosts //=> 1 when a third host saves more Windows Server licensings than it costs
 */
export function cheapestHostCount<T extends { items: readonly LineItem[]; morePays: readonly string[] }>(
  packed: PlatformSizing,
  resize: (added: Record<string, number>) => PlatformSizing,
  price: (sizing: PlatformSizing) => T,
): HostCountChoice<T> {
  const first = { sizing: packed, priced: price(packed) };
  let best = first;
  let bestTco = tcoOf(first.priced.items);
  const added: Record<string, number> = {};
  for (const key of first.priced.morePays) {
    for (let n = 1; n <= MAX_ADDED_HOSTS; n++) {
      const sizing = resize({ ...added, [key]: n });
      const priced = price(sizing);
      const tco = tcoOf(priced.items);
      if (tco.lt(bestTco)) {
        best = { sizing, priced };
        bestTco = tco;
      } else if (tcoOf(priced.items, (li) => !GUEST_PRICED.includes(li.component)).gte(bestTco)) {
        // Everything but the licences that can fall as hosts are added already costs as much as
        // the best, and it only grows with more hosts: no larger count can cost less.
        break;
      }
    }
    added[key] = best.sizing.pools.find((p) => p.key === key)?.addedHosts ?? 0;
  }
  return { sizing: best.sizing, priced: best.priced, packed: first };
}

/** The total of the items, or of those `keep` keeps. */
function tcoOf(items: readonly LineItem[], keep: (li: LineItem) => boolean = () => true): Money {
  return sumMoney(items.filter(keep).map((li) => li.total));
}

/** A platform priced: its line items, the notes, warnings and licensing decisions they came with, and `morePays`. */
export interface PricedSizing {
  items: LineItem[];
  notes: string[];
  warnings: string[];
  decisions: LicenceDecision[];
  morePays: string[];
}

/**
 * `cheapestHostCount` as `evaluate` and `project` run it: the platform of `packed` sized again with
 * hosts added, and every sizing priced with its licences worked out once.
 */
export function atCheapestHostCount(packed: PlatformSizing, scenario: Scenario, cat: CatalogView, options: LicenceDraftOptions = {}): HostCountChoice<PricedSizing> {
  return cheapestHostCount(
    packed,
    (added) => sizePlatform(packed.platform, scenario, cat, added),
    (sizing) => {
      const licences = licenceDrafts(sizing, scenario, cat, options);
      const priced: PricedSizing = { items: [], notes: [], warnings: [], decisions: [], morePays: licences.morePays };
      priced.items = priceSizing(sizing, scenario, cat, priced.notes, priced.warnings, priced.decisions, { licences });
      return priced;
    },
  );
}
