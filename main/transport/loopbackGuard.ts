/*
 * Browser mode listens on 127.0.0.1 only, but a web page elsewhere can still aim a browser at it: by rebinding its
 * own DNS name to 127.0.0.1 (then the Host header names that domain) or by opening a WebSocket to it (then the
 * Origin header names that page). Only the two names of this server are accepted.
 */

function loopbackHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function loopbackOrigins(port: number): string[] {
  return loopbackHosts(port).map((host) => `http://${host}`);
}

export function isLoopbackHost(host: string | undefined, port: number): boolean {
  return host !== undefined && loopbackHosts(port).includes(host.toLowerCase());
}

export function isLoopbackOrigin(origin: string | undefined, port: number): boolean {
  return origin !== undefined && loopbackOrigins(port).includes(origin.toLowerCase());
}
