import { CATALOG } from '../catalog/catalog.js';
import { versionNames } from '../catalog/tracker.js';
import type { CatalogEntry } from '../catalog/types.js';
import { RESERVATION_PROFILES } from '../rules/reservations.js';
import { SANDBOX_RUNTIMES } from '../rules/sandbox.js';
import { CONTROL_PLANES, HARDWARE_FINANCING, HYPERVISORS, HYPERVISOR_LICENCES, INSTANCE_LICENCE_PRODUCTS, WINDOWS_LICENSING } from './types.js';
import { LICENCE_PRICE_IDS, LIMITS, PRICE_ALIASES, TIME_LIMITS } from './validate.js';

const num = (description: string, extra: Record<string, unknown> = {}) => ({ type: 'number', description, ...extra });
const int = (description: string, extra: Record<string, unknown> = {}) => ({ type: 'integer', description, ...extra });
const amount = (description: string) => ({
  description,
  anyOf: [
    { type: 'number', minimum: 0 },
    { type: 'string', pattern: '^(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?$' },
  ],
});
const oneOfKeys = (a: string, b: string) => ({ not: { required: [a, b] } });
const growthBounds = { exclusiveMinimum: TIME_LIMITS.growthPercentAbove, maximum: TIME_LIMITS.growthPercentMax };
const growthText = (what: string) => `${what} Above ${TIME_LIMITS.growthPercentAbove}, at most ${TIME_LIMITS.growthPercentMax}; read by kernelcount project, ignored by evaluate.`;

const commonPlatform = {
  type: { enum: ['vm', 'containers', 'containers-in-vms', 'microvm'] },
  name: { type: 'string', minLength: 1, maxLength: 60, description: 'Unique name; default: the type.' },
  host: { type: 'string', description: 'Name of the host type this platform runs on; default: the first.' },
  cpuOvercommit: num('Allocated CPU per physical CPU; default from policy.', { minimum: 0.1, maximum: 100 }),
  memoryOvercommit: num('Allocated memory per physical memory; default from policy.', { minimum: 0.1, maximum: 10 }),
};
const hypervisorProps = {
  hypervisor: { enum: HYPERVISORS, default: 'esxi-6.7' },
  perVmOverheadMiB: int('Your own per-VM overhead, replacing the hypervisor rule.', { minimum: 0 }),
  disk: { enum: ['thick', 'thin'], default: 'thick' },
  hypervisorLicence: { enum: HYPERVISOR_LICENCES, description: 'Default vvf on ESXi, none otherwise.' },
  windowsLicensing: { enum: WINDOWS_LICENSING, default: 'cheapest', description: 'cheapest: Standard or Datacenter per core, per host; per-vm needs Software Assurance; payg is Azure Arc pay-as-you-go.' },
  linuxLicence: { enum: ['none', 'rhel', 'rhel-vdc'], default: 'none' },
  zfs: { type: 'boolean', description: 'Proxmox only: reserve the ZFS ARC.' },
};
const k8sProps = {
  reservation: { enum: RESERVATION_PROFILES, default: 'generic' },
  generic: {
    type: 'object',
    additionalProperties: false,
    properties: {
      kubeReservedCpuMillicores: int('', { minimum: 0 }),
      kubeReservedMemoryMiB: int('', { minimum: 0 }),
      systemReservedCpuMillicores: int('', { minimum: 0 }),
      systemReservedMemoryMiB: int('', { minimum: 0 }),
      evictionMemoryMiB: int('', { minimum: 0 }),
    },
  },
  maxPods: int('Pods per node; default 110.', { minimum: 1, maximum: 10000 }),
  controlPlane: { enum: CONTROL_PLANES, default: 'stacked' },
  ownKernelRuntime: { enum: SANDBOX_RUNTIMES, default: 'kata-qemu' },
  platformLicence: { enum: ['none', 'openshift'], default: 'none', description: 'Subscription for the Kubernetes distribution.' },
};

/** JSON Schema (draft 2020-12) of a scenario file, for editors and other languages. */
export const scenarioJsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://kernelcount.dev/schema/scenario.json',
  title: 'kernelcount scenario',
  type: 'object',
  additionalProperties: false,
  required: ['hosts', 'workloads'],
  properties: {
    name: { type: 'string', maxLength: 200 },
    description: { type: 'string', maxLength: 4000 },
    currency: { type: 'string', pattern: '^[A-Z]{3}$', default: 'USD', description: 'ISO 4217 code of every price; no conversion is done.' },
    horizonYears: int('Years to price.', { minimum: 1, maximum: LIMITS.horizonYears, default: 5 }),
    baseline: { type: 'string', description: 'Platform name the others are compared with; default the first.' },
    hosts: {
      type: 'array',
      minItems: 1,
      maxItems: LIMITS.hosts,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'sockets', 'coresPerSocket', 'diskGiB', 'price'],
        allOf: [oneOfKeys('memoryGiB', 'memoryMiB'), { anyOf: [{ required: ['memoryGiB'] }, { required: ['memoryMiB'] }] }],
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 200 },
          sockets: int('CPU sockets.', { minimum: 1, maximum: LIMITS.sockets }),
          coresPerSocket: int('Physical cores per socket.', { minimum: 1, maximum: LIMITS.coresPerSocket }),
          threadsPerCore: int('Hardware threads per core; default 2.', { minimum: 1, maximum: 8 }),
          memoryGiB: num('Host memory.', { minimum: 1 }),
          memoryMiB: int('Host memory.', { minimum: 1024 }),
          diskGiB: num('Usable local disk.', { exclusiveMinimum: 0 }),
          price: amount('Purchase price per host.'),
          powerIdleW: num('Power at idle.', { minimum: 0 }),
          powerMaxW: num('Power at full load.', { minimum: 0 }),
          rackUnits: int('Rack units.', { minimum: 1, maximum: 64 }),
        },
      },
    },
    workloads: {
      type: 'array',
      minItems: 1,
      maxItems: LIMITS.workloads,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'instances'],
        allOf: [
          oneOfKeys('vcpus', 'cpuMillicores'),
          { anyOf: [{ required: ['vcpus'] }, { required: ['cpuMillicores'] }] },
          oneOfKeys('memoryGiB', 'memoryMiB'),
          { anyOf: [{ required: ['memoryGiB'] }, { required: ['memoryMiB'] }] },
        ],
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 200 },
          instances: int('Copies that run.', { minimum: 0, maximum: LIMITS.instancesPerWorkload }),
          os: { enum: ['linux', 'windows'], default: 'linux' },
          vcpus: num('CPU per instance, fractions allowed.', { exclusiveMinimum: 0, maximum: 4096 }),
          cpuMillicores: int('CPU per instance in millicores.', { minimum: 1 }),
          memoryGiB: num('Application memory per instance (not the OS).', { exclusiveMinimum: 0 }),
          memoryMiB: int('Application memory per instance (not the OS).', { minimum: 1 }),
          storageGiB: num('Application data per instance.', { minimum: 0 }),
          imageMiB: int('Container image size unpacked.', { minimum: 0 }),
          image: { type: 'string', minLength: 1, description: 'Image name; instances of one image share layers on a node.' },
          needsOwnKernel: { type: 'boolean', default: false },
          licences: {
            type: 'array',
            maxItems: LIMITS.licencesPerWorkload,
            items: {
              oneOf: [
                { type: 'object', additionalProperties: false, required: ['product'], properties: { product: { enum: INSTANCE_LICENCE_PRODUCTS } } },
                {
                  type: 'object',
                  additionalProperties: false,
                  required: ['name', 'pricePerInstanceYear'],
                  properties: { name: { type: 'string', minLength: 1 }, pricePerInstanceYear: amount('Price per instance per year.') },
                },
              ],
            },
          },
          growthPercentPerYear: num(growthText('This workload\'s yearly growth of instances in percent, compounded, replacing growth.percentPerYear for it.'), growthBounds),
        },
      },
    },
    platforms: {
      type: 'array',
      minItems: 1,
      maxItems: LIMITS.platforms,
      items: {
        type: 'object',
        required: ['type'],
        oneOf: [
          { additionalProperties: false, properties: { ...commonPlatform, type: { const: 'vm' }, ...hypervisorProps } },
          { additionalProperties: false, properties: { ...commonPlatform, type: { const: 'containers' }, ...k8sProps, hostLinuxLicence: { enum: ['none', 'rhel'] } } },
          {
            additionalProperties: false,
            properties: {
              ...commonPlatform,
              type: { const: 'containers-in-vms' },
              ...hypervisorProps,
              ...k8sProps,
              nodeVm: {
                type: 'object',
                additionalProperties: false,
                properties: { vcpus: int('', { minimum: 1 }), memoryGiB: num('', { minimum: 1 }), diskGiB: num('', { exclusiveMinimum: 0 }) },
              },
            },
          },
          {
            additionalProperties: false,
            properties: { ...commonPlatform, type: { const: 'microvm' }, ...k8sProps, runtime: { enum: SANDBOX_RUNTIMES },
              podOverhead: {
                type: 'object',
                additionalProperties: false,
                description: 'Your own RuntimeClass overhead.podFixed, used instead of a named runtime.',
                properties: { memoryMiB: int('', { minimum: 0 }), cpuMillicores: int('', { minimum: 0 }) },
              },
              hostLinuxLicence: { enum: ['none', 'rhel'] },
            },
          },
        ],
      },
    },
    policy: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ha: {
          oneOf: [
            { type: 'object', additionalProperties: false, required: ['spareHosts'], properties: { spareHosts: int('N+k spare hosts per cluster.', { minimum: 0, maximum: 100 }) } },
            { type: 'object', additionalProperties: false, required: ['reservePercent'], properties: { reservePercent: num('Share of each host held back.', { minimum: 0, maximum: 90 }) } },
          ],
        },
        targetUtilization: {
          type: 'object',
          additionalProperties: false,
          properties: {
            cpu: num('', { exclusiveMinimum: 0, maximum: 1 }),
            memory: num('', { exclusiveMinimum: 0, maximum: 1 }),
            disk: num('', { exclusiveMinimum: 0, maximum: 1 }),
          },
        },
        cpuOvercommit: num('', { minimum: 0.1, maximum: 100 }),
        memoryOvercommit: num('', { minimum: 0.1, maximum: 10 }),
      },
    },
    prices: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ...Object.fromEntries(Object.entries(PRICE_ALIASES).map(([k, id]) => [k, { description: `Overrides catalog ${id}.`, anyOf: [{ type: 'number' }, { type: 'string' }] }])),
        licences: {
          type: 'object',
          additionalProperties: false,
          properties: Object.fromEntries(Object.entries(LICENCE_PRICE_IDS).map(([k, id]) => [k, amount(`Overrides catalog ${id}.`)])),
        },
      },
    },
    catalogVersions: {
      type: 'object',
      description: 'Named versions of catalog figures by id, where the vendor changed them or sources disagree.',
      additionalProperties: false,
      properties: Object.fromEntries(
        (Object.keys(CATALOG) as Array<keyof typeof CATALOG>)
          .map((id) => [id, versionNames(CATALOG[id] as CatalogEntry)] as const)
          .filter(([, names]) => names.length > 0)
          .map(([id, names]) => [id, { enum: names, default: names[0] }]),
      ),
    },
    licensing: {
      type: 'object',
      additionalProperties: false,
      properties: {
        softwareAssurance: { type: 'boolean', default: false, description: 'Pay Software Assurance (or vendor support) where it is optional; it is always paid where an option requires it.' },
      },
    },
    growth: {
      type: 'object',
      additionalProperties: false,
      required: ['percentPerYear'],
      description: 'Yearly workload growth for kernelcount project (costs year by year). evaluate ignores it.',
      properties: {
        percentPerYear: num(growthText('Yearly growth of every workload\'s instances in percent, compounded.'), { ...growthBounds, default: 0 }),
      },
    },
    finance: {
      type: 'object',
      additionalProperties: false,
      description: 'Money over time for kernelcount project: present value and how hardware is paid. evaluate ignores it.',
      properties: {
        discountRatePercent: num('Yearly discount rate for the present value; each year\'s cash is discounted as paid at the start of the year.', { minimum: 0, maximum: TIME_LIMITS.ratePercentMax, default: 0 }),
        hardware: { enum: HARDWARE_FINANCING, default: 'purchase', description: 'purchase: each host is paid in full the year it is bought; lease: a level yearly payment per host over its life (the amortization years).' },
        leaseRatePercent: num('Yearly interest rate of the lease; 0 spreads the price evenly over the host\'s life.', { minimum: 0, maximum: TIME_LIMITS.ratePercentMax, default: 0 }),
      },
    },
    uncertainty: {
      type: 'object',
      description:
        'Inputs known only as a range, by path (prices.electricityPerKWh, workloads[api].instances, hosts[0].price, catalog.licence.vvf, ...): the lowest, most likely and highest plausible value, for Monte Carlo (kernelcount uncertainty). evaluate uses the scenario\'s own values.',
      maxProperties: LIMITS.uncertaintyRanges,
      propertyNames: { pattern: '^(hosts|workloads|platforms|policy|prices|catalog)[.\\[]' },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['low', 'likely', 'high'],
        properties: {
          low: num('Lowest plausible value.'),
          likely: num('Most likely value (low <= likely <= high).'),
          high: num('Highest plausible value.'),
        },
      },
    },
    catalog: {
      type: 'object',
      description: 'Overrides of catalog defaults by id.',
      additionalProperties: false,
      properties: Object.fromEntries(Object.keys(CATALOG).map((id) => [id, { description: CATALOG[id as keyof typeof CATALOG].label }])),
    },
  },
} as const;
