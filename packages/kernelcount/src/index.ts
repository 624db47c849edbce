/**
 * kernelcount: what it costs, and how densely workloads pack, to run them as VMs, containers,
 * containers in VMs or micro-VMs, with every figure traced to its inputs and sources.
 *
 * @packageDocumentation
 */
export { evaluate, safeEvaluate, sumLineItems } from './evaluate.js';
export type {
  Evaluation,
  EvaluateOptions,
  PlatformResult,
  PoolResult,
  WorkloadResult,
  Comparison,
  SafeResult,
  LineItem,
  Category,
  Resource,
  Binding,
  LicenceDecision,
  LicenceOptionSummary,
  PlatformEnergy,
  GridIntensity,
} from './evaluate.js';
export { parseScenario, LIMITS, PRICE_ALIASES } from './scenario/validate.js';
export { resolveRanges, validateScenario } from './scenario/ranges.js';
export type { ParseOptions } from './scenario/validate.js';
export { parseScenarioText, MAX_SCENARIO_BYTES } from './scenario/text.js';
export { scenarioJsonSchema } from './scenario/schema.js';
export type * from './scenario/types.js';
export { PLATFORM_TYPES, HYPERVISORS, HYPERVISOR_LICENCES, CONTROL_PLANES, WINDOWS_LICENSING, INSTANCE_LICENCE_PRODUCTS } from './scenario/types.js';
export { HARDWARE_FINANCING } from './scenario/types.js';
export { KernelcountError, isKernelcountError } from './errors.js';
export type { Issue, IssueCode } from './errors.js';
export { Money, money, formatMoney, formatMoneyGrouped, sumMoney } from './money.js';
export { ESXI_67_OVERHEAD_TABLE, ESXI_40_OVERHEAD_TABLE, FIGURES } from './catalog/defaults.js';
export type { CatalogId, CatalogValue, EsxiOverheadTable } from './catalog/defaults.js';
export { CATALOG, catalogEntries } from './catalog/catalog.js';
export { assumptionText, describeAssumption } from './catalog/describe.js';
export { SOURCES, CATALOG_TEXT } from './catalog/text.js';
export { CatalogView, STALE_AFTER_MONTHS, entryVersion, versionNames } from './catalog/tracker.js';
export type { CatalogEntry, CatalogVersion, CatalogFigure, FigureVersion, CatalogText, Assumption, AssumptionText, DescribedAssumption, Source, Trust } from './catalog/types.js';
export { RULES } from './rules/registry.js';
export type { RuleInfo, RuleKind, RuleVersion } from './rules/registry.js';
export { CATEGORIES } from './cost/lineItems.js';
export { LAYERS, LAYER_LABELS } from './platforms/footprint.js';
export type { Layer, LayerAmounts, Footprint } from './platforms/footprint.js';
export { packGroups } from './packing/pack.js';
export type { PackGroup, PackResult } from './packing/pack.js';
export { formatEvaluation, formatTable, formatJson, formatCsv, formatMarkdown, describeEvaluation, REPORT_FORMATS } from './report/format.js';
export type { ReportFormat } from './report/format.js';

// Rules a spreadsheet-as-code user may call on their own.
export { esxiOverheadMiB, esxiHostReserve } from './rules/esxi.js';
export type { EsxiOverheadResult } from './rules/esxi.js';
export { eniMaxPods } from './rules/maxPods.js';
export { kubevirtOverheadMiB, openshiftVirtOverheadMiB, proxmoxHostReserveMiB } from './rules/kvm.js';
export {
  nodeReservation,
  eksReservation,
  gkeReservation,
  aksReservation,
  aksPre129Reservation,
  gdcReservation,
  genericReservation,
  eksCpuReservedMillicores,
  gkeCpuReservedMillicores,
  gkeMemoryReservedMiB,
  aksCpuReservedMillicores,
  withWindowsExtras,
  AKS_CPU_TABLE,
  RESERVATION_PROFILES,
} from './rules/reservations.js';
export type { NodeReservation, NodeSize, ReservationProfile, GenericReservationInput, ReservationOptions, WindowsNodeExtras } from './rules/reservations.js';
export { kataPodOverhead, gvisorOverhead, firecrackerOverhead, SANDBOX_RUNTIMES, KATA_RUNTIMES } from './rules/sandbox.js';
export type { SandboxOverhead, SandboxRuntime, KataRuntime } from './rules/sandbox.js';
export { warmSpareForSpike } from './rules/startup.js';
export type { SpikeInput } from './rules/startup.js';
export { quoteLicences } from './licensing/engine.js';
export type { LicenceQuote, QuoteOptions, QuoteLine, OptionQuote, HostGroupQuote, BreakEven, PriceBook } from './licensing/engine.js';
export { LICENCE_PRODUCT_IDS, PRODUCTS } from './licensing/products.js';
export { LICENCE_PRODUCTS, PRODUCT_TEXT, productFamily } from './licensing/productText.js';
export type { ProductText } from './licensing/productText.js';
export type { LicenceProduct, LicenceOption, LicenceTerms, ProductCategory, ProductCore } from './licensing/products.js';
export { physicalCoreLicensing, countHost, countOrder, stacksFor, metricScope } from './licensing/metrics.js';
export type { HostUsage, LicenceUsage, GuestGroup, LicenceMetric, MetricKind, MetricCount, OseGrant } from './licensing/metrics.js';
export { HOURS_PER_YEAR } from './licensing/metrics.js';
export { vmShape, guestOs } from './platforms/components.js';

// Decision tools: inputs by path, break-even, sensitivity (tornado), scenario diff.
export { getInput, setInput, listInputs, canonicalPath } from './analysis/paths.js';
export type { NumericInput, InputKind, ListInputsOptions } from './analysis/paths.js';
export { breakEven, licenceBreakEvens, HALF_CENT } from './analysis/breakEven.js';
export type { BreakEvenResult, BreakEvenKind, BreakEvenOptions, LicenceBreakEvenOptions, CostPoint } from './analysis/breakEven.js';
export { sensitivity, variedValues } from './analysis/sensitivity.js';
export type { SensitivityResult, SensitivityRow, SensitivitySide, SensitivityPoint, SensitivityOptions } from './analysis/sensitivity.js';
export { diffScenarios, diffInputs } from './analysis/diff.js';
export type { ScenarioDiff, InputChange, LineItemChange, LineItemSide, PlatformChange, PlatformSide, DiffOptions } from './analysis/diff.js';
export { formatBreakEven, formatSensitivity, formatDiff } from './report/decisions.js';
export type { BreakEvenReport, SensitivityFormatOptions } from './report/decisions.js';

// ---- uncertainty (Monte Carlo over ranges) ----
export { monteCarlo, startMonteCarlo, DEFAULT_SAMPLES, DEFAULT_SEED, MAX_SAMPLES } from './analysis/monteCarlo.js';
export type { MonteCarloOptions, MonteCarloRunOptions, MonteCarloRun, UncertaintyResult, PlatformSpread, PairSpread, Spread } from './analysis/monteCarlo.js';
export { formatUncertainty, UNCERTAINTY_FORMATS } from './report/uncertainty.js';
export type { UncertaintyFormat } from './report/uncertainty.js';
// ---- end uncertainty ----

// ---- costs over time (growth, refresh, purchase vs lease, NPV) ----
export { project, safeProject } from './time/project.js';
export type { Projection, ProjectOptions, PlatformProjection, ProjectionYear, ProjectionTotals, YearCosts, WorkloadGrowth, FleetYear } from './time/project.js';
export { planFleet } from './time/fleet.js';
export { levelPayment, presentValue } from './time/finance.js';
export { grownInstances } from './time/growth.js';
export { formatProjection, PROJECTION_FORMATS } from './report/timeline.js';
export type { ProjectionFormat } from './report/timeline.js';
export { TIME_LIMITS } from './scenario/validate.js';
// ---- end costs over time ----
// ---- energy and carbon; money in its currency (Intl) ----
export { energyUse, carbonOf } from './cost/lineItems.js';
export type { EnergyUse, CarbonUse } from './cost/lineItems.js';
export { formatCurrency, currencyFormatter, currencyDecimals, currencyProblem, localeProblem, reportMoney, DEFAULT_LOCALE } from './report/currency.js';
export type { CurrencyFormatOptions, ReportMoney, ReportOptions } from './report/currency.js';
// ---- end energy and carbon; currency ----

export { version } from './version.js';
