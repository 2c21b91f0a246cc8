import net from 'node:net';

// Any network call outside loopback fails the test (CONVENTIONS.md).
const loopback = /^(127\.|::1$|localhost$|::ffff:127\.)/;
const original = net.Socket.prototype.connect;
net.Socket.prototype.connect = function patchedConnect(this: net.Socket, ...args: unknown[]) {
  const first = args[0] as { host?: string; path?: string } | number | string;
  const host =
    typeof first === 'object' && first !== null
      ? (first.host ?? (first.path ? 'localhost' : 'localhost'))
      : typeof args[1] === 'string'
        ? args[1]
        : 'localhost';
  if (!loopback.test(host)) {
    throw new Error(`Test tried to reach ${host}: only loopback is allowed in tests`);
  }
  return (original as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
