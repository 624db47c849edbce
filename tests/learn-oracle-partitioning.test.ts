/**
 * The Oracle soft-partitioning chart (article: licensing-beyond-windows), pinned against Oracle's
 * processor rule (cores x core factor) and the catalog's prices.
 */
import { expect, test } from 'vitest';
import { CatalogView } from 'kernelcount';
import { oraclePartitioning, oraclePartitioningFigures, oraclePartitioningModel } from '../src/lib/learn/charts/oraclePartitioning';

const cat = new CatalogView();
const perProcessor = Number(cat.get('licence.oracle-database-enterprise'));
const factor = Number(cat.get('licence.oracle.coreFactor'));
const support = Number(cat.get('licence.oracle.supportPercentPerYear')) / 100;
const years = cat.get('hardware.amortizationYears') as number;

test('every core of every host in the cluster, times the core factor', () => {
  const f = oraclePartitioningFigures();
  expect(factor).toBe(0.5);
  expect(f.oneProcessors).toBe(String(2 * 32 * factor));
  expect(f.clusterProcessors).toBe(String(4 * 2 * 32 * factor));
});

test('a year of one processor licence: the price spread over the amortization years, plus support', () => {
  const { cluster } = oraclePartitioningModel({ hosts: 4, coresPerSocket: 32 });
  expect(cluster.annualCost.toNumber()).toBeCloseTo(128 * (perProcessor / years + perProcessor * support), 4);
});

test('the package warns about soft partitioning, and the cost grows with every host', () => {
  expect(oraclePartitioningFigures().warning).toMatch(/soft partitioning/);
  const one = oraclePartitioningModel({ hosts: 1, coresPerSocket: 16 }).cluster.annualCost;
  const two = oraclePartitioningModel({ hosts: 2, coresPerSocket: 16 }).cluster.annualCost;
  expect(two.toNumber()).toBeCloseTo(2 * one.toNumber(), 6);
  expect(oraclePartitioning.compute({ hosts: 8, coresPerSocket: 32 }).summary).toContain('256 processors');
});
