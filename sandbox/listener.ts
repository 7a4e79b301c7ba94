/**
 * One port, two protocols. kubectl (client-go) never sends a bearer token over plain HTTP, so the
 * sandbox speaks TLS with a self-signed certificate made at start-up (the kubeconfig carries its CA);
 * browsers, the development host and scripts may keep using plain HTTP on the same port. The first
 * byte of a connection decides: 0x16 opens a TLS handshake.
 */
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type RequestListener,
  type Server as HttpServer,
} from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { generate } from 'selfsigned';

const TLS_HANDSHAKE = 0x16;

export interface DualProtocolServer {
  /** PEM of the self-signed certificate (also its own CA). */
  certificate: string;
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

/** An HTTP `Upgrade` request (WebSocket watches), with its raw connection. */
export type UpgradeListener = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

export async function createDualProtocolServer(
  handler: RequestListener,
  host: string,
  upgradeHandler?: UpgradeListener,
): Promise<DualProtocolServer> {
  const names: ({ type: 2; value: string } | { type: 7; ip: string })[] = [
    { type: 2, value: 'localhost' },
    { type: 7, ip: '127.0.0.1' },
    { type: 7, ip: '::1' },
  ];
  if (/^[\d.]+$/.test(host) || host.includes(':')) {
    if (!['127.0.0.1', '::1', '0.0.0.0', '::'].includes(host)) names.push({ type: 7, ip: host });
  } else if (host !== 'localhost') {
    names.push({ type: 2, value: host });
  }
  const pems = await generate([{ name: 'commonName', value: 'gpu-partitioning-sandbox' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: names },
    ],
  });
  const plain: HttpServer = createHttpServer(handler);
  const secure: HttpsServer = createHttpsServer({ key: pems.private, cert: pems.cert }, handler);
  // Watches are long-lived; Node's default request timeout would cut them.
  plain.requestTimeout = 0;
  secure.requestTimeout = 0;
  // Go clients (the console's bridge, kubectl) keep idle connections for 90 s and reuse them, as
  // kube-apiserver allows. Node closes them after 5 s, and a PATCH sent on a connection closed at
  // that moment fails in the browser as "Failed to fetch" (seen once in the real-console suite).
  for (const server of [plain, secure]) {
    server.keepAliveTimeout = 120_000;
    server.headersTimeout = 125_000;
  }
  if (upgradeHandler) {
    plain.on('upgrade', upgradeHandler);
    secure.on('upgrade', upgradeHandler);
  }
  const sockets = new Set<Socket>();
  const front: NetServer = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.once('data', (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === TLS_HANDSHAKE ? secure : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
    socket.on('error', () => socket.destroy());
  });
  return {
    certificate: pems.cert,
    listen: (port, bindHost) =>
      new Promise((resolve, reject) => {
        front.once('error', reject);
        front.listen(port, bindHost, () => {
          front.off('error', reject);
          const address = front.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: async () => {
      plain.closeAllConnections();
      secure.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => front.close(() => resolve()));
    },
  };
}
