import { expect, test } from 'vitest';
import { catalogFigure, formatWithUnit } from '../src/lib/learn/catalogFigures';

test('units are worded the way the articles quote them', () => {
  expect(formatWithUnit('0.10', 'currency/cluster-hour')).toBe('$0.10 per cluster hour');
  expect(formatWithUnit('0.0806', 'currency/kWh')).toBe('$0.0806 per kWh');
  expect(formatWithUnit('1069', 'currency/16 cores')).toBe('$1,069 per 16 cores');
  expect(formatWithUnit('74.40', 'currency/month')).toBe('$74.40 per month');
  expect(formatWithUnit(8, '%')).toBe('8%');
  expect(formatWithUnit(0.5, 'fraction')).toBe('50%');
  expect(formatWithUnit(2048, 'MiB')).toBe('2,048 MiB');
});

test('catalog figures read the package catalog, by field and by version', () => {
  expect(catalogFigure('sandbox.kata-fc', { field: 'memoryMiB' }).text).toBe('130 MiB');
  expect(catalogFigure('sandbox.kata-fc', { field: 'cpuMillicores' }).text).toBe('250 millicores');
  expect(catalogFigure('k8s.gdc.baseMemoryMiB').text).toBe('330 MiB');
  expect(() => catalogFigure('no.such.id')).toThrow(/Unknown catalog id/);
  expect(() => catalogFigure('sandbox.kata-fc')).toThrow(/name a field/);
  expect(() => catalogFigure('sandbox.kata-fc', { field: 'nope' })).toThrow(/no field "nope"/);
  expect(() => catalogFigure('k8s.gdc.baseMemoryMiB', { version: 'no-such-version' })).toThrow(/no version/);
});
