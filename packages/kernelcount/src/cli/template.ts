/** The commented example scenario `kernelcount init` writes. Every field is explained once. */
export const INIT_TEMPLATE = `# kernelcount scenario: edit, then run  kernelcount evaluate scenario.yaml
# Units are in the field names (GiB, MiB, W). Prices are in the scenario's currency.
# Anything you leave out takes a default from the catalog (kernelcount catalog lists them
# with source and date); the evaluation lists every default it used.

name: 40 Linux microservices
description: A small service estate on two-socket servers, priced over five years.
currency: USD          # ISO 4217 code; no conversion is done
horizonYears: 5
baseline: vm           # the platform the others are compared with

hosts:
  - name: 2x32-core 1 TiB
    sockets: 2
    coresPerSocket: 32
    threadsPerCore: 2  # hardware threads per core (SMT)
    memoryGiB: 1024
    diskGiB: 7680      # usable local disk for VMs, images and data
    price: 38000       # purchase price per host
    powerIdleW: 250
    powerMaxW: 900
    rackUnits: 2

workloads:
  - name: api
    instances: 24
    os: linux
    vcpus: 0.5         # or cpuMillicores: 500
    memoryGiB: 1       # the app's own memory, not the OS
    storageGiB: 2      # data per instance
    imageMiB: 180      # container image, unpacked
  - name: worker
    instances: 12
    vcpus: 1
    memoryGiB: 2
    imageMiB: 220
  - name: cache
    instances: 4
    vcpus: 1
    memoryGiB: 8
    imageMiB: 60

platforms:
  - type: vm                   # one instance per VM
    hypervisor: esxi-6.7       # esxi-6.7 | esxi-6.5 | kubevirt | openshift-virt | proxmox | hyperv
    hypervisorLicence: vvf     # none | vsphere-standard | vsphere-enterprise-plus | vvf | vcf
    disk: thick                # thick | thin
  - type: containers           # Kubernetes on bare metal
    reservation: generic       # eks | gke | aks | aks-pre-1.29 | gdc | generic
    controlPlane: stacked      # stacked | eks | gke | aks | none
  - type: containers-in-vms    # Kubernetes nodes as VMs: both overheads stack
    nodeVm: { vcpus: 8, memoryGiB: 32, diskGiB: 100 }
  - type: microvm              # each pod in its own sandbox
    runtime: kata-fc           # kata-qemu | kata-clh | kata-fc | gvisor | firecracker

policy:
  ha: { spareHosts: 1 }        # or { reservePercent: 25 }
  targetUtilization: { cpu: 0.8, memory: 0.9, disk: 0.9 }
  cpuOvercommit: 1             # vCPU (or request) per physical CPU thread
  memoryOvercommit: 1

prices:
  electricityPerKWh: 0.12
  pue: 1.5
  adminCostPerYear: 120000
  # gridIntensityGPerKWh: 381   # your grid's gCO2e per kWh; or pick a region's figure below

# catalogVersions:
#   carbon.gridIntensity: germany-2023   # default world-2023; kernelcount catalog lists the regions

# Costs over time: read by  kernelcount project  (evaluate prices today's estate every year).
growth:
  percentPerYear: 0            # yearly growth of every workload, compounded; a workload may set
                               # its own growthPercentPerYear
finance:
  discountRatePercent: 0       # present value of the cash, each year paid at its start
  hardware: purchase           # purchase | lease (a level yearly payment over the host's life)
  leaseRatePercent: 0
`;
