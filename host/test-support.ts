/**
 * Test helpers for the shim's watches outside a browser: a host server in front of a sandbox
 * (the shim's lists and WebSocket watches go through it, as in the demo), and a watch socket
 * built on the `ws` client, which Node 20 lacks as a global.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import type { RunningSandbox } from '../sandbox/server';
import type { WatchSocket } from './sdk/k8s/watch';
import { type RunningHostServer, startHostServer } from './server';

export type TestHost = RunningHostServer & { wsURL: string };

/** A host server proxying to the sandbox as `admin`, `viewer` or `nobody` (no token), with a stub page. */
export const startTestHost = async (sandbox: RunningSandbox): Promise<TestHost> => {
  const staticDir = mkdtempSync(join(tmpdir(), 'host-test-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>host</title>');
  const host = await startHostServer({
    port: 0,
    staticDir,
    apiURL: sandbox.url,
    users: { admin: sandbox.adminToken, viewer: sandbox.viewerToken, nobody: undefined },
    mode: 'sandbox',
  });
  return {
    ...host,
    wsURL: host.url.replace(/^http/, 'ws'),
    close: async () => {
      await host.close();
      rmSync(staticDir, { recursive: true, force: true });
    },
  };
};

export type NodeWatchSocketOptions = {
  /** The connection opens only once this settles (to hold a watch back). */
  gate?: Promise<void>;
  /** Sees every message before the shim does. */
  observe?: (data: string) => void;
};

/** The browser WebSocket surface the shim uses, on the `ws` client. */
export class NodeWatchSocket implements WatchSocket {
  onmessage: WatchSocket['onmessage'] = null;
  onclose: WatchSocket['onclose'] = null;
  onerror: WatchSocket['onerror'] = null;
  private socket: WebSocket | undefined;
  private closed = false;

  constructor(url: string, options: NodeWatchSocketOptions = {}) {
    if (options.gate) void options.gate.then(() => this.open(url, options));
    else this.open(url, options);
  }

  private open(url: string, { observe }: NodeWatchSocketOptions) {
    if (this.closed) return;
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.on('message', (data) => {
      const text = String(data);
      observe?.(text);
      this.onmessage?.({ data: text });
    });
    socket.on('close', (code, reason) =>
      this.onclose?.({ code, reason: String(reason), wasClean: code === 1000 }),
    );
    socket.on('error', (error) => this.onerror?.(error));
  }

  get isOpen() {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  close(code?: number, reason?: string) {
    this.closed = true;
    this.socket?.close(code, reason);
  }

  /** Drops the connection without a closing handshake, as a network failure would. */
  terminate() {
    this.closed = true;
    this.socket?.terminate();
  }
}
