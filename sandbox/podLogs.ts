/**
 * Container logs. Not API objects (the kubelet serves them), so they live beside the store; the
 * simulated operator writes the mig-manager's log here and `GET .../pods/<pod>/log` reads it.
 */
import { EventEmitter } from 'node:events';

export class PodLogs {
  private readonly lines = new Map<string, string[]>();
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  private static id(namespace: string, pod: string): string {
    return `${namespace}/${pod}`;
  }

  append(namespace: string, pod: string, text: string): void {
    const id = PodLogs.id(namespace, pod);
    const entries = this.lines.get(id) ?? [];
    const added = text.replace(/\n$/, '').split('\n');
    entries.push(...added);
    this.lines.set(id, entries);
    this.emitter.emit(id, added);
  }

  read(namespace: string, pod: string): string[] {
    return [...(this.lines.get(PodLogs.id(namespace, pod)) ?? [])];
  }

  /** Calls `onLines` with every later append; returns the unsubscribe function. */
  follow(namespace: string, pod: string, onLines: (lines: string[]) => void): () => void {
    const id = PodLogs.id(namespace, pod);
    this.emitter.on(id, onLines);
    return () => this.emitter.off(id, onLines);
  }

  remove(namespace: string, pod: string): void {
    this.lines.delete(PodLogs.id(namespace, pod));
  }

  snapshot(): Record<string, string[]> {
    return Object.fromEntries(this.lines);
  }

  restore(saved: Record<string, string[]> | undefined): void {
    this.lines.clear();
    for (const [id, lines] of Object.entries(saved ?? {})) this.lines.set(id, [...lines]);
  }
}
