import { describe, it, expect } from 'vitest';
import { firecrackerOverhead, gvisorOverhead, kataPodOverhead, SANDBOX_RUNTIMES } from './sandbox.js';
import { CATALOG } from '../catalog/catalog.js';

// kata-deploy runtimeclasses/kata-runtimeClasses.yaml, overhead.podFixed (FACTS.md section 1).
describe('Kata Containers RuntimeClass overhead.podFixed', () => {
  it.each([
    ['kata-qemu', 'sandbox.kata-qemu', 160, 250],
    ['kata-clh', 'sandbox.kata-clh', 130, 250],
    ['kata-fc', 'sandbox.kata-fc', 130, 250],
  ] as const)('%s: %s flows through as %s Mi / %s m, all under the hypervisor layer', (runtime, id, memoryMiB, cpuMillicores) => {
    const r = kataPodOverhead(runtime, CATALOG[id].value);
    expect(r.runtime).toBe(runtime);
    expect(r.hypervisorMemoryMiB).toBe(memoryMiB);
    expect(r.guestOsMemoryMiB).toBe(0);
    expect(r.cpuMillicores).toBe(cpuMillicores);
    expect(r.formula).toContain(`${memoryMiB} MiB`);
  });

  it('a podFixed given by the user flows through unchanged (confidential TDX/SNP: 2048Mi / 1 CPU)', () => {
    const r = kataPodOverhead('kata-qemu', { memoryMiB: 2048, cpuMillicores: 1000 });
    expect(r.hypervisorMemoryMiB).toBe(2048);
    expect(r.cpuMillicores).toBe(1000);
  });
});

// google/gvisor density.csv: node app 124 MB under runsc vs 76.7 MB under runc
// = 47.3 MB = 47.3e6 / 2^20 = 45.11 MiB, rounded up to 46.
describe('gVisor (runsc) per-sandbox overhead', () => {
  it('the measured 46 MiB counts as the sandbox layer (sentry and gofer), no guest kernel', () => {
    const r = gvisorOverhead(CATALOG['sandbox.gvisor'].value);
    expect(r.runtime).toBe('gvisor');
    expect(r.hypervisorMemoryMiB).toBe(46);
    expect(r.guestOsMemoryMiB).toBe(0);
    expect(r.cpuMillicores).toBe(0);
  });
});

// firecracker SPECIFICATION.md: VMM overhead <= 5 MiB (1 vCPU, 128 MiB guest); the guest
// kernel and init are guest memory, a separate layer.
describe('Firecracker microVM overhead split', () => {
  it('VMM 5 MiB under the hypervisor layer, guest kernel 120 MiB under the guest OS layer', () => {
    const r = firecrackerOverhead(
      CATALOG['hypervisor.firecracker.vmmMiB'].value,
      CATALOG['sandbox.firecracker.guestKernelMiB'].value,
    );
    expect(r.runtime).toBe('firecracker');
    expect(r.hypervisorMemoryMiB).toBe(5);
    expect(r.guestOsMemoryMiB).toBe(120);
    expect(r.cpuMillicores).toBe(0);
  });

  it('the two layers are kept apart, not summed into one', () => {
    const r = firecrackerOverhead(3, 64);
    expect(r.hypervisorMemoryMiB).toBe(3);
    expect(r.guestOsMemoryMiB).toBe(64);
  });
});

describe('sandbox runtime list', () => {
  it('lists the six Kata runtime classes, gVisor and Firecracker', () => {
    expect([...SANDBOX_RUNTIMES].sort()).toEqual(['firecracker', 'gvisor', 'kata-clh', 'kata-dragonball', 'kata-fc', 'kata-qemu', 'kata-qemu-snp', 'kata-qemu-tdx']);
  });
});

// kata-deploy runtimeclasses (kata-runtimeClasses.yaml): overhead.podFixed per runtime class.
describe('Kata runtime classes from kata-deploy', () => {
  it.each([
    ['kata-qemu', 160, 250],
    ['kata-clh', 130, 250],
    ['kata-fc', 130, 250],
    ['kata-dragonball', 130, 250],
    ['kata-qemu-tdx', 2048, 1000],
    ['kata-qemu-snp', 2048, 1000],
  ] as const)('%s: %s Mi, %s m', (runtime, mem, cpu) => {
    const v = CATALOG[`sandbox.${runtime}`].value;
    expect(v).toEqual({ memoryMiB: mem, cpuMillicores: cpu });
    expect(kataPodOverhead(runtime, v).hypervisorMemoryMiB).toBe(mem);
  });
});
