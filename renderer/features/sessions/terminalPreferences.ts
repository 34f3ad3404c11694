/**
 * How terminals draw, as VS Code's `terminal.integrated.gpuAcceleration`: `auto` uses WebGL where the machine has it,
 * `off` keeps xterm's DOM renderer (for remote desktops and VMs whose GPU emulation draws badly, and for screen
 * readers and tests that read the screen as text). Kept per machine in local storage.
 */
export type GpuAcceleration = 'auto' | 'off';

const KEY = 'lotsen.terminal.gpuAcceleration';

export function gpuAcceleration(): GpuAcceleration {
  try {
    return localStorage.getItem(KEY) === 'off' ? 'off' : 'auto';
  } catch {
    return 'auto';
  }
}

export function setGpuAcceleration(value: GpuAcceleration): void {
  try {
    localStorage.setItem(KEY, value);
  } catch {
    // Storage refused (private mode): the choice lasts for this page only.
  }
}
