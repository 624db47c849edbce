/**
 * Colours for charts: the Okabe-Ito palette, distinguishable under the common colour-vision
 * deficiencies, with a fixed colour per platform type, per layer and per cost category so a colour
 * means the same thing on every chart.
 */
import type { Category, Layer, PlatformType } from 'kernelcount';

export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  grey: '#999999',
} as const;

export const PLATFORM_COLOURS: Record<PlatformType, string> = {
  vm: OKABE_ITO.blue,
  containers: OKABE_ITO.bluishGreen,
  'containers-in-vms': OKABE_ITO.orange,
  microvm: OKABE_ITO.reddishPurple,
};

export const LAYER_COLOURS: Record<Layer | 'free', string> = {
  hostReserve: OKABE_ITO.grey,
  hypervisor: OKABE_ITO.vermillion,
  guestOs: OKABE_ITO.orange,
  runtime: OKABE_ITO.reddishPurple,
  app: OKABE_ITO.bluishGreen,
  free: '#d8dde3',
};

export const CATEGORY_COLOURS: Record<Category, string> = {
  hardware: OKABE_ITO.blue,
  power: OKABE_ITO.yellow,
  facilities: OKABE_ITO.grey,
  licences: OKABE_ITO.vermillion,
  'control-plane': OKABE_ITO.reddishPurple,
  labour: OKABE_ITO.skyBlue,
};

/** Patterns for charts printed in grey or read without colour: one dash style per series index. */
export const DASHES: number[][] = [[], [6, 4], [2, 3], [10, 3, 2, 3]];
