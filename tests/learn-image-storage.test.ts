/**
 * The images article's chart (disk for a fleet as VM system disks vs shared image layers), pinned
 * against the catalog's figures and the one-copy-per-node rule, not against the chart's output.
 */
import { CATALOG } from 'kernelcount';
import { describe, expect, test } from 'vitest';
import { imageStorage, imageStorageFigures, imageStorageModel } from '../src/lib/learn/charts/imageStorage';

const GiB = 1024;
const by = (m: ReturnType<typeof imageStorageModel>, key: string) => m.rows.find((r) => r.key === key)!;

describe('image storage', () => {
  test('a thick Linux VM stores one guest OS disk per copy; thin stores the catalog used share of it', () => {
    const m = imageStorageModel({ instances: 100, os: 'linux' });
    const disk = CATALOG['guestOs.linux.diskGiB'].value * GiB;
    expect(by(m, 'thick').osMiB).toBe(100 * disk);
    expect(by(m, 'thin').osMiB).toBe(100 * Math.ceil(disk * CATALOG['vm.thinUsedFraction'].value));
    expect(by(m, 'thick').imageMiB).toBe(0);
  });

  test('containers store the image once per node, plus one host OS disk per node', () => {
    const m = imageStorageModel({ instances: 1000, os: 'linux' });
    const ct = by(m, 'containers');
    // 1,000 pods at the Kubernetes default of 110 per node: 10 nodes.
    expect(ct.machines).toBe(Math.ceil(1000 / CATALOG['k8s.maxPodsPerNode'].value));
    expect(ct.imageMiB).toBe(ct.machines * CATALOG['image.linux.sizeMiB'].value);
    expect(ct.osMiB).toBe(ct.machines * CATALOG['hostOs.linux.diskGiB'].value * GiB);
  });

  test('Windows: a 32 GiB system disk per VM against one 3,720 MiB Server Core image per node', () => {
    const m = imageStorageModel({ instances: 100, os: 'windows' });
    expect(by(m, 'thick').osMiB).toBe(100 * 32 * GiB);
    expect(by(m, 'containers').imageMiB).toBe(CATALOG['image.windows.sizeMiB'].value);
    expect(CATALOG['image.windows.sizeMiB'].value).toBe(3720);
  });

  test('the prose figures and the takeaway agree at the defaults', () => {
    const f = imageStorageFigures();
    expect(f.thick).toBe('1,000 GiB');
    expect(f.containerImages).toBe('77 MiB');
    expect(f.bigNodes).toBe('10');
    const s = imageStorage.compute(imageStorage.defaults).summary;
    expect(s).toContain(f.thick);
    expect(s).toContain('stored once on the one node that runs them');
  });
});
