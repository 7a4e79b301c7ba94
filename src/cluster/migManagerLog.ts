/**
 * Reads the nvidia-mig-manager's log and says why the last reconfiguration failed or stalls. The
 * mig-manager writes only `failed` into the node label; the reason is in its pod log (geometry
 * notes sections 9 and 12). Pure: returns codes and the evidence line; the UI words them.
 */

export type MigFailureCode =
  /** A process holds the GPU or a MIG device: user pods (never drained) or host clients. */
  | 'in-use'
  /** The nvidia_drm kernel module blocks the GPU reset a MIG mode change needs. */
  | 'nvidia-drm'
  /** The GPU reset itself failed (hypervisor / passthrough without reboot). */
  | 'gpu-reset'
  /** mig-parted could not create the instances (no placement, leftovers, too many). */
  | 'insufficient-resources'
  /** The label names a config the file does not have. */
  | 'config-not-found'
  /** The config file does not parse or validate. */
  | 'invalid-config'
  /** An operand pod did not stop; the mig-manager gives up without writing a state. */
  | 'operand-not-stopping'
  /** A reboot was started to change the MIG mode. */
  | 'rebooting'
  /** The node came back from a reboot and the MIG mode still did not change. */
  | 'mode-not-applied-after-reboot';

export interface MigLogFinding {
  code: MigFailureCode;
  /** The log line that shows it (trimmed of the logrus prefix). */
  evidence: string;
  /** Pods named by the log as holding the GPU (`namespace/name`). */
  pods?: string[];
  /** The config name the log mentions, when relevant. */
  configName?: string;
  /** Operand the mig-manager is waiting for. */
  operand?: string;
}

export interface MigLogReading {
  /** The config of the last run (`Updating to MIG config: X`), when the log reaches back that far. */
  configName?: string;
  /** How the last run ended, as far as the log says. */
  outcome: 'success' | 'failed' | 'running' | 'unknown';
  /** Most specific first. */
  findings: MigLogFinding[];
  /** The lines of the last run, for "show the log". */
  lines: string[];
}

/** `time="…" level=error msg="text"` → `text`; other lines unchanged. */
export function logMessage(line: string): string {
  const match = /\bmsg="((?:[^"\\]|\\.)*)"/.exec(line);
  return (match ? match[1].replace(/\\"/g, '"') : line).trim();
}

interface Rule {
  code: MigFailureCode;
  pattern: RegExp;
}

// Order = precedence: nvidia_drm lines also say "In use by another client".
const RULES: Rule[] = [
  { code: 'nvidia-drm', pattern: /nvidia_drm/i },
  {
    code: 'mode-not-applied-after-reboot',
    pattern: /did not take effect after reboot|after reboot.*not applied/i,
  },
  { code: 'in-use', pattern: /in use by another client/i },
  { code: 'gpu-reset', pattern: /unable to reset GPU|GPU reset (?:failed|not supported)/i },
  { code: 'insufficient-resources', pattern: /insufficient resources/i },
  {
    code: 'config-not-found',
    pattern: /selected mig-config not present|mig-config .*not (?:present|found)/i,
  },
  {
    code: 'invalid-config',
    pattern:
      /error parsing configuration file|invalid MIG configuration|failed to validate MIG configuration/i,
  },
];

/**
 * The mig-manager's line after any failed `assert --valid-config`, a missing config name as much
 * as a broken file: it says the file is at fault only when no other line names the cause.
 */
const VALIDATION_FAILED = /unable to validate the selected MIG configuration/i;

const RUN_START = /Updating to MIG config: (\S+)/;
const SUCCESS = /Successfully updated to MIG config/;
const FAILED =
  /Changing the 'nvidia\.com\/mig\.config\.state' node label to 'failed'|level=fatal msg="Error|Error: exit status/;
const WAITING_FOR_OPERAND = /^Waiting for (?:the )?(\S+?) to shutdown/;
const REBOOTING = /Rebooting the node|node label to 'rebooting'/;
const BUSY_PODS = /GPU processes still running in pods: (.+)$/;

/**
 * Interprets a mig-manager log (any amount of it). Only the last run counts: earlier failures were
 * already followed by another label change. Never throws; anything but text reads as an empty log.
 */
export function readMigManagerLog(text: string): MigLogReading {
  const all = (typeof text === 'string' ? text : '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  let start = 0;
  let configName: string | undefined;
  all.forEach((line, index) => {
    const match = RUN_START.exec(logMessage(line));
    if (match) {
      start = index;
      configName = match[1];
    }
  });
  const lines = all.slice(start);
  const findings: MigLogFinding[] = [];
  const seen = new Set<MigFailureCode>();
  const add = (finding: MigLogFinding) => {
    if (seen.has(finding.code)) return;
    seen.add(finding.code);
    findings.push(finding);
  };

  for (const line of lines) {
    const message = logMessage(line);
    for (const rule of RULES) {
      if (!rule.pattern.test(message)) continue;
      const finding: MigLogFinding = { code: rule.code, evidence: message };
      if (rule.code === 'config-not-found') {
        const name = /not present:\s*(\S+)/.exec(message)?.[1] ?? configName;
        if (name) finding.configName = name;
      }
      add(finding);
      break;
    }
    const busy = BUSY_PODS.exec(message);
    if (busy) {
      const pods = busy[1]
        .split(',')
        .map((pod) => pod.trim())
        .filter(Boolean);
      const existing = findings.find((finding) => finding.code === 'in-use');
      if (existing) existing.pods = pods;
      else add({ code: 'in-use', evidence: message, pods });
    }
  }

  const validationFailed = lines.find((line) => VALIDATION_FAILED.test(logMessage(line)));
  if (validationFailed && !seen.has('config-not-found')) {
    add({ code: 'invalid-config', evidence: logMessage(validationFailed) });
  }

  const successAt = lines.findIndex((line) => SUCCESS.test(line));
  const failed = lines.some((line) => FAILED.test(line));
  let outcome: MigLogReading['outcome'] = 'unknown';
  if (successAt >= 0 && !failed) outcome = 'success';
  else if (failed) outcome = 'failed';
  else if (configName !== undefined) outcome = 'running';

  if (outcome === 'running') {
    const last = logMessage(lines[lines.length - 1] ?? '');
    const waiting = WAITING_FOR_OPERAND.exec(last);
    if (waiting) add({ code: 'operand-not-stopping', evidence: last, operand: waiting[1] });
    if (lines.some((line) => REBOOTING.test(line))) {
      add({
        code: 'rebooting',
        evidence: logMessage(lines.find((line) => REBOOTING.test(line)) ?? ''),
      });
    }
  }

  const reading: MigLogReading = { outcome, findings, lines };
  if (configName !== undefined) reading.configName = configName;
  return reading;
}

/** Pod label selecting the mig-manager DaemonSet's pods in the operator namespace. */
export const MIG_MANAGER_POD_SELECTOR = { matchLabels: { app: 'nvidia-mig-manager' } };

/** How many log lines to fetch: a full run is about 60 lines; 200 covers the last few. */
export const MIG_MANAGER_LOG_TAIL_LINES = 200;

/** The console proxy path of a pod's log (`consoleFetch` target). */
export function podLogPath(namespace: string, pod: string, tailLines = MIG_MANAGER_LOG_TAIL_LINES) {
  return `/api/kubernetes/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/log?tailLines=${tailLines}`;
}
