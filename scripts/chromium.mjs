// Debian's Chromium, the one browser the tests, the Lighthouse run and the timing script use
// (browser downloads do not work here), and the flags they all start it with.
export const CHROMIUM = '/usr/bin/chromium';

/** Headless, no sandbox (root in a container), and nothing that would reach the network on its own. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
