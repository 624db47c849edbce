/**
 * The scenario editor: hosts, workloads, platforms, policy and prices. Every field edits one path
 * of the scenario object that `kernelcount` evaluates; defaults come from the package's catalog.
 */
import {
  CATALOG_TEXT,
  CONTROL_PLANES,
  FIGURES,
  HYPERVISORS,
  HYPERVISOR_LICENCES,
  INSTANCE_LICENCE_PRODUCTS,
  PLATFORM_TYPES,
  PRICE_ALIASES,
  RESERVATION_PROFILES,
  SANDBOX_RUNTIMES,
  WINDOWS_LICENSING,
  versionNames,
  type CatalogId,
} from 'kernelcount';
import { useEffect, useId, useState } from 'react';
import { getAt, pathKey, removeAt, setAt, uniqueName, type Draft, type Path } from '../../lib/calculatorModel';
import { CheckField, Fieldset, NumberField, SelectField, TextField, type FieldContext, type Hint } from './fields';
import { GridCarbonField, OverTimeFields } from './OverTimeFields';
import { RangeSlot } from './UncertaintyRange';

/** The catalog default of an id as a field hint: value (or one key of an object value), source, date, trust. */
export function hint(id: CatalogId, key?: string): Hint {
  const e = FIGURES[id];
  const raw = key !== undefined ? (e.value as Record<string, unknown>)[key] : e.value;
  const value = typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
  return { value, source: `${CATALOG_TEXT[id].source.title}, ${e.asOf} (${e.trust})`, id, entry: e, ...(key !== undefined ? { key } : {}) };
}

const opts = (xs: readonly string[]) => xs.map((x) => ({ value: x, label: x }));

const PLATFORM_LABELS: Record<string, string> = {
  vm: 'VMs (one instance per VM)',
  containers: 'Containers on bare metal (Kubernetes)',
  'containers-in-vms': 'Containers in VMs (Kubernetes nodes as VMs)',
  microvm: 'Micro-VMs (each pod in a sandbox)',
};

function ListControls({ onDuplicate, onRemove, name, canRemove }: { onDuplicate: () => void; onRemove: () => void; name: string; canRemove: boolean }) {
  return (
    <span className="row-actions">
      <button type="button" onClick={onDuplicate} aria-label={`Duplicate ${name}`} title="Duplicate">
        Duplicate
      </button>
      <button type="button" onClick={onRemove} aria-label={`Remove ${name}`} title="Remove" disabled={!canRemove}>
        Remove
      </button>
    </span>
  );
}

function list(draft: Draft, key: string): Array<Record<string, unknown>> {
  const v = draft[key];
  return Array.isArray(v) ? (v as Array<Record<string, unknown>>) : [];
}

function duplicate(ctx: FieldContext, key: string, index: number) {
  const items = list(ctx.draft, key);
  const item = items[index];
  if (!item) return;
  const names = items.map((x) => String(x['name'] ?? x['type'] ?? ''));
  const copy = { ...item, name: uniqueName(String(item['name'] ?? item['type'] ?? key), names) };
  ctx.set([key], [...items.slice(0, index + 1), copy, ...items.slice(index + 1)]);
}

function Hosts({ ctx }: { ctx: FieldContext }) {
  const hosts = list(ctx.draft, 'hosts');
  return (
    <Fieldset legend="Hosts">
      <p className="help">The server types platforms run on. Capacity is per host; price is the purchase price per host.</p>
      {hosts.map((h, i) => {
        const p = (k: string): Path => ['hosts', i, k];
        const name = String(h['name'] ?? `host ${i + 1}`);
        return (
          <div className="item" key={i}>
            <div className="item-head">
              <TextField ctx={ctx} path={p('name')} label="Name" required />
              <ListControls name={name} canRemove={hosts.length > 1} onDuplicate={() => duplicate(ctx, 'hosts', i)} onRemove={() => ctx.set([], removeAt(ctx.draft, ['hosts'], i))} />
            </div>
            <div className="grid">
              <NumberField ctx={ctx} path={p('sockets')} label="Sockets" unit="CPUs" required integer min={1} />
              <NumberField ctx={ctx} path={p('coresPerSocket')} label="Cores per socket" unit="cores" required integer min={1} />
              <NumberField ctx={ctx} path={p('threadsPerCore')} label="Threads per core" unit="threads" integer min={1} hint={hint('host.threadsPerCore')} />
              <NumberField ctx={ctx} path={p('memoryGiB')} label="Memory" unit="GiB" min={0} />
              <NumberField ctx={ctx} path={p('diskGiB')} label="Usable disk" unit="GiB" min={0} />
              <NumberField ctx={ctx} path={p('price')} label="Price" unit="per host" min={0} required />
              <NumberField ctx={ctx} path={p('powerIdleW')} label="Power at idle" unit="W" min={0} hint={hint('host.powerIdleW')} />
              <NumberField ctx={ctx} path={p('powerMaxW')} label="Power at full load" unit="W" min={0} hint={hint('host.powerMaxW')} />
            </div>
          </div>
        );
      })}
      <button
        type="button"
        onClick={() => ctx.set(['hosts'], [...hosts, { name: uniqueName('host', hosts.map((h) => String(h['name']))), sockets: 2, coresPerSocket: 16, memoryGiB: 512, diskGiB: 3840, price: 20000 }])}
      >
        Add a host type
      </button>
    </Fieldset>
  );
}

function LicenceSelect({ ctx, index }: { ctx: FieldContext; index: number }) {
  const id = useId();
  const path: Path = ['workloads', index, 'licences'];
  const current = getAt(ctx.draft, path);
  const product = Array.isArray(current) && current.length === 1 && typeof (current[0] as Record<string, unknown>)['product'] === 'string' ? String((current[0] as Record<string, unknown>)['product']) : '';
  const custom = Array.isArray(current) && current.length > 0 && product === '';
  const errors = [...ctx.issues.entries()].filter(([k]) => k.startsWith(pathKey(path))).flatMap(([, v]) => v);
  return (
    <label className="field" htmlFor={id}>
      <span className="field-label">Licence per instance</span>
      <select
        id={id}
        value={custom ? '(custom)' : product}
        aria-invalid={errors.length ? true : undefined}
        onChange={(ev) => {
          const v = ev.target.value;
          if (v === '(custom)') return;
          ctx.set(path, v === '' ? undefined : [{ product: v }]);
        }}
      >
        <option value="">none</option>
        {INSTANCE_LICENCE_PRODUCTS.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
        {custom && <option value="(custom)">as in the scenario file</option>}
      </select>
      {errors.length > 0 && (
        <span className="field-error" role="alert">
          {errors.join('; ')}
        </span>
      )}
    </label>
  );
}

/** The scenario-wide growth a workload without its own follows, as the field's placeholder shows it. */
function scenarioGrowth(draft: FieldContext['draft']): string {
  const g = getAt(draft, ['growth', 'percentPerYear']);
  return typeof g === 'number' || typeof g === 'string' ? String(g) : '0';
}

function Workloads({ ctx }: { ctx: FieldContext }) {
  const ws = list(ctx.draft, 'workloads');
  return (
    <Fieldset legend="Workloads">
      <p className="help">What runs: each workload is a number of identical instances. Memory is the application&apos;s own; the model adds the OS and runtime.</p>
      {ws.map((w, i) => {
        const p = (k: string): Path => ['workloads', i, k];
        const name = String(w['name'] ?? `workload ${i + 1}`);
        const windows = w['os'] === 'windows';
        return (
          <div className="item" key={i}>
            <div className="item-head">
              <TextField ctx={ctx} path={p('name')} label="Name" required />
              <ListControls name={name} canRemove={ws.length > 1} onDuplicate={() => duplicate(ctx, 'workloads', i)} onRemove={() => ctx.set([], removeAt(ctx.draft, ['workloads'], i))} />
            </div>
            <div className="grid">
              <NumberField ctx={ctx} path={p('instances')} label="Instances" unit="copies" required integer min={0} />
              <SelectField ctx={ctx} path={p('os')} label="OS" options={opts(['linux', 'windows'])} allowDefault="linux (default)" />
              <NumberField ctx={ctx} path={p('vcpus')} label="CPU" unit="vCPU" min={0} />
              <NumberField ctx={ctx} path={p('memoryGiB')} label="Memory" unit="GiB" min={0} />
              <NumberField ctx={ctx} path={p('storageGiB')} label="Data" unit="GiB" min={0} hint={{ value: '0', source: 'none unless given' }} />
              <NumberField ctx={ctx} path={p('imageMiB')} label="Container image" unit="MiB" integer min={0} hint={hint(windows ? 'image.windows.sizeMiB' : 'image.linux.sizeMiB')} />
              <CheckField ctx={ctx} path={p('needsOwnKernel')} label="Needs its own kernel" />
              <LicenceSelect ctx={ctx} index={i} />
              {/* Overrides the scenario's growth (Over time) for this workload only. */}
              <NumberField ctx={ctx} path={p('growthPercentPerYear')} label="Growth" unit="% a year" hint={{ value: scenarioGrowth(ctx.draft), source: 'the scenario’s growth' }} />
            </div>
          </div>
        );
      })}
      <button type="button" onClick={() => ctx.set(['workloads'], [...ws, { name: uniqueName('workload', ws.map((w) => String(w['name']))), instances: 10, vcpus: 1, memoryGiB: 2 }])}>
        Add a workload
      </button>
    </Fieldset>
  );
}

function Platforms({ ctx }: { ctx: FieldContext }) {
  const explicit = Array.isArray(ctx.draft['platforms']);
  const ps = explicit ? list(ctx.draft, 'platforms') : PLATFORM_TYPES.map((type) => ({ type }) as Record<string, unknown>);
  const hosts = list(ctx.draft, 'hosts').map((h) => String(h['name'] ?? ''));
  // Editing a default list writes it out first, so every change has a home.
  const c: FieldContext = explicit ? ctx : { ...ctx, set: (path, value) => ctx.set([], setAt({ ...ctx.draft, platforms: ps }, path, value)) };
  return (
    <Fieldset legend="Platforms">
      <p className="help">The ways of running the workloads that are compared. The first is the baseline unless the scenario names another.</p>
      {ps.map((pl, i) => {
        const p = (...k: Array<string>): Path => ['platforms', i, ...k];
        const type = String(pl['type'] ?? 'vm');
        const name = String(pl['name'] ?? type);
        const hv = type === 'vm' || type === 'containers-in-vms';
        const k8s = type !== 'vm';
        return (
          <div className="item" key={i}>
            <div className="item-head">
              <TextField ctx={c} path={p('name')} label="Name" hint={{ value: type, source: 'the type' }} />
              <SelectField ctx={c} path={p('type')} label="Type" options={PLATFORM_TYPES.map((t) => ({ value: t, label: PLATFORM_LABELS[t] ?? t }))} />
              <ListControls name={name} canRemove={ps.length > 1} onDuplicate={() => duplicate(c, 'platforms', i)} onRemove={() => c.set([], removeAt({ ...ctx.draft, platforms: ps }, ['platforms'], i))} />
            </div>
            <div className="grid">
              {hosts.length > 1 && <SelectField ctx={c} path={p('host')} label="Host type" options={opts(hosts)} allowDefault={`${hosts[0]} (first)`} />}
              {hv && <SelectField ctx={c} path={p('hypervisor')} label="Hypervisor" options={opts(HYPERVISORS)} allowDefault="esxi-6.7 (default)" />}
              {hv && <SelectField ctx={c} path={p('hypervisorLicence')} label="Hypervisor licence" options={opts(HYPERVISOR_LICENCES)} allowDefault="vvf on ESXi, none otherwise" />}
              {hv && <SelectField ctx={c} path={p('windowsLicensing')} label="Windows Server licensing" options={opts(WINDOWS_LICENSING)} allowDefault="cheapest (default)" />}
              {hv && <SelectField ctx={c} path={p('linuxLicence')} label="Linux guest licence" options={opts(['none', 'rhel', 'rhel-vdc'])} allowDefault="none (default)" />}
              {hv && <SelectField ctx={c} path={p('disk')} label="VM disks" options={opts(['thick', 'thin'])} allowDefault="thick (default)" />}
              {hv && <NumberField ctx={c} path={p('perVmOverheadMiB')} label="Your per-VM overhead" unit="MiB" integer min={0} hint={{ value: 'the hypervisor rule', source: 'ESXi table, KubeVirt or OpenShift formula' }} />}
              {k8s && <SelectField ctx={c} path={p('reservation')} label="Node reservation rule" options={opts(RESERVATION_PROFILES)} allowDefault="generic (default)" />}
              {k8s && <NumberField ctx={c} path={p('maxPods')} label="Max pods per node" unit="pods" integer min={1} hint={hint('k8s.maxPodsPerNode')} />}
              {k8s && <SelectField ctx={c} path={p('controlPlane')} label="Control plane" options={opts(CONTROL_PLANES)} allowDefault="stacked (default)" />}
              {k8s && <SelectField ctx={c} path={p('platformLicence')} label="Kubernetes subscription" options={opts(['none', 'openshift'])} allowDefault="none (default)" />}
              {type === 'microvm' && <SelectField ctx={c} path={p('runtime')} label="Sandbox runtime" options={opts(SANDBOX_RUNTIMES)} allowDefault="kata-fc (default)" />}
              {(type === 'containers' || type === 'microvm') && <SelectField ctx={c} path={p('hostLinuxLicence')} label="Host Linux licence" options={opts(['none', 'rhel'])} allowDefault="none (default)" />}
              {type === 'containers-in-vms' && (
                <>
                  <NumberField ctx={c} path={p('nodeVm', 'vcpus')} label="Node VM CPU" unit="vCPU" integer min={1} hint={hint('k8s.nodeVm', 'vcpus')} />
                  <NumberField ctx={c} path={p('nodeVm', 'memoryGiB')} label="Node VM memory" unit="GiB" min={1} hint={hint('k8s.nodeVm', 'memoryGiB')} />
                  <NumberField ctx={c} path={p('nodeVm', 'diskGiB')} label="Node VM disk" unit="GiB" min={1} hint={hint('k8s.nodeVm', 'diskGiB')} />
                </>
              )}
            </div>
          </div>
        );
      })}
      <button type="button" onClick={() => c.set(['platforms'], [...ps, { type: 'vm', name: uniqueName('vm', ps.map((x) => String(x['name'] ?? x['type']))) }])}>
        Add a platform
      </button>
    </Fieldset>
  );
}

function Policy({ ctx }: { ctx: FieldContext }) {
  const ha = getAt(ctx.draft, ['policy', 'ha']) as Record<string, unknown> | undefined;
  const byPercent = ha !== undefined && 'reservePercent' in ha;
  return (
    <Fieldset legend="Policy">
      <div className="grid">
        {byPercent ? (
          <NumberField ctx={ctx} path={['policy', 'ha', 'reservePercent']} label="Capacity held back for failover" unit="%" min={0} max={90} />
        ) : (
          <NumberField ctx={ctx} path={['policy', 'ha', 'spareHosts']} label="Spare hosts per cluster (N+k)" unit="hosts" integer min={0} hint={hint('policy.ha', 'spareHosts')} />
        )}
        <NumberField ctx={ctx} path={['policy', 'targetUtilization', 'cpu']} label="Target CPU use" unit="fraction" min={0} max={1} hint={hint('policy.targetUtilization', 'cpu')} />
        <NumberField ctx={ctx} path={['policy', 'targetUtilization', 'memory']} label="Target memory use" unit="fraction" min={0} max={1} hint={hint('policy.targetUtilization', 'memory')} />
        <NumberField ctx={ctx} path={['policy', 'targetUtilization', 'disk']} label="Target disk use" unit="fraction" min={0} max={1} hint={hint('policy.targetUtilization', 'disk')} />
        <NumberField ctx={ctx} path={['policy', 'cpuOvercommit']} label="CPU overcommit" unit="vCPU per thread" min={0.1} max={100} hint={hint('policy.overcommit', 'cpu')} />
        <NumberField ctx={ctx} path={['policy', 'memoryOvercommit']} label="Memory overcommit" unit="ratio" min={0.1} max={10} hint={hint('policy.overcommit', 'memory')} />
      </div>
    </Fieldset>
  );
}

const PRICE_FIELDS: Array<{ key: keyof typeof PRICE_ALIASES; label: string; unit: string }> = [
  { key: 'electricityPerKWh', label: 'Electricity', unit: 'per kWh' },
  { key: 'pue', label: 'PUE', unit: 'ratio' },
  { key: 'colocationPerKWMonth', label: 'Colocation', unit: 'per kW-month' },
  { key: 'averageLoad', label: 'Average host load', unit: 'fraction' },
  { key: 'amortizationYears', label: 'Amortization', unit: 'years' },
  { key: 'hardwareSupportPercentPerYear', label: 'Hardware support', unit: '% a year' },
  { key: 'adminCostPerYear', label: 'Administrator cost', unit: 'per year' },
  { key: 'physicalServersPerAdmin', label: 'Servers per administrator', unit: 'hosts' },
  { key: 'osInstancesPerAdmin', label: 'OS instances per administrator', unit: 'instances' },
  { key: 'softwareAssurancePercentPerYear', label: 'Software Assurance', unit: '% a year' },
];

function Prices({ ctx }: { ctx: FieldContext }) {
  return (
    <Fieldset legend="Prices and money">
      <div className="grid">
        <TextField ctx={ctx} path={['currency']} label="Currency (ISO code, no conversion)" hint={{ value: 'USD', source: 'the default' }} maxLength={3} />
        <NumberField ctx={ctx} path={['horizonYears']} label="Horizon" unit="years" integer min={1} max={30} hint={{ value: '5', source: 'the default' }} />
        {PRICE_FIELDS.map((f) => (
          <NumberField key={f.key} ctx={ctx} path={['prices', f.key]} label={f.label} unit={f.unit} min={0} hint={hint(PRICE_ALIASES[f.key])} />
        ))}
        <GridCarbonField ctx={ctx} />
        <CheckField ctx={ctx} path={['licensing', 'softwareAssurance']} label="Pay Software Assurance where optional" />
      </div>
      <CatalogOverrides ctx={ctx} />
      {/* Open when a licence price has a range, so the range shows. */}
      <details className="licence-prices" open={Object.keys(ctx.draft['uncertainty'] ?? {}).some((k) => k.startsWith('prices.licences.')) || undefined}>
        <summary>Licence list prices</summary>
        <div className="grid">
          {(Object.keys(FIGURES) as CatalogId[])
            .filter((id) => (id.startsWith('licence.') || id.startsWith('controlPlane.')) && FIGURES[id].unit.startsWith('currency/') && !id.endsWith('Credit'))
            .map((id) => {
              const key = id.startsWith('licence.') ? id.slice('licence.'.length) : `${id.slice('controlPlane.'.length)}-control-plane`;
              return <NumberField key={id} ctx={ctx} path={['prices', 'licences', key]} label={CATALOG_TEXT[id].label} unit={FIGURES[id].unit.replace('currency/', 'per ')} min={0} hint={hint(id)} />;
            })}
        </div>
      </details>
    </Fieldset>
  );
}

/** Catalog overrides as JSON (any default by id), and the named version of each figure that has them. */
function CatalogOverrides({ ctx }: { ctx: FieldContext }) {
  const id = useId();
  const current = ctx.draft['catalog'];
  const shown = current === undefined ? '' : JSON.stringify(current, null, 2);
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) {
      setText(shown);
      setError(null);
    }
  }, [shown, focused]);
  const packageErrors = [...ctx.issues.entries()].filter(([k]) => k.startsWith('catalog')).flatMap(([k, v]) => v.map((m) => `${k}: ${m}`));
  const errors = error ? [error] : packageErrors;
  // The grid's carbon intensity has its own field under Prices.
  const versioned = (Object.keys(FIGURES) as CatalogId[]).filter((x) => versionNames(FIGURES[x]).length > 0 && x !== 'carbon.gridIntensity');
  return (
    <details className="licence-prices">
      <summary>Catalog overrides and versions</summary>
      <p className="help">
        Replace any default by its id (the <a href="/assumptions/">assumptions page</a> lists them), as JSON, e.g.{' '}
        <code>{'{ "hypervisor.hyperv.perVmMiB": 300 }'}</code>.
      </p>
      <label className="field" htmlFor={id}>
        <span className="field-label">Overrides (JSON object)</span>
        <textarea
          id={id}
          rows={4}
          value={text}
          spellCheck={false}
          aria-invalid={errors.length ? true : undefined}
          aria-describedby={errors.length ? `${id}-err` : undefined}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
          onChange={(ev) => {
            const t = ev.target.value;
            setText(t);
            if (t.trim() === '') {
              setError(null);
              ctx.set(['catalog'], undefined);
              return;
            }
            try {
              const v: unknown = JSON.parse(t);
              if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('must be a JSON object of id: value');
              setError(null);
              ctx.set(['catalog'], v);
            } catch (err) {
              setError(`not valid JSON: ${(err as Error).message}`);
            }
          }}
        />
        {errors.length > 0 && (
          <span className="field-error" id={`${id}-err`} role="alert">
            {errors.join('; ')}
          </span>
        )}
      </label>
      <div className="grid">
        {versioned.map((vid) => (
          <SelectField
            key={vid}
            ctx={ctx}
            path={['catalogVersions', vid]}
            label={CATALOG_TEXT[vid].label}
            options={versionNames(FIGURES[vid]).map((n) => ({ value: n, label: n }))}
            allowDefault={`${versionNames(FIGURES[vid])[0]} (default)`}
          />
        ))}
      </div>
    </details>
  );
}

/** The whole editor. */
export function Editor({ ctx }: { ctx: FieldContext }) {
  return (
    <div className="editor">
      <Fieldset legend="Scenario">
        <div className="grid">
          <TextField ctx={ctx} path={['name']} label="Name" hint={{ value: 'Untitled scenario', source: 'the default' }} />
          <TextField ctx={ctx} path={['baseline']} label="Baseline platform" hint={{ value: 'the first platform', source: 'the default' }} />
        </div>
      </Fieldset>
      <Hosts ctx={ctx} />
      <Workloads ctx={ctx} />
      <Platforms ctx={ctx} />
      <Policy ctx={ctx} />
      <Prices ctx={ctx} />
      <OverTimeFields ctx={ctx} />
      <RangeSlot part="others" ctx={ctx} />
    </div>
  );
}
