/**
 * MIG catalog source data: a verbatim copy of the reference catalog `mig-profiles.json` (compiled
 * from public NVIDIA sources, see the geometry notes), minus its `schema` key. Kept as TypeScript
 * so webpack, jest and tsx load it with no JSON or asset configuration, and so the plugin never
 * needs the reference folder at build or run time. `catalog.ts` turns these rows into `GpuModel`s;
 * `catalog.test.ts` checks that this copy still equals the reference file.
 *
 * Regenerate from the repository root: `node -e "$(sed -n '/^\/\/ GENERATOR/,$p' ...)"` is not
 * needed; the conversion is a plain JSON dump: replace the object below with the reference file's
 * `sources`, `generatedFor` and `models` keys and run prettier.
 */

/** One profile row as the reference catalog writes it; absent fields are unknown. */
export interface RawMigProfile {
  name: string;
  computeSlices: number;
  memorySlices: number;
  memoryFraction: string;
  maxInstances: number;
  placements?: Array<{ start: number; size: number }>;
  memoryMiB?: number;
  multiprocessors?: number;
  copyEngines?: number;
  decoders?: number;
  encoders?: number;
  jpeg?: number;
  ofa?: number;
  giProfileId?: number;
  nvmlProfile?: string;
  sources: string[];
  unconfirmed: string[];
  notes?: string;
}

/** One GPU model as the reference catalog writes it; `null` means unknown. */
export interface RawGpuModel {
  id: string;
  displayName: string;
  architecture: string;
  pciDeviceIds: string[];
  pciIdsNames: Record<string, string>;
  /** May carry a " (unconfirmed)" suffix. */
  nvmlNames: string[];
  gfdProduct: string[];
  totalMemoryMiB: number | null;
  computeSlices: number;
  placementUnits: number | null;
  memorySlices: number;
  status: string;
  notes?: string[];
  /** Profile name on current drivers → the name older drivers used. */
  olderDriverNames?: Record<string, string>;
  profiles: RawMigProfile[];
}

export interface RawCatalog {
  /** Source key → description (the keys used by `sources` fields). */
  sources: Record<string, string>;
  generatedFor: string;
  models: RawGpuModel[];
}

export const RAW_CATALOG: RawCatalog = {
  "sources": {
    "docs": "docs.nvidia.com/datacenter/tesla/mig-user-guide/supported-mig-profiles.html (scraped copies in public repos: auldsyababua/og-ai-inference-research docs/nvidia-manuals/H100-MIG-Configuration-Guide.md [v580] and a newer scrape incl. RTX PRO 4500/Thor)",
    "docs-getting-started": "docs.nvidia.com/datacenter/tesla/mig-user-guide (Getting Started: -lgipp example, A100-40GB IDs 19/20/15/14/9/5/0)",
    "mpconfig": "NVIDIA/mig-parted deployments/systemd/config-default.yaml @219e780 (== NVIDIA/gpu-operator assets/state-mig-manager/0400_configmap.yaml)",
    "pciids": "pciutils/pciids pci.ids @c1c1254 (2026-08-22)",
    "a30-hw": "public A30 transcript, driver 535.183.01 (nvidia-smi mig -lgip/-lgipp/-lgi; found via code index, Vietnamese notes); same values in a Go test fixture SMIOUTPUT_A30",
    "a100-40-hw": "public A100-40GB -lgip transcripts (IDs 19/20/15/14/9/5/0, 4.75/9.62/19.50/39.25 GiB, SM 14/28/42/56/98)",
    "a100-80-hw": "public A100-80GB -lgip transcripts (1g.10gb 9.50 GiB SM14 DEC0; 7g.80gb 79.00/79.25/78.75 GiB SM98), mig-parted issue #31",
    "h100sxm-hw": "public H100 80GB HBM3 -lgip (Slurm appliance doc, 4 GPUs) + NVIDIA/cloud-native-docs gpu-operator/manifests/output/mig-mixed-node-labels.json + MIG guide MPS example (3g.40gb 40448MiB/60 SM)",
    "h100pcie-hw": "scaleway/docs-content pages/gpu/how-to/use-nvidia-mig-technology.mdx (NVIDIA H100 PCIe, driver 525.125.06, -lgip/-lgipp/-lgi)",
    "h100nvl-hw": "AlizeeChen11/mig-and-mps mig/README.md (NVIDIA H100 NVL, driver 560.35.03, -lgip/-lgipp); NVIDIA/gpu-operator PR #900 and NVIDIA/mig-parted PR #101 (same -lgip)",
    "gh200-96-hw": "kf-cuanschutz (Grace Hopper benchmarking logs) Slurm MIG notes: -lgip on a GH200 (PCI domain 0009), 1g.12gb 11.00 GiB ... 7g.96gb 93.00 GiB",
    "gh200-144-hw": "NVIDIA/mig-parted PR #139 and NVIDIA/gpu-operator PR #1057 (GH200 144G HBM3e -lgip, first four rows visible)",
    "h200-hw": "NVIDIA/mig-parted issue #120 (H200 -lgip, 8 GPUs)",
    "b200-hw": "NVIDIA/mig-parted PR #166 + NVIDIA/gpu-operator PR #1242 (Jan 2025) and PR #187/#1351 (Mar 2025): B200 -lgip, first four rows visible",
    "gb200-hw": "NVIDIA/gpu-operator PR #1303 (Mar 2025, names 1g.24gb...) and NVIDIA/mig-parted issue #227 (Aug 2025, names 1g.23gb...): -lgip, first four rows visible",
    "rtx6000-hw": "public RTX PRO 6000 Blackwell Server Edition walkthrough (host gpu-rtxpro6000-8: -lgip, -lgipp, -lgi); GoogleCloudPlatform/container-engine-accelerators PR #564 (same IDs, 23.62 GiB); bigstack-oss/cubecos issue #312 (other driver: 23.12/46.50 GiB)",
    "gke": "GoogleCloudPlatform/container-engine-accelerators partition_gpu/partition_gpu.go (profile-name -> GI profile id, max count)",
    "dra": "kubernetes-sigs/dra-driver-nvidia-gpu cmd/gpu-kubelet-plugin/partitions.go (comment: B200 3g.90gb consumes 4 of 8 memory slices)",
    "vgpu-docs": "NVIDIA AI Enterprise / vGPU docs MIG-backed vGPU tables (H20 SXM5 96GB: 7g.96gb/4g.48gb/3g.48gb/2g.24gb/1g.24gb/1g.12gb/1g.12gb+me; A800 PCIe 40GB: 7g.40gb..1g.5gb+me)"
  },
  "generatedFor": "gpu-partitioning-plugin reference data (compiled from public NVIDIA sources), November 2026",
  "models": [
    {
      "id": "a30-24gb",
      "displayName": "NVIDIA A30 24GB",
      "architecture": "Ampere (GA100)",
      "pciDeviceIds": [
        "0x20B710DE"
      ],
      "pciIdsNames": {
        "0x20B7": "GA100GL [A30 PCIe]"
      },
      "nvmlNames": [
        "NVIDIA A30"
      ],
      "gfdProduct": [
        "NVIDIA-A30"
      ],
      "totalMemoryMiB": 24576,
      "computeSlices": 4,
      "placementUnits": 4,
      "memorySlices": 4,
      "status": "confirmed (hardware -lgip/-lgipp + NVIDIA docs)",
      "notes": [
        "4 compute slices x 4 memory slices; placements are in units of 1/4 of memory.",
        "Docs list 0 NVDECs for 1g.6gb but real -lgip (driver 535) shows DEC=1: hardware value used.",
        "4g.24gb memory: 23.44 GiB (24000 MiB) on driver 535.183.01; another public transcript shows 23.50 GiB (24064 MiB).",
        "mig-parted hardcodes A30 profiles because NVML reports wrong InstanceCount on A30 (pkg/mig/discovery/discovery.go)."
      ],
      "profiles": [
        {
          "name": "1g.6gb",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/4",
          "maxInstances": 4,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            }
          ],
          "memoryMiB": 5952,
          "multiprocessors": 14,
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 0,
          "ofa": 0,
          "giProfileId": 14,
          "nvmlProfile": "1_SLICE",
          "sources": [
            "docs",
            "a30-hw",
            "mpconfig"
          ],
          "unconfirmed": []
        },
        {
          "name": "1g.6gb+me",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/4",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            }
          ],
          "memoryMiB": 5952,
          "multiprocessors": 14,
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 1,
          "giProfileId": 21,
          "nvmlProfile": "1_SLICE_REV1",
          "sources": [
            "docs",
            "a30-hw",
            "mpconfig"
          ],
          "unconfirmed": [],
          "notes": "available from R470"
        },
        {
          "name": "2g.12gb",
          "computeSlices": 2,
          "memorySlices": 2,
          "memoryFraction": "2/4",
          "maxInstances": 2,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            }
          ],
          "memoryMiB": 11968,
          "multiprocessors": 28,
          "copyEngines": 2,
          "decoders": 2,
          "encoders": 0,
          "jpeg": 0,
          "ofa": 0,
          "giProfileId": 5,
          "nvmlProfile": "2_SLICE",
          "sources": [
            "docs",
            "a30-hw",
            "mpconfig"
          ],
          "unconfirmed": []
        },
        {
          "name": "2g.12gb+me",
          "computeSlices": 2,
          "memorySlices": 2,
          "memoryFraction": "2/4",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            }
          ],
          "memoryMiB": 11968,
          "multiprocessors": 28,
          "copyEngines": 2,
          "decoders": 2,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 1,
          "giProfileId": 6,
          "nvmlProfile": "2_SLICE_REV1",
          "sources": [
            "docs",
            "a30-hw",
            "mpconfig"
          ],
          "unconfirmed": [],
          "notes": "available from R525"
        },
        {
          "name": "4g.24gb",
          "computeSlices": 4,
          "memorySlices": 4,
          "memoryFraction": "4/4",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 4
            }
          ],
          "memoryMiB": 24000,
          "multiprocessors": 56,
          "copyEngines": 4,
          "decoders": 4,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 1,
          "giProfileId": 0,
          "nvmlProfile": "4_SLICE",
          "sources": [
            "docs",
            "a30-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "memoryMiB (24000 vs 24064 depending on driver)"
          ]
        }
      ]
    },
    {
      "id": "a100-40gb",
      "displayName": "NVIDIA A100 40GB (SXM4 and PCIe); A800 40GB PCIe",
      "architecture": "Ampere (GA100)",
      "pciDeviceIds": [
        "0x20B010DE",
        "0x20B110DE",
        "0x20F110DE",
        "0x20F610DE"
      ],
      "pciIdsNames": {
        "0x20B0": "GA100 [A100 SXM4 40GB]",
        "0x20B1": "GA100 [A100 PCIe 40GB]",
        "0x20F1": "GA100 [A100 PCIe 40GB]",
        "0x20F6": "GA100 [A800 40GB PCIe]"
      },
      "nvmlNames": [
        "NVIDIA A100-SXM4-40GB",
        "NVIDIA A100-PCIE-40GB"
      ],
      "gfdProduct": [
        "NVIDIA-A100-SXM4-40GB",
        "NVIDIA-A100-PCIE-40GB"
      ],
      "totalMemoryMiB": 40960,
      "computeSlices": 7,
      "placementUnits": 8,
      "memorySlices": 8,
      "status": "confirmed for A100-SXM4-40GB (docs -lgipp + hardware -lgip); PCIe 40GB and A800 40GB assumed identical (mig-parted groups them) - unconfirmed",
      "notes": [
        "gpu.memory label seen as 40536 on an A100-SXM4-40GB with driver 470 (NVIDIA/cloud-native-docs openshift/mig-ocp.rst); NVML total is 40960 on others.",
        "Before R510 the combination 4g.20gb + 3g.20gb was not supported; newer drivers allow it (MIG guide, Concepts).",
        "nvidia-smi requires 3g.20gb to be created first in '-cgi' lists for 3-2-1-1 (documented API quirk); mig-parted retries all orderings."
      ],
      "profiles": [
        {
          "name": "1g.5gb",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/8",
          "maxInstances": 7,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            },
            {
              "start": 4,
              "size": 1
            },
            {
              "start": 5,
              "size": 1
            },
            {
              "start": 6,
              "size": 1
            }
          ],
          "memoryMiB": 4864,
          "multiprocessors": 14,
          "copyEngines": 1,
          "decoders": 0,
          "encoders": 0,
          "jpeg": 0,
          "ofa": 0,
          "giProfileId": 19,
          "nvmlProfile": "1_SLICE",
          "sources": [
            "docs",
            "docs-getting-started",
            "a100-40-hw",
            "mpconfig"
          ],
          "unconfirmed": []
        },
        {
          "name": "1g.5gb+me",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            },
            {
              "start": 4,
              "size": 1
            },
            {
              "start": 5,
              "size": 1
            },
            {
              "start": 6,
              "size": 1
            }
          ],
          "memoryMiB": 4864,
          "multiprocessors": 14,
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 1,
          "giProfileId": 20,
          "nvmlProfile": "1_SLICE_REV1",
          "sources": [
            "docs",
            "docs-getting-started",
            "a100-40-hw",
            "mpconfig"
          ],
          "unconfirmed": [],
          "notes": "available from R470"
        },
        {
          "name": "1g.10gb",
          "computeSlices": 1,
          "memorySlices": 2,
          "memoryFraction": "2/8",
          "maxInstances": 4,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            },
            {
              "start": 4,
              "size": 2
            },
            {
              "start": 6,
              "size": 2
            }
          ],
          "memoryMiB": 9856,
          "multiprocessors": 14,
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 0,
          "ofa": 0,
          "giProfileId": 15,
          "nvmlProfile": "1_SLICE_REV2",
          "sources": [
            "docs",
            "docs-getting-started",
            "a100-40-hw",
            "mpconfig"
          ],
          "unconfirmed": [],
          "notes": "available from R525; docs table prints 'Fraction of Memory 1/8' but placement size is 2 and memory equals 2g.10gb"
        },
        {
          "name": "2g.10gb",
          "computeSlices": 2,
          "memorySlices": 2,
          "memoryFraction": "2/8",
          "maxInstances": 3,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            },
            {
              "start": 4,
              "size": 2
            }
          ],
          "memoryMiB": 9856,
          "multiprocessors": 28,
          "copyEngines": 2,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 0,
          "ofa": 0,
          "giProfileId": 14,
          "nvmlProfile": "2_SLICE",
          "sources": [
            "docs",
            "docs-getting-started",
            "a100-40-hw",
            "mpconfig"
          ],
          "unconfirmed": [],
          "notes": "older drivers report 9.75 GiB (9984 MiB)"
        },
        {
          "name": "3g.20gb",
          "computeSlices": 3,
          "memorySlices": 4,
          "memoryFraction": "4/8",
          "maxInstances": 2,
          "placements": [
            {
              "start": 0,
              "size": 4
            },
            {
              "start": 4,
              "size": 4
            }
          ],
          "memoryMiB": 19968,
          "multiprocessors": 42,
          "copyEngines": 3,
          "decoders": 2,
          "encoders": 0,
          "jpeg": 0,
          "ofa": 0,
          "giProfileId": 9,
          "nvmlProfile": "3_SLICE",
          "sources": [
            "docs",
            "docs-getting-started",
            "a100-40-hw",
            "mpconfig"
          ],
          "unconfirmed": [],
          "notes": "older drivers report 19.62 GiB (20096 MiB)"
        },
        {
          "name": "4g.20gb",
          "computeSlices": 4,
          "memorySlices": 4,
          "memoryFraction": "4/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 4
            }
          ],
          "memoryMiB": 19968,
          "multiprocessors": 56,
          "copyEngines": 4,
          "decoders": 2,
          "encoders": 0,
          "jpeg": 0,
          "ofa": 0,
          "giProfileId": 5,
          "nvmlProfile": "4_SLICE",
          "sources": [
            "docs",
            "docs-getting-started",
            "a100-40-hw",
            "mpconfig"
          ],
          "unconfirmed": []
        },
        {
          "name": "7g.40gb",
          "computeSlices": 7,
          "memorySlices": 8,
          "memoryFraction": "8/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 8
            }
          ],
          "memoryMiB": 40192,
          "multiprocessors": 98,
          "copyEngines": 7,
          "decoders": 5,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 1,
          "giProfileId": 0,
          "nvmlProfile": "7_SLICE",
          "sources": [
            "docs",
            "docs-getting-started",
            "a100-40-hw",
            "mpconfig"
          ],
          "unconfirmed": []
        }
      ]
    },
    {
      "id": "a100-80gb",
      "displayName": "NVIDIA A100 80GB (SXM4 and PCIe); A800 80GB (SXM4 and PCIe)",
      "architecture": "Ampere (GA100)",
      "pciDeviceIds": [
        "0x20B210DE",
        "0x20B510DE",
        "0x20F310DE",
        "0x20F510DE"
      ],
      "pciIdsNames": {
        "0x20B2": "GA100 [A100 SXM4 80GB]",
        "0x20B5": "GA100 [A100 PCIe 80GB]",
        "0x20F3": "GA100 [A800-SXM4-80GB]",
        "0x20F5": "GA100 [A800 80GB PCIe]"
      },
      "nvmlNames": [
        "NVIDIA A100-SXM4-80GB",
        "NVIDIA A100 80GB PCIe",
        "NVIDIA A800 80GB PCIe"
      ],
      "gfdProduct": [
        "NVIDIA-A100-SXM4-80GB",
        "NVIDIA-A100-80GB-PCIe",
        "NVIDIA-A800-80GB-PCIe"
      ],
      "totalMemoryMiB": 81920,
      "computeSlices": 7,
      "placementUnits": 8,
      "memorySlices": 8,
      "status": "profiles, counts, SMs, engines confirmed from hardware -lgip; placements taken from the A100 diagram/40GB -lgipp (no raw 80GB -lgipp seen) - placements unconfirmed on 80GB; memory MiB varies by driver",
      "notes": [
        "Memory sizes differ by driver and SKU: 3g/4g.40gb 39.25 GiB (40192) or 39.50 GiB (40448); 7g.80gb 78.75/79.00/79.25 GiB.",
        "Some 535.x/545.x drivers named the 3-slice profile 3g.39gb instead of 3g.40gb (NVIDIA/mig-parted issue #31).",
        "1g.20gb (4 instances) exists from R525 per docs; no hardware transcript with it was found."
      ],
      "olderDriverNames": {
        "3g.40gb": "3g.39gb (some 535.x/545.x drivers)"
      },
      "profiles": [
        {
          "name": "1g.10gb",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/8",
          "maxInstances": 7,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            },
            {
              "start": 4,
              "size": 1
            },
            {
              "start": 5,
              "size": 1
            },
            {
              "start": 6,
              "size": 1
            }
          ],
          "memoryMiB": 9728,
          "multiprocessors": 14,
          "copyEngines": 1,
          "decoders": 0,
          "encoders": 0,
          "jpeg": 0,
          "ofa": 0,
          "giProfileId": 19,
          "nvmlProfile": "1_SLICE",
          "sources": [
            "docs",
            "a100-80-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "placements (inferred from A100 40GB)"
          ]
        },
        {
          "name": "1g.10gb+me",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            },
            {
              "start": 4,
              "size": 1
            },
            {
              "start": 5,
              "size": 1
            },
            {
              "start": 6,
              "size": 1
            }
          ],
          "memoryMiB": 9728,
          "multiprocessors": 14,
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 1,
          "giProfileId": 20,
          "nvmlProfile": "1_SLICE_REV1",
          "sources": [
            "docs",
            "a100-80-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "placements (inferred from A100 40GB)"
          ]
        },
        {
          "name": "1g.20gb",
          "computeSlices": 1,
          "memorySlices": 2,
          "memoryFraction": "2/8",
          "maxInstances": 4,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            },
            {
              "start": 4,
              "size": 2
            },
            {
              "start": 6,
              "size": 2
            }
          ],
          "multiprocessors": 14,
          "copyEngines": 1,
          "encoders": 0,
          "ofa": 0,
          "giProfileId": 15,
          "nvmlProfile": "1_SLICE_REV2",
          "sources": [
            "docs",
            "mpconfig"
          ],
          "unconfirmed": [
            "memoryMiB",
            "decoders",
            "jpeg",
            "placements (inferred)",
            "multiprocessors (14 assumed = one A100 slice)"
          ]
        },
        {
          "name": "2g.20gb",
          "computeSlices": 2,
          "memorySlices": 2,
          "memoryFraction": "2/8",
          "maxInstances": 3,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            },
            {
              "start": 4,
              "size": 2
            }
          ],
          "memoryMiB": 19968,
          "multiprocessors": 28,
          "copyEngines": 2,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 0,
          "ofa": 0,
          "giProfileId": 14,
          "nvmlProfile": "2_SLICE",
          "sources": [
            "docs",
            "a100-80-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "placements (inferred from A100 40GB)"
          ]
        },
        {
          "name": "3g.40gb",
          "computeSlices": 3,
          "memorySlices": 4,
          "memoryFraction": "4/8",
          "maxInstances": 2,
          "placements": [
            {
              "start": 0,
              "size": 4
            },
            {
              "start": 4,
              "size": 4
            }
          ],
          "memoryMiB": 40192,
          "multiprocessors": 42,
          "copyEngines": 3,
          "decoders": 2,
          "encoders": 0,
          "jpeg": 0,
          "ofa": 0,
          "giProfileId": 9,
          "nvmlProfile": "3_SLICE",
          "sources": [
            "docs",
            "a100-80-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "memoryMiB (40192 or 40448 by driver/SKU)",
            "placements (inferred)"
          ]
        },
        {
          "name": "4g.40gb",
          "computeSlices": 4,
          "memorySlices": 4,
          "memoryFraction": "4/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 4
            }
          ],
          "memoryMiB": 40192,
          "multiprocessors": 56,
          "copyEngines": 4,
          "decoders": 2,
          "encoders": 0,
          "jpeg": 0,
          "ofa": 0,
          "giProfileId": 5,
          "nvmlProfile": "4_SLICE",
          "sources": [
            "docs",
            "a100-80-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "memoryMiB (40192 or 40448 by driver/SKU)",
            "placements (inferred)"
          ]
        },
        {
          "name": "7g.80gb",
          "computeSlices": 7,
          "memorySlices": 8,
          "memoryFraction": "8/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 8
            }
          ],
          "memoryMiB": 80896,
          "multiprocessors": 98,
          "copyEngines": 7,
          "decoders": 5,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 1,
          "giProfileId": 0,
          "nvmlProfile": "7_SLICE",
          "sources": [
            "docs",
            "a100-80-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "memoryMiB (80640/80896/81152 by driver/SKU)",
            "placements (inferred)"
          ]
        }
      ]
    },
    {
      "id": "h100-80gb-sxm5",
      "displayName": "NVIDIA H100 SXM5 80GB (H100 80GB HBM3); H800 (SXM) 80GB",
      "architecture": "Hopper (GH100)",
      "pciDeviceIds": [
        "0x233010DE",
        "0x232410DE"
      ],
      "pciIdsNames": {
        "0x2330": "GH100 [H100 SXM5 80GB]",
        "0x2324": "GH100 [H800]"
      },
      "nvmlNames": [
        "NVIDIA H100 80GB HBM3",
        "NVIDIA H800 (unconfirmed)"
      ],
      "gfdProduct": [
        "NVIDIA-H100-80GB-HBM3"
      ],
      "totalMemoryMiB": 81559,
      "computeSlices": 7,
      "placementUnits": 8,
      "memorySlices": 8,
      "status": "confirmed for 0x2330 (public -lgip/-lgipp, NVIDIA docs and GFD label samples); H800 0x2324 assumed identical (mig-parted groups it) - unconfirmed",
      "notes": [
        "GFD mixed-strategy labels on this GPU: mig-1g.10gb.memory=9984, mig-2g.20gb.memory=20096, mig-3g.40gb.memory=40320 (device attribute, smaller than the 40448 MiB GI profile size).",
        "4g.40gb + 3g.40gb on one GPU is a documented valid custom layout (NVIDIA gpu-operator docs custom-mig example)."
      ],
      "profiles": [
        {
          "name": "1g.10gb",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/8",
          "maxInstances": 7,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            },
            {
              "start": 4,
              "size": 1
            },
            {
              "start": 5,
              "size": 1
            },
            {
              "start": 6,
              "size": 1
            }
          ],
          "memoryMiB": 9984,
          "multiprocessors": 16,
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 0,
          "giProfileId": 19,
          "nvmlProfile": "1_SLICE",
          "sources": [
            "docs",
            "h100sxm-hw",
            "mpconfig"
          ],
          "unconfirmed": []
        },
        {
          "name": "1g.10gb+me",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            },
            {
              "start": 4,
              "size": 1
            },
            {
              "start": 5,
              "size": 1
            },
            {
              "start": 6,
              "size": 1
            }
          ],
          "memoryMiB": 9984,
          "multiprocessors": 16,
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 1,
          "giProfileId": 20,
          "nvmlProfile": "1_SLICE_REV1",
          "sources": [
            "docs",
            "h100sxm-hw",
            "mpconfig"
          ],
          "unconfirmed": []
        },
        {
          "name": "1g.20gb",
          "computeSlices": 1,
          "memorySlices": 2,
          "memoryFraction": "2/8",
          "maxInstances": 4,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            },
            {
              "start": 4,
              "size": 2
            },
            {
              "start": 6,
              "size": 2
            }
          ],
          "memoryMiB": 20096,
          "multiprocessors": 26,
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 0,
          "giProfileId": 15,
          "nvmlProfile": "1_SLICE_REV2",
          "sources": [
            "docs",
            "h100sxm-hw",
            "mpconfig"
          ],
          "unconfirmed": []
        },
        {
          "name": "2g.20gb",
          "computeSlices": 2,
          "memorySlices": 2,
          "memoryFraction": "2/8",
          "maxInstances": 3,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            },
            {
              "start": 4,
              "size": 2
            }
          ],
          "memoryMiB": 20096,
          "multiprocessors": 32,
          "copyEngines": 2,
          "decoders": 2,
          "encoders": 0,
          "jpeg": 2,
          "ofa": 0,
          "giProfileId": 14,
          "nvmlProfile": "2_SLICE",
          "sources": [
            "docs",
            "h100sxm-hw",
            "mpconfig"
          ],
          "unconfirmed": []
        },
        {
          "name": "3g.40gb",
          "computeSlices": 3,
          "memorySlices": 4,
          "memoryFraction": "4/8",
          "maxInstances": 2,
          "placements": [
            {
              "start": 0,
              "size": 4
            },
            {
              "start": 4,
              "size": 4
            }
          ],
          "memoryMiB": 40448,
          "multiprocessors": 60,
          "copyEngines": 3,
          "decoders": 3,
          "encoders": 0,
          "jpeg": 3,
          "ofa": 0,
          "giProfileId": 9,
          "nvmlProfile": "3_SLICE",
          "sources": [
            "docs",
            "h100sxm-hw",
            "mpconfig"
          ],
          "unconfirmed": []
        },
        {
          "name": "4g.40gb",
          "computeSlices": 4,
          "memorySlices": 4,
          "memoryFraction": "4/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 4
            }
          ],
          "memoryMiB": 40448,
          "multiprocessors": 64,
          "copyEngines": 4,
          "decoders": 4,
          "encoders": 0,
          "jpeg": 4,
          "ofa": 0,
          "giProfileId": 5,
          "nvmlProfile": "4_SLICE",
          "sources": [
            "docs",
            "h100sxm-hw",
            "mpconfig"
          ],
          "unconfirmed": []
        },
        {
          "name": "7g.80gb",
          "computeSlices": 7,
          "memorySlices": 8,
          "memoryFraction": "8/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 8
            }
          ],
          "memoryMiB": 81152,
          "multiprocessors": 132,
          "copyEngines": 8,
          "decoders": 7,
          "encoders": 0,
          "jpeg": 7,
          "ofa": 1,
          "giProfileId": 0,
          "nvmlProfile": "7_SLICE",
          "sources": [
            "docs",
            "h100sxm-hw",
            "mpconfig"
          ],
          "unconfirmed": []
        }
      ]
    },
    {
      "id": "h100-80gb-pcie",
      "displayName": "NVIDIA H100 PCIe 80GB; H800 PCIe 80GB",
      "architecture": "Hopper (GH100)",
      "pciDeviceIds": [
        "0x233110DE",
        "0x232210DE"
      ],
      "pciIdsNames": {
        "0x2331": "GH100 [H100 PCIe]",
        "0x2322": "GH100 [H800 PCIe]"
      },
      "nvmlNames": [
        "NVIDIA H100 PCIe"
      ],
      "gfdProduct": [
        "NVIDIA-H100-PCIe"
      ],
      "totalMemoryMiB": 81559,
      "computeSlices": 7,
      "placementUnits": 8,
      "memorySlices": 8,
      "status": "confirmed for 0x2331 from one public transcript (driver 525.125.06); memory values may differ on newer drivers; H800 PCIe assumed identical - unconfirmed",
      "notes": [
        "Same names/counts/placements as H100 SXM5 but fewer SMs (114 total): 14/14/14/30/46/62/114.",
        "Memory on driver 525: 9.62/9.62/19.50/19.50/39.25/39.25/79.00 GiB."
      ],
      "profiles": [
        {
          "name": "1g.10gb",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/8",
          "maxInstances": 7,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            },
            {
              "start": 4,
              "size": 1
            },
            {
              "start": 5,
              "size": 1
            },
            {
              "start": 6,
              "size": 1
            }
          ],
          "memoryMiB": 9856,
          "multiprocessors": 14,
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 0,
          "giProfileId": 19,
          "nvmlProfile": "1_SLICE",
          "sources": [
            "docs",
            "h100pcie-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "memoryMiB may differ on drivers newer than 525"
          ]
        },
        {
          "name": "1g.10gb+me",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            },
            {
              "start": 4,
              "size": 1
            },
            {
              "start": 5,
              "size": 1
            },
            {
              "start": 6,
              "size": 1
            }
          ],
          "memoryMiB": 9856,
          "multiprocessors": 14,
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 1,
          "giProfileId": 20,
          "nvmlProfile": "1_SLICE_REV1",
          "sources": [
            "docs",
            "h100pcie-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "memoryMiB may differ on drivers newer than 525"
          ]
        },
        {
          "name": "1g.20gb",
          "computeSlices": 1,
          "memorySlices": 2,
          "memoryFraction": "2/8",
          "maxInstances": 4,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            },
            {
              "start": 4,
              "size": 2
            },
            {
              "start": 6,
              "size": 2
            }
          ],
          "memoryMiB": 19968,
          "multiprocessors": 14,
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 0,
          "giProfileId": 15,
          "nvmlProfile": "1_SLICE_REV2",
          "sources": [
            "docs",
            "h100pcie-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "memoryMiB may differ on drivers newer than 525"
          ]
        },
        {
          "name": "2g.20gb",
          "computeSlices": 2,
          "memorySlices": 2,
          "memoryFraction": "2/8",
          "maxInstances": 3,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            },
            {
              "start": 4,
              "size": 2
            }
          ],
          "memoryMiB": 19968,
          "multiprocessors": 30,
          "copyEngines": 2,
          "decoders": 2,
          "encoders": 0,
          "jpeg": 2,
          "ofa": 0,
          "giProfileId": 14,
          "nvmlProfile": "2_SLICE",
          "sources": [
            "docs",
            "h100pcie-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "memoryMiB may differ on drivers newer than 525"
          ]
        },
        {
          "name": "3g.40gb",
          "computeSlices": 3,
          "memorySlices": 4,
          "memoryFraction": "4/8",
          "maxInstances": 2,
          "placements": [
            {
              "start": 0,
              "size": 4
            },
            {
              "start": 4,
              "size": 4
            }
          ],
          "memoryMiB": 40192,
          "multiprocessors": 46,
          "copyEngines": 3,
          "decoders": 3,
          "encoders": 0,
          "jpeg": 3,
          "ofa": 0,
          "giProfileId": 9,
          "nvmlProfile": "3_SLICE",
          "sources": [
            "docs",
            "h100pcie-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "memoryMiB may differ on drivers newer than 525"
          ]
        },
        {
          "name": "4g.40gb",
          "computeSlices": 4,
          "memorySlices": 4,
          "memoryFraction": "4/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 4
            }
          ],
          "memoryMiB": 40192,
          "multiprocessors": 62,
          "copyEngines": 4,
          "decoders": 4,
          "encoders": 0,
          "jpeg": 4,
          "ofa": 0,
          "giProfileId": 5,
          "nvmlProfile": "4_SLICE",
          "sources": [
            "docs",
            "h100pcie-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "memoryMiB may differ on drivers newer than 525"
          ]
        },
        {
          "name": "7g.80gb",
          "computeSlices": 7,
          "memorySlices": 8,
          "memoryFraction": "8/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 8
            }
          ],
          "memoryMiB": 80896,
          "multiprocessors": 114,
          "copyEngines": 8,
          "decoders": 7,
          "encoders": 0,
          "jpeg": 7,
          "ofa": 1,
          "giProfileId": 0,
          "nvmlProfile": "7_SLICE",
          "sources": [
            "docs",
            "h100pcie-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "memoryMiB may differ on drivers newer than 525"
          ]
        }
      ]
    },
    {
      "id": "h100-nvl-94gb",
      "displayName": "NVIDIA H100 NVL 94GB; H800 NVL 94GB",
      "architecture": "Hopper (GH100)",
      "pciDeviceIds": [
        "0x232110DE",
        "0x233A10DE"
      ],
      "pciIdsNames": {
        "0x2321": "GH100 [H100L 94GB]",
        "0x233A": "GH100 [H800L 94GB]"
      },
      "nvmlNames": [
        "NVIDIA H100 NVL"
      ],
      "gfdProduct": [
        "NVIDIA-H100-NVL"
      ],
      "totalMemoryMiB": 95830,
      "computeSlices": 7,
      "placementUnits": 8,
      "memorySlices": 8,
      "status": "confirmed for 0x2321 (public -lgip/-lgipp, driver 560.35.03; docs 'H100 94GB' table); H800 NVL assumed identical - unconfirmed",
      "notes": [
        "The 2+1+1 all-balanced layout sums to 89.5 GiB of MIG memory (NVIDIA/mig-parted PR #101 discussion)."
      ],
      "profiles": [
        {
          "name": "1g.12gb",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/8",
          "maxInstances": 7,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            },
            {
              "start": 4,
              "size": 1
            },
            {
              "start": 5,
              "size": 1
            },
            {
              "start": 6,
              "size": 1
            }
          ],
          "memoryMiB": 11008,
          "multiprocessors": 16,
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 0,
          "giProfileId": 19,
          "nvmlProfile": "1_SLICE",
          "sources": [
            "docs",
            "h100nvl-hw",
            "mpconfig"
          ],
          "unconfirmed": []
        },
        {
          "name": "1g.12gb+me",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            },
            {
              "start": 4,
              "size": 1
            },
            {
              "start": 5,
              "size": 1
            },
            {
              "start": 6,
              "size": 1
            }
          ],
          "memoryMiB": 11008,
          "multiprocessors": 16,
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 1,
          "giProfileId": 20,
          "nvmlProfile": "1_SLICE_REV1",
          "sources": [
            "docs",
            "h100nvl-hw",
            "mpconfig"
          ],
          "unconfirmed": []
        },
        {
          "name": "1g.24gb",
          "computeSlices": 1,
          "memorySlices": 2,
          "memoryFraction": "2/8",
          "maxInstances": 4,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            },
            {
              "start": 4,
              "size": 2
            },
            {
              "start": 6,
              "size": 2
            }
          ],
          "memoryMiB": 22144,
          "multiprocessors": 26,
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 0,
          "giProfileId": 15,
          "nvmlProfile": "1_SLICE_REV2",
          "sources": [
            "docs",
            "h100nvl-hw",
            "mpconfig"
          ],
          "unconfirmed": []
        },
        {
          "name": "2g.24gb",
          "computeSlices": 2,
          "memorySlices": 2,
          "memoryFraction": "2/8",
          "maxInstances": 3,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            },
            {
              "start": 4,
              "size": 2
            }
          ],
          "memoryMiB": 22144,
          "multiprocessors": 32,
          "copyEngines": 2,
          "decoders": 2,
          "encoders": 0,
          "jpeg": 2,
          "ofa": 0,
          "giProfileId": 14,
          "nvmlProfile": "2_SLICE",
          "sources": [
            "docs",
            "h100nvl-hw",
            "mpconfig"
          ],
          "unconfirmed": []
        },
        {
          "name": "3g.47gb",
          "computeSlices": 3,
          "memorySlices": 4,
          "memoryFraction": "4/8",
          "maxInstances": 2,
          "placements": [
            {
              "start": 0,
              "size": 4
            },
            {
              "start": 4,
              "size": 4
            }
          ],
          "memoryMiB": 47488,
          "multiprocessors": 60,
          "copyEngines": 3,
          "decoders": 3,
          "encoders": 0,
          "jpeg": 3,
          "ofa": 0,
          "giProfileId": 9,
          "nvmlProfile": "3_SLICE",
          "sources": [
            "docs",
            "h100nvl-hw",
            "mpconfig"
          ],
          "unconfirmed": []
        },
        {
          "name": "4g.47gb",
          "computeSlices": 4,
          "memorySlices": 4,
          "memoryFraction": "4/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 4
            }
          ],
          "memoryMiB": 47488,
          "multiprocessors": 64,
          "copyEngines": 4,
          "decoders": 4,
          "encoders": 0,
          "jpeg": 4,
          "ofa": 0,
          "giProfileId": 5,
          "nvmlProfile": "4_SLICE",
          "sources": [
            "docs",
            "h100nvl-hw",
            "mpconfig"
          ],
          "unconfirmed": []
        },
        {
          "name": "7g.94gb",
          "computeSlices": 7,
          "memorySlices": 8,
          "memoryFraction": "8/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 8
            }
          ],
          "memoryMiB": 95360,
          "multiprocessors": 132,
          "copyEngines": 8,
          "decoders": 7,
          "encoders": 0,
          "jpeg": 7,
          "ofa": 1,
          "giProfileId": 0,
          "nvmlProfile": "7_SLICE",
          "sources": [
            "docs",
            "h100nvl-hw",
            "mpconfig"
          ],
          "unconfirmed": []
        }
      ]
    },
    {
      "id": "h100-94gb-sxm5",
      "displayName": "NVIDIA H100 SXM5 94GB",
      "architecture": "Hopper (GH100)",
      "pciDeviceIds": [
        "0x233910DE"
      ],
      "pciIdsNames": {
        "0x2339": "GH100 [H100 SXM5 94GB]"
      },
      "nvmlNames": [],
      "gfdProduct": [],
      "totalMemoryMiB": null,
      "computeSlices": 7,
      "placementUnits": 8,
      "memorySlices": 8,
      "status": "docs only ('H100 94GB (PCIe and SXM5)' table); device id from pci.ids; NOT named by any device-filter in the static mig-parted default config - memory/SM values unconfirmed",
      "profiles": [
        {
          "name": "1g.12gb",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/8",
          "maxInstances": 7,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            },
            {
              "start": 4,
              "size": 1
            },
            {
              "start": 5,
              "size": 1
            },
            {
              "start": 6,
              "size": 1
            }
          ],
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 0,
          "giProfileId": 19,
          "nvmlProfile": "1_SLICE",
          "sources": [
            "docs",
            "pciids"
          ],
          "unconfirmed": [
            "placements (inferred Hopper pattern)",
            "memoryMiB",
            "multiprocessors",
            "engine counts (Hopper pattern assumed)"
          ]
        },
        {
          "name": "1g.12gb+me",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            },
            {
              "start": 4,
              "size": 1
            },
            {
              "start": 5,
              "size": 1
            },
            {
              "start": 6,
              "size": 1
            }
          ],
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 1,
          "giProfileId": 20,
          "nvmlProfile": "1_SLICE_REV1",
          "sources": [
            "docs",
            "pciids"
          ],
          "unconfirmed": [
            "placements (inferred Hopper pattern)",
            "memoryMiB",
            "multiprocessors",
            "engine counts (Hopper pattern assumed)"
          ]
        },
        {
          "name": "1g.24gb",
          "computeSlices": 1,
          "memorySlices": 2,
          "memoryFraction": "2/8",
          "maxInstances": 4,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            },
            {
              "start": 4,
              "size": 2
            },
            {
              "start": 6,
              "size": 2
            }
          ],
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 0,
          "giProfileId": 15,
          "nvmlProfile": "1_SLICE_REV2",
          "sources": [
            "docs",
            "pciids"
          ],
          "unconfirmed": [
            "placements (inferred Hopper pattern)",
            "memoryMiB",
            "multiprocessors",
            "engine counts (Hopper pattern assumed)"
          ]
        },
        {
          "name": "2g.24gb",
          "computeSlices": 2,
          "memorySlices": 2,
          "memoryFraction": "2/8",
          "maxInstances": 3,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            },
            {
              "start": 4,
              "size": 2
            }
          ],
          "copyEngines": 2,
          "decoders": 2,
          "encoders": 0,
          "jpeg": 2,
          "ofa": 0,
          "giProfileId": 14,
          "nvmlProfile": "2_SLICE",
          "sources": [
            "docs",
            "pciids"
          ],
          "unconfirmed": [
            "placements (inferred Hopper pattern)",
            "memoryMiB",
            "multiprocessors",
            "engine counts (Hopper pattern assumed)"
          ]
        },
        {
          "name": "3g.47gb",
          "computeSlices": 3,
          "memorySlices": 4,
          "memoryFraction": "4/8",
          "maxInstances": 2,
          "placements": [
            {
              "start": 0,
              "size": 4
            },
            {
              "start": 4,
              "size": 4
            }
          ],
          "copyEngines": 3,
          "decoders": 3,
          "encoders": 0,
          "jpeg": 3,
          "ofa": 0,
          "giProfileId": 9,
          "nvmlProfile": "3_SLICE",
          "sources": [
            "docs",
            "pciids"
          ],
          "unconfirmed": [
            "placements (inferred Hopper pattern)",
            "memoryMiB",
            "multiprocessors",
            "engine counts (Hopper pattern assumed)"
          ]
        },
        {
          "name": "4g.47gb",
          "computeSlices": 4,
          "memorySlices": 4,
          "memoryFraction": "4/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 4
            }
          ],
          "copyEngines": 4,
          "decoders": 4,
          "encoders": 0,
          "jpeg": 4,
          "ofa": 0,
          "giProfileId": 5,
          "nvmlProfile": "4_SLICE",
          "sources": [
            "docs",
            "pciids"
          ],
          "unconfirmed": [
            "placements (inferred Hopper pattern)",
            "memoryMiB",
            "multiprocessors",
            "engine counts (Hopper pattern assumed)"
          ]
        },
        {
          "name": "7g.94gb",
          "computeSlices": 7,
          "memorySlices": 8,
          "memoryFraction": "8/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 8
            }
          ],
          "copyEngines": 8,
          "decoders": 7,
          "encoders": 0,
          "jpeg": 7,
          "ofa": 1,
          "giProfileId": 0,
          "nvmlProfile": "7_SLICE",
          "sources": [
            "docs",
            "pciids"
          ],
          "unconfirmed": [
            "placements (inferred Hopper pattern)",
            "memoryMiB",
            "multiprocessors",
            "engine counts (Hopper pattern assumed)"
          ]
        }
      ]
    },
    {
      "id": "h100-96gb-gh200",
      "displayName": "NVIDIA H100 96GB / GH200 (H100 on GH200, 96GB)",
      "architecture": "Hopper (GH100)",
      "pciDeviceIds": [
        "0x234210DE",
        "0x233D10DE"
      ],
      "pciIdsNames": {
        "0x2342": "GH100 [GH200 120GB / 480GB]",
        "0x233D": "GH100 [H100 96GB]"
      },
      "nvmlNames": [
        "NVIDIA GH200 480GB (unconfirmed)"
      ],
      "gfdProduct": [],
      "totalMemoryMiB": null,
      "computeSlices": 7,
      "placementUnits": 8,
      "memorySlices": 8,
      "status": "names/counts/engines from docs 'H100 96GB (H100 on GH200)' table; memory and SMs from one public GH200 -lgip; placements inferred (no raw -lgipp seen) - placements unconfirmed",
      "notes": [
        "Driver placed three 1g.24gb at GI ids 5,3,4 (starts 4,0,2 by the usual GI-id numbering) on this GH200 - creation order is not lowest-first."
      ],
      "profiles": [
        {
          "name": "1g.12gb",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/8",
          "maxInstances": 7,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            },
            {
              "start": 4,
              "size": 1
            },
            {
              "start": 5,
              "size": 1
            },
            {
              "start": 6,
              "size": 1
            }
          ],
          "memoryMiB": 11264,
          "multiprocessors": 16,
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 0,
          "giProfileId": 19,
          "nvmlProfile": "1_SLICE",
          "sources": [
            "docs",
            "gh200-96-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "placements (inferred Hopper pattern)"
          ]
        },
        {
          "name": "1g.12gb+me",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            },
            {
              "start": 4,
              "size": 1
            },
            {
              "start": 5,
              "size": 1
            },
            {
              "start": 6,
              "size": 1
            }
          ],
          "memoryMiB": 11264,
          "multiprocessors": 16,
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 1,
          "giProfileId": 20,
          "nvmlProfile": "1_SLICE_REV1",
          "sources": [
            "docs",
            "gh200-96-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "placements (inferred Hopper pattern)"
          ]
        },
        {
          "name": "1g.24gb",
          "computeSlices": 1,
          "memorySlices": 2,
          "memoryFraction": "2/8",
          "maxInstances": 4,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            },
            {
              "start": 4,
              "size": 2
            },
            {
              "start": 6,
              "size": 2
            }
          ],
          "memoryMiB": 23552,
          "multiprocessors": 26,
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 0,
          "giProfileId": 15,
          "nvmlProfile": "1_SLICE_REV2",
          "sources": [
            "docs",
            "gh200-96-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "placements (inferred Hopper pattern)"
          ]
        },
        {
          "name": "2g.24gb",
          "computeSlices": 2,
          "memorySlices": 2,
          "memoryFraction": "2/8",
          "maxInstances": 3,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            },
            {
              "start": 4,
              "size": 2
            }
          ],
          "memoryMiB": 23552,
          "multiprocessors": 32,
          "copyEngines": 2,
          "decoders": 2,
          "encoders": 0,
          "jpeg": 2,
          "ofa": 0,
          "giProfileId": 14,
          "nvmlProfile": "2_SLICE",
          "sources": [
            "docs",
            "gh200-96-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "placements (inferred Hopper pattern)"
          ]
        },
        {
          "name": "3g.48gb",
          "computeSlices": 3,
          "memorySlices": 4,
          "memoryFraction": "4/8",
          "maxInstances": 2,
          "placements": [
            {
              "start": 0,
              "size": 4
            },
            {
              "start": 4,
              "size": 4
            }
          ],
          "memoryMiB": 47616,
          "multiprocessors": 60,
          "copyEngines": 3,
          "decoders": 3,
          "encoders": 0,
          "jpeg": 3,
          "ofa": 0,
          "giProfileId": 9,
          "nvmlProfile": "3_SLICE",
          "sources": [
            "docs",
            "gh200-96-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "placements (inferred Hopper pattern)"
          ]
        },
        {
          "name": "4g.48gb",
          "computeSlices": 4,
          "memorySlices": 4,
          "memoryFraction": "4/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 4
            }
          ],
          "memoryMiB": 47616,
          "multiprocessors": 64,
          "copyEngines": 4,
          "decoders": 4,
          "encoders": 0,
          "jpeg": 4,
          "ofa": 0,
          "giProfileId": 5,
          "nvmlProfile": "4_SLICE",
          "sources": [
            "docs",
            "gh200-96-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "placements (inferred Hopper pattern)"
          ]
        },
        {
          "name": "7g.96gb",
          "computeSlices": 7,
          "memorySlices": 8,
          "memoryFraction": "8/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 8
            }
          ],
          "memoryMiB": 95232,
          "multiprocessors": 132,
          "copyEngines": 8,
          "decoders": 7,
          "encoders": 0,
          "jpeg": 7,
          "ofa": 1,
          "giProfileId": 0,
          "nvmlProfile": "7_SLICE",
          "sources": [
            "docs",
            "gh200-96-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "placements (inferred Hopper pattern)"
          ]
        }
      ]
    },
    {
      "id": "h20-96gb",
      "displayName": "NVIDIA H20 96GB",
      "architecture": "Hopper (GH100, 78 SMs enabled per third-party specs)",
      "pciDeviceIds": [
        "0x232910DE"
      ],
      "pciIdsNames": {
        "0x2329": "GH100 [H20]"
      },
      "nvmlNames": [
        "NVIDIA H20 (unconfirmed)"
      ],
      "gfdProduct": [],
      "totalMemoryMiB": null,
      "computeSlices": 7,
      "placementUnits": 8,
      "memorySlices": 8,
      "status": "profile names/counts from NVIDIA vGPU docs (MIG-backed vGPU table) and mig-parted all-balanced (groups 0x2329 with H100 96GB); SMs, memory, engines, placements unconfirmed",
      "notes": [
        "Docs also list an 'H20 SXM5 141GB' variant with H200-like names (7g.141gb/4g.71gb/3g.71gb/2g.35gb/1g.18gb); device id unknown."
      ],
      "profiles": [
        {
          "name": "1g.12gb",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/8",
          "maxInstances": 7,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            },
            {
              "start": 4,
              "size": 1
            },
            {
              "start": 5,
              "size": 1
            },
            {
              "start": 6,
              "size": 1
            }
          ],
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 0,
          "giProfileId": 19,
          "nvmlProfile": "1_SLICE",
          "sources": [
            "vgpu-docs",
            "mpconfig",
            "pciids"
          ],
          "unconfirmed": [
            "placements (inferred Hopper pattern)",
            "engine counts (Hopper pattern assumed)",
            "memoryMiB",
            "multiprocessors",
            "engine counts (Hopper pattern assumed)"
          ]
        },
        {
          "name": "1g.12gb+me",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            },
            {
              "start": 4,
              "size": 1
            },
            {
              "start": 5,
              "size": 1
            },
            {
              "start": 6,
              "size": 1
            }
          ],
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 1,
          "giProfileId": 20,
          "nvmlProfile": "1_SLICE_REV1",
          "sources": [
            "vgpu-docs",
            "mpconfig",
            "pciids"
          ],
          "unconfirmed": [
            "placements (inferred Hopper pattern)",
            "engine counts (Hopper pattern assumed)",
            "memoryMiB",
            "multiprocessors",
            "engine counts (Hopper pattern assumed)"
          ]
        },
        {
          "name": "1g.24gb",
          "computeSlices": 1,
          "memorySlices": 2,
          "memoryFraction": "2/8",
          "maxInstances": 4,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            },
            {
              "start": 4,
              "size": 2
            },
            {
              "start": 6,
              "size": 2
            }
          ],
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 0,
          "giProfileId": 15,
          "nvmlProfile": "1_SLICE_REV2",
          "sources": [
            "vgpu-docs",
            "mpconfig",
            "pciids"
          ],
          "unconfirmed": [
            "placements (inferred Hopper pattern)",
            "engine counts (Hopper pattern assumed)",
            "memoryMiB",
            "multiprocessors",
            "engine counts (Hopper pattern assumed)"
          ]
        },
        {
          "name": "2g.24gb",
          "computeSlices": 2,
          "memorySlices": 2,
          "memoryFraction": "2/8",
          "maxInstances": 3,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            },
            {
              "start": 4,
              "size": 2
            }
          ],
          "copyEngines": 2,
          "decoders": 2,
          "encoders": 0,
          "jpeg": 2,
          "ofa": 0,
          "giProfileId": 14,
          "nvmlProfile": "2_SLICE",
          "sources": [
            "vgpu-docs",
            "mpconfig",
            "pciids"
          ],
          "unconfirmed": [
            "placements (inferred Hopper pattern)",
            "engine counts (Hopper pattern assumed)",
            "memoryMiB",
            "multiprocessors",
            "engine counts (Hopper pattern assumed)"
          ]
        },
        {
          "name": "3g.48gb",
          "computeSlices": 3,
          "memorySlices": 4,
          "memoryFraction": "4/8",
          "maxInstances": 2,
          "placements": [
            {
              "start": 0,
              "size": 4
            },
            {
              "start": 4,
              "size": 4
            }
          ],
          "copyEngines": 3,
          "decoders": 3,
          "encoders": 0,
          "jpeg": 3,
          "ofa": 0,
          "giProfileId": 9,
          "nvmlProfile": "3_SLICE",
          "sources": [
            "vgpu-docs",
            "mpconfig",
            "pciids"
          ],
          "unconfirmed": [
            "placements (inferred Hopper pattern)",
            "engine counts (Hopper pattern assumed)",
            "memoryMiB",
            "multiprocessors",
            "engine counts (Hopper pattern assumed)"
          ]
        },
        {
          "name": "4g.48gb",
          "computeSlices": 4,
          "memorySlices": 4,
          "memoryFraction": "4/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 4
            }
          ],
          "copyEngines": 4,
          "decoders": 4,
          "encoders": 0,
          "jpeg": 4,
          "ofa": 0,
          "giProfileId": 5,
          "nvmlProfile": "4_SLICE",
          "sources": [
            "vgpu-docs",
            "mpconfig",
            "pciids"
          ],
          "unconfirmed": [
            "placements (inferred Hopper pattern)",
            "engine counts (Hopper pattern assumed)",
            "memoryMiB",
            "multiprocessors",
            "engine counts (Hopper pattern assumed)"
          ]
        },
        {
          "name": "7g.96gb",
          "computeSlices": 7,
          "memorySlices": 8,
          "memoryFraction": "8/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 8
            }
          ],
          "copyEngines": 8,
          "decoders": 7,
          "encoders": 0,
          "jpeg": 7,
          "ofa": 1,
          "giProfileId": 0,
          "nvmlProfile": "7_SLICE",
          "sources": [
            "vgpu-docs",
            "mpconfig",
            "pciids"
          ],
          "unconfirmed": [
            "placements (inferred Hopper pattern)",
            "engine counts (Hopper pattern assumed)",
            "memoryMiB",
            "multiprocessors",
            "engine counts (Hopper pattern assumed)"
          ]
        }
      ]
    },
    {
      "id": "pg506-96gb",
      "displayName": "PG506-96GB (0x20B6, GA100GL 'PG506-232' in pci.ids)",
      "architecture": "unconfirmed",
      "pciDeviceIds": [
        "0x20B610DE"
      ],
      "pciIdsNames": {
        "0x20B6": "GA100GL [PG506-232]"
      },
      "nvmlNames": [],
      "gfdProduct": [],
      "totalMemoryMiB": null,
      "computeSlices": 7,
      "placementUnits": 8,
      "memorySlices": 8,
      "status": "only known from mig-parted config comments ('H100-96GB, PG506-96GB, GH200') and all-balanced device-filter; everything else unconfirmed",
      "profiles": [
        {
          "name": "1g.12gb",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/8",
          "maxInstances": 7,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            },
            {
              "start": 4,
              "size": 1
            },
            {
              "start": 5,
              "size": 1
            },
            {
              "start": 6,
              "size": 1
            }
          ],
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 0,
          "giProfileId": 19,
          "nvmlProfile": "1_SLICE",
          "sources": [
            "mpconfig"
          ],
          "unconfirmed": [
            "whole profile table (inferred from H100 96GB grouping)",
            "memoryMiB",
            "multiprocessors",
            "engine counts (Hopper pattern assumed)"
          ]
        },
        {
          "name": "1g.12gb+me",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            },
            {
              "start": 4,
              "size": 1
            },
            {
              "start": 5,
              "size": 1
            },
            {
              "start": 6,
              "size": 1
            }
          ],
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 1,
          "giProfileId": 20,
          "nvmlProfile": "1_SLICE_REV1",
          "sources": [
            "mpconfig"
          ],
          "unconfirmed": [
            "whole profile table (inferred from H100 96GB grouping)",
            "memoryMiB",
            "multiprocessors",
            "engine counts (Hopper pattern assumed)"
          ]
        },
        {
          "name": "1g.24gb",
          "computeSlices": 1,
          "memorySlices": 2,
          "memoryFraction": "2/8",
          "maxInstances": 4,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            },
            {
              "start": 4,
              "size": 2
            },
            {
              "start": 6,
              "size": 2
            }
          ],
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 0,
          "giProfileId": 15,
          "nvmlProfile": "1_SLICE_REV2",
          "sources": [
            "mpconfig"
          ],
          "unconfirmed": [
            "whole profile table (inferred from H100 96GB grouping)",
            "memoryMiB",
            "multiprocessors",
            "engine counts (Hopper pattern assumed)"
          ]
        },
        {
          "name": "2g.24gb",
          "computeSlices": 2,
          "memorySlices": 2,
          "memoryFraction": "2/8",
          "maxInstances": 3,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            },
            {
              "start": 4,
              "size": 2
            }
          ],
          "copyEngines": 2,
          "decoders": 2,
          "encoders": 0,
          "jpeg": 2,
          "ofa": 0,
          "giProfileId": 14,
          "nvmlProfile": "2_SLICE",
          "sources": [
            "mpconfig"
          ],
          "unconfirmed": [
            "whole profile table (inferred from H100 96GB grouping)",
            "memoryMiB",
            "multiprocessors",
            "engine counts (Hopper pattern assumed)"
          ]
        },
        {
          "name": "3g.48gb",
          "computeSlices": 3,
          "memorySlices": 4,
          "memoryFraction": "4/8",
          "maxInstances": 2,
          "placements": [
            {
              "start": 0,
              "size": 4
            },
            {
              "start": 4,
              "size": 4
            }
          ],
          "copyEngines": 3,
          "decoders": 3,
          "encoders": 0,
          "jpeg": 3,
          "ofa": 0,
          "giProfileId": 9,
          "nvmlProfile": "3_SLICE",
          "sources": [
            "mpconfig"
          ],
          "unconfirmed": [
            "whole profile table (inferred from H100 96GB grouping)",
            "memoryMiB",
            "multiprocessors",
            "engine counts (Hopper pattern assumed)"
          ]
        },
        {
          "name": "4g.48gb",
          "computeSlices": 4,
          "memorySlices": 4,
          "memoryFraction": "4/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 4
            }
          ],
          "copyEngines": 4,
          "decoders": 4,
          "encoders": 0,
          "jpeg": 4,
          "ofa": 0,
          "giProfileId": 5,
          "nvmlProfile": "4_SLICE",
          "sources": [
            "mpconfig"
          ],
          "unconfirmed": [
            "whole profile table (inferred from H100 96GB grouping)",
            "memoryMiB",
            "multiprocessors",
            "engine counts (Hopper pattern assumed)"
          ]
        },
        {
          "name": "7g.96gb",
          "computeSlices": 7,
          "memorySlices": 8,
          "memoryFraction": "8/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 8
            }
          ],
          "copyEngines": 8,
          "decoders": 7,
          "encoders": 0,
          "jpeg": 7,
          "ofa": 1,
          "giProfileId": 0,
          "nvmlProfile": "7_SLICE",
          "sources": [
            "mpconfig"
          ],
          "unconfirmed": [
            "whole profile table (inferred from H100 96GB grouping)",
            "memoryMiB",
            "multiprocessors",
            "engine counts (Hopper pattern assumed)"
          ]
        }
      ]
    },
    {
      "id": "gh200-144gb",
      "displayName": "NVIDIA GH200 144G HBM3e",
      "architecture": "Hopper (GH100)",
      "pciDeviceIds": [
        "0x234810DE"
      ],
      "pciIdsNames": {
        "0x2348": "GH100 [GH200 144G HBM3e]"
      },
      "nvmlNames": [],
      "gfdProduct": [],
      "totalMemoryMiB": null,
      "computeSlices": 7,
      "placementUnits": 8,
      "memorySlices": 8,
      "status": "names/counts from mig-parted config + PR #139 -lgip (first rows); larger profiles' memory/SMs and all placements unconfirmed",
      "profiles": [
        {
          "name": "1g.18gb",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/8",
          "maxInstances": 7,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            },
            {
              "start": 4,
              "size": 1
            },
            {
              "start": 5,
              "size": 1
            },
            {
              "start": 6,
              "size": 1
            }
          ],
          "memoryMiB": 17920,
          "multiprocessors": 16,
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 0,
          "giProfileId": 19,
          "nvmlProfile": "1_SLICE",
          "sources": [
            "gh200-144-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "placements (inferred Hopper pattern)"
          ]
        },
        {
          "name": "1g.18gb+me",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            },
            {
              "start": 4,
              "size": 1
            },
            {
              "start": 5,
              "size": 1
            },
            {
              "start": 6,
              "size": 1
            }
          ],
          "memoryMiB": 17920,
          "multiprocessors": 16,
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 1,
          "giProfileId": 20,
          "nvmlProfile": "1_SLICE_REV1",
          "sources": [
            "gh200-144-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "placements (inferred Hopper pattern)"
          ]
        },
        {
          "name": "1g.36gb",
          "computeSlices": 1,
          "memorySlices": 2,
          "memoryFraction": "2/8",
          "maxInstances": 4,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            },
            {
              "start": 4,
              "size": 2
            },
            {
              "start": 6,
              "size": 2
            }
          ],
          "memoryMiB": 36096,
          "multiprocessors": 26,
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 0,
          "giProfileId": 15,
          "nvmlProfile": "1_SLICE_REV2",
          "sources": [
            "gh200-144-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "placements (inferred Hopper pattern)"
          ]
        },
        {
          "name": "2g.36gb",
          "computeSlices": 2,
          "memorySlices": 2,
          "memoryFraction": "2/8",
          "maxInstances": 3,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            },
            {
              "start": 4,
              "size": 2
            }
          ],
          "memoryMiB": 36096,
          "multiprocessors": 32,
          "copyEngines": 2,
          "decoders": 2,
          "encoders": 0,
          "jpeg": 2,
          "ofa": 0,
          "giProfileId": 14,
          "nvmlProfile": "2_SLICE",
          "sources": [
            "gh200-144-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "placements (inferred Hopper pattern)"
          ]
        },
        {
          "name": "3g.72gb",
          "computeSlices": 3,
          "memorySlices": 4,
          "memoryFraction": "4/8",
          "maxInstances": 2,
          "placements": [
            {
              "start": 0,
              "size": 4
            },
            {
              "start": 4,
              "size": 4
            }
          ],
          "copyEngines": 3,
          "decoders": 3,
          "encoders": 0,
          "jpeg": 3,
          "ofa": 0,
          "giProfileId": 9,
          "nvmlProfile": "3_SLICE",
          "sources": [
            "gh200-144-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "placements (inferred Hopper pattern)",
            "memoryMiB",
            "multiprocessors",
            "engine counts (Hopper pattern assumed)"
          ]
        },
        {
          "name": "4g.72gb",
          "computeSlices": 4,
          "memorySlices": 4,
          "memoryFraction": "4/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 4
            }
          ],
          "copyEngines": 4,
          "decoders": 4,
          "encoders": 0,
          "jpeg": 4,
          "ofa": 0,
          "giProfileId": 5,
          "nvmlProfile": "4_SLICE",
          "sources": [
            "gh200-144-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "placements (inferred Hopper pattern)",
            "memoryMiB",
            "multiprocessors",
            "engine counts (Hopper pattern assumed)"
          ]
        },
        {
          "name": "7g.144gb",
          "computeSlices": 7,
          "memorySlices": 8,
          "memoryFraction": "8/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 8
            }
          ],
          "copyEngines": 8,
          "decoders": 7,
          "encoders": 0,
          "jpeg": 7,
          "ofa": 1,
          "giProfileId": 0,
          "nvmlProfile": "7_SLICE",
          "sources": [
            "gh200-144-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "placements (inferred Hopper pattern)",
            "memoryMiB",
            "multiprocessors",
            "engine counts (Hopper pattern assumed)"
          ]
        }
      ]
    },
    {
      "id": "h200-141gb",
      "displayName": "NVIDIA H200 SXM 141GB; H200 NVL",
      "architecture": "Hopper (GH100)",
      "pciDeviceIds": [
        "0x233510DE",
        "0x233B10DE"
      ],
      "pciIdsNames": {
        "0x2335": "GH100 [H200 SXM 141GB]",
        "0x233B": "GH100 [H200 NVL]"
      },
      "nvmlNames": [
        "NVIDIA H200 (unconfirmed)",
        "NVIDIA H200 NVL (unconfirmed)"
      ],
      "gfdProduct": [],
      "totalMemoryMiB": null,
      "computeSlices": 7,
      "placementUnits": 8,
      "memorySlices": 8,
      "status": "names/counts/engines from docs 'H200 141GB' table + public -lgip (mig-parted issue #120); memory MiB is driver-dependent (see notes); placements follow the Hopper pattern (no public raw -lgipp found); H200 NVL assumed identical",
      "notes": [
        "Public -lgip (issue #120, 2024 driver): 16.00/16.00/32.25/32.25/69.50/69.50/139.75 GiB. Newer drivers report larger 1g.35gb/2g.35gb/3g/4g/7g sizes - do not hard-code MiB as exact; prefer NVML at runtime."
      ],
      "profiles": [
        {
          "name": "1g.18gb",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/8",
          "maxInstances": 7,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            },
            {
              "start": 4,
              "size": 1
            },
            {
              "start": 5,
              "size": 1
            },
            {
              "start": 6,
              "size": 1
            }
          ],
          "memoryMiB": 16384,
          "multiprocessors": 16,
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 0,
          "giProfileId": 19,
          "nvmlProfile": "1_SLICE",
          "sources": [
            "docs",
            "h200-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "memoryMiB is driver-dependent",
            "placements (Hopper pattern; no public -lgipp)"
          ]
        },
        {
          "name": "1g.18gb+me",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            },
            {
              "start": 4,
              "size": 1
            },
            {
              "start": 5,
              "size": 1
            },
            {
              "start": 6,
              "size": 1
            }
          ],
          "memoryMiB": 16384,
          "multiprocessors": 16,
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 1,
          "giProfileId": 20,
          "nvmlProfile": "1_SLICE_REV1",
          "sources": [
            "docs",
            "h200-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "memoryMiB is driver-dependent",
            "placements (Hopper pattern; no public -lgipp)"
          ]
        },
        {
          "name": "1g.35gb",
          "computeSlices": 1,
          "memorySlices": 2,
          "memoryFraction": "2/8",
          "maxInstances": 4,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            },
            {
              "start": 4,
              "size": 2
            },
            {
              "start": 6,
              "size": 2
            }
          ],
          "memoryMiB": 33024,
          "multiprocessors": 26,
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 0,
          "giProfileId": 15,
          "nvmlProfile": "1_SLICE_REV2",
          "sources": [
            "docs",
            "h200-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "memoryMiB is driver-dependent",
            "placements (Hopper pattern; no public -lgipp)"
          ]
        },
        {
          "name": "2g.35gb",
          "computeSlices": 2,
          "memorySlices": 2,
          "memoryFraction": "2/8",
          "maxInstances": 3,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            },
            {
              "start": 4,
              "size": 2
            }
          ],
          "memoryMiB": 33024,
          "multiprocessors": 32,
          "copyEngines": 2,
          "decoders": 2,
          "encoders": 0,
          "jpeg": 2,
          "ofa": 0,
          "giProfileId": 14,
          "nvmlProfile": "2_SLICE",
          "sources": [
            "docs",
            "h200-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "memoryMiB is driver-dependent",
            "placements (Hopper pattern; no public -lgipp)"
          ]
        },
        {
          "name": "3g.71gb",
          "computeSlices": 3,
          "memorySlices": 4,
          "memoryFraction": "4/8",
          "maxInstances": 2,
          "placements": [
            {
              "start": 0,
              "size": 4
            },
            {
              "start": 4,
              "size": 4
            }
          ],
          "memoryMiB": 71168,
          "multiprocessors": 60,
          "copyEngines": 3,
          "decoders": 3,
          "encoders": 0,
          "jpeg": 3,
          "ofa": 0,
          "giProfileId": 9,
          "nvmlProfile": "3_SLICE",
          "sources": [
            "docs",
            "h200-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "memoryMiB is driver-dependent",
            "placements (Hopper pattern; no public -lgipp)"
          ]
        },
        {
          "name": "4g.71gb",
          "computeSlices": 4,
          "memorySlices": 4,
          "memoryFraction": "4/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 4
            }
          ],
          "memoryMiB": 71168,
          "multiprocessors": 64,
          "copyEngines": 4,
          "decoders": 4,
          "encoders": 0,
          "jpeg": 4,
          "ofa": 0,
          "giProfileId": 5,
          "nvmlProfile": "4_SLICE",
          "sources": [
            "docs",
            "h200-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "memoryMiB is driver-dependent",
            "placements (Hopper pattern; no public -lgipp)"
          ]
        },
        {
          "name": "7g.141gb",
          "computeSlices": 7,
          "memorySlices": 8,
          "memoryFraction": "8/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 8
            }
          ],
          "memoryMiB": 143104,
          "multiprocessors": 132,
          "copyEngines": 8,
          "decoders": 7,
          "encoders": 0,
          "jpeg": 7,
          "ofa": 1,
          "giProfileId": 0,
          "nvmlProfile": "7_SLICE",
          "sources": [
            "docs",
            "h200-hw",
            "mpconfig"
          ],
          "unconfirmed": [
            "memoryMiB is driver-dependent",
            "placements (Hopper pattern; no public -lgipp)"
          ]
        }
      ]
    },
    {
      "id": "b200",
      "displayName": "NVIDIA B200 180GB",
      "architecture": "Blackwell (GB100)",
      "pciDeviceIds": [
        "0x290110DE"
      ],
      "pciIdsNames": {
        "0x2901": "GB100 [B200]"
      },
      "nvmlNames": [
        "NVIDIA B200 (unconfirmed)"
      ],
      "gfdProduct": [],
      "totalMemoryMiB": null,
      "computeSlices": 7,
      "placementUnits": 8,
      "memorySlices": 8,
      "status": "names/fractions/counts confirmed (docs + hardware -lgip first rows + mig-parted); 3g/4g/7g SMs and memory unconfirmed; placements inferred from fractions (DRA driver confirms 3g.90gb uses 4 of 8 memory slices) - start positions unconfirmed",
      "notes": [
        "1g.23gb memory is driver-dependent: 22.00 GiB (Jan 2025 PR) vs 20.50 GiB (Mar 2025 PR).",
        "Docs list copy engines 2/2/2/3/6/8/16 and NVDEC=1 for every profile; hardware shows 2g.45gb with CE 4, DEC 2, JPEG 2 - hardware used where seen.",
        "4g.90gb was added to mig-parted later (PR #187), so older configs lack it."
      ],
      "profiles": [
        {
          "name": "1g.23gb",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/8",
          "maxInstances": 7,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            },
            {
              "start": 4,
              "size": 1
            },
            {
              "start": 5,
              "size": 1
            },
            {
              "start": 6,
              "size": 1
            }
          ],
          "memoryMiB": 22528,
          "multiprocessors": 18,
          "copyEngines": 2,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 0,
          "giProfileId": 19,
          "nvmlProfile": "1_SLICE",
          "sources": [
            "docs",
            "b200-hw",
            "mpconfig",
            "gke",
            "dra"
          ],
          "unconfirmed": [
            "memoryMiB (22528 or 20992 by driver)",
            "placements (inferred)"
          ]
        },
        {
          "name": "1g.23gb+me",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            },
            {
              "start": 4,
              "size": 1
            },
            {
              "start": 5,
              "size": 1
            },
            {
              "start": 6,
              "size": 1
            }
          ],
          "memoryMiB": 22528,
          "multiprocessors": 18,
          "copyEngines": 2,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 1,
          "giProfileId": 20,
          "nvmlProfile": "1_SLICE_REV1",
          "sources": [
            "docs",
            "b200-hw",
            "mpconfig",
            "gke",
            "dra"
          ],
          "unconfirmed": [
            "memoryMiB",
            "placements (inferred)"
          ]
        },
        {
          "name": "1g.45gb",
          "computeSlices": 1,
          "memorySlices": 2,
          "memoryFraction": "2/8",
          "maxInstances": 4,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            },
            {
              "start": 4,
              "size": 2
            },
            {
              "start": 6,
              "size": 2
            }
          ],
          "memoryMiB": 45312,
          "multiprocessors": 30,
          "copyEngines": 2,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 0,
          "giProfileId": 15,
          "nvmlProfile": "1_SLICE_REV2",
          "sources": [
            "docs",
            "b200-hw",
            "mpconfig",
            "gke",
            "dra"
          ],
          "unconfirmed": [
            "placements (inferred)"
          ]
        },
        {
          "name": "2g.45gb",
          "computeSlices": 2,
          "memorySlices": 2,
          "memoryFraction": "2/8",
          "maxInstances": 3,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            },
            {
              "start": 4,
              "size": 2
            }
          ],
          "memoryMiB": 45312,
          "multiprocessors": 36,
          "copyEngines": 4,
          "decoders": 2,
          "encoders": 0,
          "jpeg": 2,
          "ofa": 0,
          "giProfileId": 14,
          "nvmlProfile": "2_SLICE",
          "sources": [
            "docs",
            "b200-hw",
            "mpconfig",
            "gke",
            "dra"
          ],
          "unconfirmed": [
            "placements (inferred)"
          ]
        },
        {
          "name": "3g.90gb",
          "computeSlices": 3,
          "memorySlices": 4,
          "memoryFraction": "4/8",
          "maxInstances": 2,
          "placements": [
            {
              "start": 0,
              "size": 4
            },
            {
              "start": 4,
              "size": 4
            }
          ],
          "copyEngines": 6,
          "ofa": 0,
          "giProfileId": 9,
          "nvmlProfile": "3_SLICE",
          "sources": [
            "docs",
            "b200-hw",
            "mpconfig",
            "gke",
            "dra"
          ],
          "unconfirmed": [
            "memoryMiB",
            "multiprocessors",
            "decoders/jpeg",
            "placements (inferred; size 4 confirmed by DRA comment)"
          ]
        },
        {
          "name": "4g.90gb",
          "computeSlices": 4,
          "memorySlices": 4,
          "memoryFraction": "4/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 4
            }
          ],
          "copyEngines": 8,
          "ofa": 0,
          "giProfileId": 5,
          "nvmlProfile": "4_SLICE",
          "sources": [
            "docs",
            "b200-hw",
            "mpconfig",
            "gke",
            "dra"
          ],
          "unconfirmed": [
            "memoryMiB",
            "multiprocessors",
            "decoders/jpeg",
            "placements (inferred)"
          ]
        },
        {
          "name": "7g.180gb",
          "computeSlices": 7,
          "memorySlices": 8,
          "memoryFraction": "8/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 8
            }
          ],
          "copyEngines": 16,
          "ofa": 1,
          "giProfileId": 0,
          "nvmlProfile": "7_SLICE",
          "sources": [
            "docs",
            "b200-hw",
            "mpconfig",
            "gke",
            "dra"
          ],
          "unconfirmed": [
            "memoryMiB",
            "multiprocessors",
            "decoders/jpeg",
            "placements (inferred)"
          ]
        }
      ]
    },
    {
      "id": "gb200",
      "displayName": "NVIDIA GB200 (HGX GB200 / GB200 NVL, 186GB)",
      "architecture": "Blackwell (GB100)",
      "pciDeviceIds": [
        "0x294110DE"
      ],
      "pciIdsNames": {
        "0x2941": "GB100 [HGX GB200]"
      },
      "nvmlNames": [
        "NVIDIA GB200 (unconfirmed)"
      ],
      "gfdProduct": [],
      "totalMemoryMiB": null,
      "computeSlices": 7,
      "placementUnits": 8,
      "memorySlices": 8,
      "status": "names/counts from mig-parted config (post Aug-2025 fix) and hardware -lgip first rows; the MIG guide has no GB200 table; 3g/4g/7g details and all placements unconfirmed",
      "notes": [
        "Early drivers named the 1-slice profile 1g.24gb (PR #1303, Mar 2025); production boards report 1g.23gb (issue #227, Aug 2025) - mig-parted/gpu-operator configs were changed to 1g.23gb.",
        "The static default config still carries the early names as all-3g.95gb / all-4g.95gb / all-7g.189gb (added with the first GB200 support, commit 89dd81a); they match no current board."
      ],
      "olderDriverNames": {
        "1g.23gb": "1g.24gb",
        "1g.23gb+me": "1g.24gb+me",
        "3g.93gb": "3g.95gb",
        "4g.93gb": "4g.95gb",
        "7g.186gb": "7g.189gb"
      },
      "profiles": [
        {
          "name": "1g.23gb",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/8",
          "maxInstances": 7,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            },
            {
              "start": 4,
              "size": 1
            },
            {
              "start": 5,
              "size": 1
            },
            {
              "start": 6,
              "size": 1
            }
          ],
          "memoryMiB": 22528,
          "multiprocessors": 18,
          "copyEngines": 2,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 0,
          "giProfileId": 19,
          "nvmlProfile": "1_SLICE",
          "sources": [
            "gb200-hw",
            "mpconfig",
            "gke"
          ],
          "unconfirmed": [
            "placements (inferred)"
          ]
        },
        {
          "name": "1g.23gb+me",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            },
            {
              "start": 4,
              "size": 1
            },
            {
              "start": 5,
              "size": 1
            },
            {
              "start": 6,
              "size": 1
            }
          ],
          "memoryMiB": 22528,
          "multiprocessors": 18,
          "copyEngines": 2,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 1,
          "giProfileId": 20,
          "nvmlProfile": "1_SLICE_REV1",
          "sources": [
            "gb200-hw",
            "mpconfig",
            "gke"
          ],
          "unconfirmed": [
            "placements (inferred)"
          ]
        },
        {
          "name": "1g.47gb",
          "computeSlices": 1,
          "memorySlices": 2,
          "memoryFraction": "2/8",
          "maxInstances": 4,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            },
            {
              "start": 4,
              "size": 2
            },
            {
              "start": 6,
              "size": 2
            }
          ],
          "memoryMiB": 46592,
          "multiprocessors": 32,
          "copyEngines": 2,
          "decoders": 1,
          "encoders": 0,
          "jpeg": 1,
          "ofa": 0,
          "giProfileId": 15,
          "nvmlProfile": "1_SLICE_REV2",
          "sources": [
            "gb200-hw",
            "mpconfig",
            "gke"
          ],
          "unconfirmed": [
            "placements (inferred)"
          ]
        },
        {
          "name": "2g.47gb",
          "computeSlices": 2,
          "memorySlices": 2,
          "memoryFraction": "2/8",
          "maxInstances": 3,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            },
            {
              "start": 4,
              "size": 2
            }
          ],
          "memoryMiB": 46592,
          "multiprocessors": 38,
          "copyEngines": 4,
          "decoders": 2,
          "encoders": 0,
          "jpeg": 2,
          "ofa": 0,
          "giProfileId": 14,
          "nvmlProfile": "2_SLICE",
          "sources": [
            "gb200-hw",
            "mpconfig",
            "gke"
          ],
          "unconfirmed": [
            "placements (inferred)"
          ]
        },
        {
          "name": "3g.93gb",
          "computeSlices": 3,
          "memorySlices": 4,
          "memoryFraction": "4/8",
          "maxInstances": 2,
          "placements": [
            {
              "start": 0,
              "size": 4
            },
            {
              "start": 4,
              "size": 4
            }
          ],
          "giProfileId": 9,
          "nvmlProfile": "3_SLICE",
          "sources": [
            "gb200-hw",
            "mpconfig",
            "gke"
          ],
          "unconfirmed": [
            "memoryMiB",
            "multiprocessors",
            "engines",
            "placements (inferred)"
          ]
        },
        {
          "name": "4g.93gb",
          "computeSlices": 4,
          "memorySlices": 4,
          "memoryFraction": "4/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 4
            }
          ],
          "giProfileId": 5,
          "nvmlProfile": "4_SLICE",
          "sources": [
            "gb200-hw",
            "mpconfig",
            "gke"
          ],
          "unconfirmed": [
            "memoryMiB",
            "multiprocessors",
            "engines",
            "placements (inferred)"
          ]
        },
        {
          "name": "7g.186gb",
          "computeSlices": 7,
          "memorySlices": 8,
          "memoryFraction": "8/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 8
            }
          ],
          "giProfileId": 0,
          "nvmlProfile": "7_SLICE",
          "sources": [
            "gb200-hw",
            "mpconfig",
            "gke"
          ],
          "unconfirmed": [
            "memoryMiB",
            "multiprocessors",
            "engines",
            "placements (inferred)"
          ]
        }
      ]
    },
    {
      "id": "b300",
      "displayName": "NVIDIA B300 (Blackwell Ultra, SXM6)",
      "architecture": "Blackwell Ultra (GB110)",
      "pciDeviceIds": [
        "0x318210DE"
      ],
      "pciIdsNames": {
        "0x3182": "GB110 [B300 SXM6 AC]"
      },
      "nvmlNames": [],
      "gfdProduct": [],
      "totalMemoryMiB": null,
      "computeSlices": 7,
      "placementUnits": 8,
      "memorySlices": 8,
      "status": "names and max counts only (mig-parted static config; not in the MIG user guide as of the scraped versions) - unconfirmed",
      "profiles": [
        {
          "name": "1g.34gb",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/8",
          "maxInstances": 7,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            },
            {
              "start": 4,
              "size": 1
            },
            {
              "start": 5,
              "size": 1
            },
            {
              "start": 6,
              "size": 1
            }
          ],
          "sources": [
            "mpconfig",
            "pciids"
          ],
          "unconfirmed": [
            "everything except name and max count (from mig-parted config); computeSlices/memorySlices/placements inferred from the B200 pattern"
          ]
        },
        {
          "name": "1g.34gb+me",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            },
            {
              "start": 4,
              "size": 1
            },
            {
              "start": 5,
              "size": 1
            },
            {
              "start": 6,
              "size": 1
            }
          ],
          "sources": [
            "mpconfig",
            "pciids"
          ],
          "unconfirmed": [
            "everything except name and max count (from mig-parted config); computeSlices/memorySlices/placements inferred from the B200 pattern"
          ]
        },
        {
          "name": "1g.67gb",
          "computeSlices": 1,
          "memorySlices": 2,
          "memoryFraction": "2/8",
          "maxInstances": 4,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            },
            {
              "start": 4,
              "size": 2
            },
            {
              "start": 6,
              "size": 2
            }
          ],
          "sources": [
            "mpconfig",
            "pciids"
          ],
          "unconfirmed": [
            "everything except name and max count (from mig-parted config); computeSlices/memorySlices/placements inferred from the B200 pattern"
          ]
        },
        {
          "name": "2g.67gb",
          "computeSlices": 2,
          "memorySlices": 2,
          "memoryFraction": "2/8",
          "maxInstances": 3,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            },
            {
              "start": 4,
              "size": 2
            }
          ],
          "sources": [
            "mpconfig",
            "pciids"
          ],
          "unconfirmed": [
            "everything except name and max count (from mig-parted config); computeSlices/memorySlices/placements inferred from the B200 pattern"
          ]
        },
        {
          "name": "3g.135gb",
          "computeSlices": 3,
          "memorySlices": 4,
          "memoryFraction": "4/8",
          "maxInstances": 2,
          "placements": [
            {
              "start": 0,
              "size": 4
            },
            {
              "start": 4,
              "size": 4
            }
          ],
          "sources": [
            "mpconfig",
            "pciids"
          ],
          "unconfirmed": [
            "everything except name and max count (from mig-parted config); computeSlices/memorySlices/placements inferred from the B200 pattern"
          ]
        },
        {
          "name": "4g.135gb",
          "computeSlices": 4,
          "memorySlices": 4,
          "memoryFraction": "4/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 4
            }
          ],
          "sources": [
            "mpconfig",
            "pciids"
          ],
          "unconfirmed": [
            "everything except name and max count (from mig-parted config); computeSlices/memorySlices/placements inferred from the B200 pattern"
          ]
        },
        {
          "name": "7g.269gb",
          "computeSlices": 7,
          "memorySlices": 8,
          "memoryFraction": "8/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 8
            }
          ],
          "sources": [
            "mpconfig",
            "pciids"
          ],
          "unconfirmed": [
            "everything except name and max count (from mig-parted config); computeSlices/memorySlices/placements inferred from the B200 pattern"
          ]
        }
      ]
    },
    {
      "id": "gb300",
      "displayName": "NVIDIA GB300",
      "architecture": "Blackwell Ultra (GB110)",
      "pciDeviceIds": [
        "0x31C210DE"
      ],
      "pciIdsNames": {
        "0x31C2": "GB110 [GB300]"
      },
      "nvmlNames": [],
      "gfdProduct": [],
      "totalMemoryMiB": null,
      "computeSlices": 7,
      "placementUnits": 8,
      "memorySlices": 8,
      "status": "names and max counts only (mig-parted static config) - unconfirmed",
      "profiles": [
        {
          "name": "1g.35gb",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/8",
          "maxInstances": 7,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            },
            {
              "start": 4,
              "size": 1
            },
            {
              "start": 5,
              "size": 1
            },
            {
              "start": 6,
              "size": 1
            }
          ],
          "sources": [
            "mpconfig",
            "pciids"
          ],
          "unconfirmed": [
            "everything except name and max count (from mig-parted config); computeSlices/memorySlices/placements inferred from the B200 pattern"
          ]
        },
        {
          "name": "1g.35gb+me",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 1
            },
            {
              "start": 1,
              "size": 1
            },
            {
              "start": 2,
              "size": 1
            },
            {
              "start": 3,
              "size": 1
            },
            {
              "start": 4,
              "size": 1
            },
            {
              "start": 5,
              "size": 1
            },
            {
              "start": 6,
              "size": 1
            }
          ],
          "sources": [
            "mpconfig",
            "pciids"
          ],
          "unconfirmed": [
            "everything except name and max count (from mig-parted config); computeSlices/memorySlices/placements inferred from the B200 pattern"
          ]
        },
        {
          "name": "1g.70gb",
          "computeSlices": 1,
          "memorySlices": 2,
          "memoryFraction": "2/8",
          "maxInstances": 4,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            },
            {
              "start": 4,
              "size": 2
            },
            {
              "start": 6,
              "size": 2
            }
          ],
          "sources": [
            "mpconfig",
            "pciids"
          ],
          "unconfirmed": [
            "everything except name and max count (from mig-parted config); computeSlices/memorySlices/placements inferred from the B200 pattern"
          ]
        },
        {
          "name": "2g.70gb",
          "computeSlices": 2,
          "memorySlices": 2,
          "memoryFraction": "2/8",
          "maxInstances": 3,
          "placements": [
            {
              "start": 0,
              "size": 2
            },
            {
              "start": 2,
              "size": 2
            },
            {
              "start": 4,
              "size": 2
            }
          ],
          "sources": [
            "mpconfig",
            "pciids"
          ],
          "unconfirmed": [
            "everything except name and max count (from mig-parted config); computeSlices/memorySlices/placements inferred from the B200 pattern"
          ]
        },
        {
          "name": "3g.139gb",
          "computeSlices": 3,
          "memorySlices": 4,
          "memoryFraction": "4/8",
          "maxInstances": 2,
          "placements": [
            {
              "start": 0,
              "size": 4
            },
            {
              "start": 4,
              "size": 4
            }
          ],
          "sources": [
            "mpconfig",
            "pciids"
          ],
          "unconfirmed": [
            "everything except name and max count (from mig-parted config); computeSlices/memorySlices/placements inferred from the B200 pattern"
          ]
        },
        {
          "name": "4g.139gb",
          "computeSlices": 4,
          "memorySlices": 4,
          "memoryFraction": "4/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 4
            }
          ],
          "sources": [
            "mpconfig",
            "pciids"
          ],
          "unconfirmed": [
            "everything except name and max count (from mig-parted config); computeSlices/memorySlices/placements inferred from the B200 pattern"
          ]
        },
        {
          "name": "7g.278gb",
          "computeSlices": 7,
          "memorySlices": 8,
          "memoryFraction": "8/8",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 8
            }
          ],
          "sources": [
            "mpconfig",
            "pciids"
          ],
          "unconfirmed": [
            "everything except name and max count (from mig-parted config); computeSlices/memorySlices/placements inferred from the B200 pattern"
          ]
        }
      ]
    },
    {
      "id": "rtx-pro-6000-blackwell",
      "displayName": "NVIDIA RTX PRO 6000 Blackwell (Server, Workstation, Max-Q Workstation) 96GB",
      "architecture": "Blackwell (GB202)",
      "pciDeviceIds": [
        "0x2BB510DE",
        "0x2BB110DE",
        "0x2BB410DE"
      ],
      "pciIdsNames": {
        "0x2BB5": "GB202GL [RTX PRO 6000 Blackwell Server Edition]",
        "0x2BB1": "GB202GL [RTX PRO 6000 Blackwell Workstation Edition]",
        "0x2BB4": "GB202GL [RTX PRO 6000 Blackwell Max-Q Workstation Edition]"
      },
      "nvmlNames": [
        "NVIDIA RTX PRO 6000 Blackwell Server Edition"
      ],
      "gfdProduct": [
        "NVIDIA-RTX-PRO-6000-Blackwell-Server-Edition"
      ],
      "totalMemoryMiB": 97887,
      "computeSlices": 4,
      "placementUnits": 12,
      "memorySlices": 4,
      "status": "confirmed for Server Edition 0x2BB5 (hardware -lgip/-lgipp/-lgi + docs); Workstation/Max-Q share the docs table (need vBIOS >= 98.02.55/98.02.6A and DisplayModeSelector compute mode) but only 0x2BB5 is in mig-parted's all-balanced filter",
      "notes": [
        "Placement grid is 12 units (not 8): 1g = 3 units at {0,3,6,9}, 2g = 6 units at {0,6}, 4g = 12 units at {0}.",
        "Max 4 instances; 4 compute slices (46/94/188 SMs).",
        "Memory on another driver: 1g 23.12 GiB, 2g 46.50 GiB (bigstack-oss/cubecos #312).",
        "mig-parted config key names replace '+' with '.': all-1g.24gb.gfx, all-1g.24gb.me.all, all-1g.24gb-me; GFD/device-plugin resource names do the same (nvidia.com/mig-1g.24gb.gfx).",
        "Universal MIG: +gfx profiles enable graphics APIs; +me.all takes all media engines; -me has none."
      ],
      "profiles": [
        {
          "name": "1g.24gb",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/4",
          "maxInstances": 4,
          "placements": [
            {
              "start": 0,
              "size": 3
            },
            {
              "start": 3,
              "size": 3
            },
            {
              "start": 6,
              "size": 3
            },
            {
              "start": 9,
              "size": 3
            }
          ],
          "memoryMiB": 24192,
          "multiprocessors": 46,
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 1,
          "jpeg": 1,
          "ofa": 0,
          "giProfileId": 14,
          "nvmlProfile": "1_SLICE",
          "sources": [
            "docs",
            "rtx6000-hw",
            "gke",
            "mpconfig"
          ],
          "unconfirmed": []
        },
        {
          "name": "1g.24gb+me",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/4",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 3
            },
            {
              "start": 3,
              "size": 3
            },
            {
              "start": 6,
              "size": 3
            },
            {
              "start": 9,
              "size": 3
            }
          ],
          "memoryMiB": 24192,
          "multiprocessors": 46,
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 1,
          "jpeg": 1,
          "ofa": 1,
          "giProfileId": 21,
          "nvmlProfile": "1_SLICE_REV1",
          "sources": [
            "docs",
            "rtx6000-hw",
            "gke",
            "mpconfig"
          ],
          "unconfirmed": []
        },
        {
          "name": "1g.24gb+gfx",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/4",
          "maxInstances": 4,
          "placements": [
            {
              "start": 0,
              "size": 3
            },
            {
              "start": 3,
              "size": 3
            },
            {
              "start": 6,
              "size": 3
            },
            {
              "start": 9,
              "size": 3
            }
          ],
          "memoryMiB": 24192,
          "multiprocessors": 46,
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 1,
          "jpeg": 1,
          "ofa": 0,
          "giProfileId": 47,
          "nvmlProfile": "1_SLICE_GFX",
          "sources": [
            "docs",
            "rtx6000-hw",
            "gke",
            "mpconfig"
          ],
          "unconfirmed": []
        },
        {
          "name": "1g.24gb+me.all",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/4",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 3
            },
            {
              "start": 3,
              "size": 3
            },
            {
              "start": 6,
              "size": 3
            },
            {
              "start": 9,
              "size": 3
            }
          ],
          "memoryMiB": 24192,
          "multiprocessors": 46,
          "copyEngines": 1,
          "decoders": 4,
          "encoders": 4,
          "jpeg": 4,
          "ofa": 1,
          "giProfileId": 65,
          "nvmlProfile": "1_SLICE_ALL_ME",
          "sources": [
            "docs",
            "rtx6000-hw",
            "gke",
            "mpconfig"
          ],
          "unconfirmed": []
        },
        {
          "name": "1g.24gb-me",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/4",
          "maxInstances": 4,
          "placements": [
            {
              "start": 0,
              "size": 3
            },
            {
              "start": 3,
              "size": 3
            },
            {
              "start": 6,
              "size": 3
            },
            {
              "start": 9,
              "size": 3
            }
          ],
          "memoryMiB": 24192,
          "multiprocessors": 46,
          "copyEngines": 1,
          "decoders": 0,
          "encoders": 0,
          "jpeg": 0,
          "ofa": 0,
          "giProfileId": 67,
          "nvmlProfile": "1_SLICE_NO_ME",
          "sources": [
            "docs",
            "rtx6000-hw",
            "gke",
            "mpconfig"
          ],
          "unconfirmed": []
        },
        {
          "name": "2g.48gb",
          "computeSlices": 2,
          "memorySlices": 2,
          "memoryFraction": "2/4",
          "maxInstances": 2,
          "placements": [
            {
              "start": 0,
              "size": 6
            },
            {
              "start": 6,
              "size": 6
            }
          ],
          "memoryMiB": 48512,
          "multiprocessors": 94,
          "copyEngines": 2,
          "decoders": 2,
          "encoders": 2,
          "jpeg": 2,
          "ofa": 0,
          "giProfileId": 5,
          "nvmlProfile": "2_SLICE",
          "sources": [
            "docs",
            "rtx6000-hw",
            "gke",
            "mpconfig"
          ],
          "unconfirmed": []
        },
        {
          "name": "2g.48gb+gfx",
          "computeSlices": 2,
          "memorySlices": 2,
          "memoryFraction": "2/4",
          "maxInstances": 2,
          "placements": [
            {
              "start": 0,
              "size": 6
            },
            {
              "start": 6,
              "size": 6
            }
          ],
          "memoryMiB": 48512,
          "multiprocessors": 94,
          "copyEngines": 2,
          "decoders": 2,
          "encoders": 2,
          "jpeg": 2,
          "ofa": 0,
          "giProfileId": 35,
          "nvmlProfile": "2_SLICE_GFX",
          "sources": [
            "docs",
            "rtx6000-hw",
            "gke",
            "mpconfig"
          ],
          "unconfirmed": []
        },
        {
          "name": "2g.48gb+me.all",
          "computeSlices": 2,
          "memorySlices": 2,
          "memoryFraction": "2/4",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 6
            },
            {
              "start": 6,
              "size": 6
            }
          ],
          "memoryMiB": 48512,
          "multiprocessors": 94,
          "copyEngines": 2,
          "decoders": 4,
          "encoders": 4,
          "jpeg": 4,
          "ofa": 1,
          "giProfileId": 64,
          "nvmlProfile": "2_SLICE_ALL_ME",
          "sources": [
            "docs",
            "rtx6000-hw",
            "gke",
            "mpconfig"
          ],
          "unconfirmed": []
        },
        {
          "name": "2g.48gb-me",
          "computeSlices": 2,
          "memorySlices": 2,
          "memoryFraction": "2/4",
          "maxInstances": 2,
          "placements": [
            {
              "start": 0,
              "size": 6
            },
            {
              "start": 6,
              "size": 6
            }
          ],
          "memoryMiB": 48512,
          "multiprocessors": 94,
          "copyEngines": 2,
          "decoders": 0,
          "encoders": 0,
          "jpeg": 0,
          "ofa": 0,
          "giProfileId": 66,
          "nvmlProfile": "2_SLICE_NO_ME",
          "sources": [
            "docs",
            "rtx6000-hw",
            "gke",
            "mpconfig"
          ],
          "unconfirmed": []
        },
        {
          "name": "4g.96gb",
          "computeSlices": 4,
          "memorySlices": 4,
          "memoryFraction": "4/4",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 12
            }
          ],
          "memoryMiB": 97408,
          "multiprocessors": 188,
          "copyEngines": 4,
          "decoders": 4,
          "encoders": 4,
          "jpeg": 4,
          "ofa": 1,
          "giProfileId": 0,
          "nvmlProfile": "4_SLICE",
          "sources": [
            "docs",
            "rtx6000-hw",
            "gke",
            "mpconfig"
          ],
          "unconfirmed": []
        },
        {
          "name": "4g.96gb+gfx",
          "computeSlices": 4,
          "memorySlices": 4,
          "memoryFraction": "4/4",
          "maxInstances": 1,
          "placements": [
            {
              "start": 0,
              "size": 12
            }
          ],
          "memoryMiB": 97408,
          "multiprocessors": 188,
          "copyEngines": 4,
          "decoders": 4,
          "encoders": 4,
          "jpeg": 4,
          "ofa": 1,
          "giProfileId": 32,
          "nvmlProfile": "4_SLICE_GFX",
          "sources": [
            "docs",
            "rtx6000-hw",
            "gke",
            "mpconfig"
          ],
          "unconfirmed": []
        }
      ]
    },
    {
      "id": "rtx-pro-5000-blackwell",
      "displayName": "NVIDIA RTX PRO 5000 Blackwell 48GB",
      "architecture": "Blackwell (GB202)",
      "pciDeviceIds": [
        "0x2BB310DE"
      ],
      "pciIdsNames": {
        "0x2BB3": "GB202GL [RTX PRO 5000 Blackwell / RTX PRO 5000 72GB Blackwell]"
      },
      "nvmlNames": [],
      "gfdProduct": [],
      "totalMemoryMiB": null,
      "computeSlices": 2,
      "placementUnits": null,
      "memorySlices": 2,
      "status": "docs table only (newest scrape: 2 compute slices, max 2 instances); an older v580 scrape showed a different 4-slice table (1g.12gb/2g.24gb-me/4g.48gb) - conflicting, unconfirmed; not in mig-parted defaults",
      "profiles": [
        {
          "name": "1g.24gb",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/2",
          "maxInstances": 2,
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 1,
          "jpeg": 0,
          "ofa": 0,
          "sources": [
            "docs",
            "pciids"
          ],
          "unconfirmed": [
            "placements",
            "memoryMiB",
            "multiprocessors",
            "giProfileId"
          ]
        },
        {
          "name": "1g.24gb+me",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/2",
          "maxInstances": 1,
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 1,
          "jpeg": 1,
          "ofa": 1,
          "sources": [
            "docs",
            "pciids"
          ],
          "unconfirmed": [
            "placements",
            "memoryMiB",
            "multiprocessors",
            "giProfileId"
          ]
        },
        {
          "name": "1g.24gb+gfx",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/2",
          "maxInstances": 2,
          "copyEngines": 1,
          "decoders": 1,
          "encoders": 1,
          "jpeg": 0,
          "ofa": 0,
          "sources": [
            "docs",
            "pciids"
          ],
          "unconfirmed": [
            "placements",
            "memoryMiB",
            "multiprocessors",
            "giProfileId"
          ]
        },
        {
          "name": "1g.24gb+me.all",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/2",
          "maxInstances": 1,
          "copyEngines": 1,
          "decoders": 3,
          "encoders": 3,
          "jpeg": 1,
          "ofa": 1,
          "sources": [
            "docs",
            "pciids"
          ],
          "unconfirmed": [
            "placements",
            "memoryMiB",
            "multiprocessors",
            "giProfileId"
          ]
        },
        {
          "name": "1g.24gb-me",
          "computeSlices": 1,
          "memorySlices": 1,
          "memoryFraction": "1/2",
          "maxInstances": 2,
          "copyEngines": 1,
          "decoders": 0,
          "encoders": 0,
          "jpeg": 0,
          "ofa": 0,
          "sources": [
            "docs",
            "pciids"
          ],
          "unconfirmed": [
            "placements",
            "memoryMiB",
            "multiprocessors",
            "giProfileId"
          ]
        },
        {
          "name": "2g.48gb",
          "computeSlices": 2,
          "memorySlices": 2,
          "memoryFraction": "2/2",
          "maxInstances": 1,
          "copyEngines": 4,
          "decoders": 3,
          "encoders": 3,
          "jpeg": 1,
          "ofa": 1,
          "sources": [
            "docs",
            "pciids"
          ],
          "unconfirmed": [
            "placements",
            "memoryMiB",
            "multiprocessors",
            "giProfileId"
          ]
        },
        {
          "name": "2g.48gb+gfx",
          "computeSlices": 2,
          "memorySlices": 2,
          "memoryFraction": "2/2",
          "maxInstances": 1,
          "copyEngines": 4,
          "decoders": 3,
          "encoders": 3,
          "jpeg": 1,
          "ofa": 1,
          "sources": [
            "docs",
            "pciids"
          ],
          "unconfirmed": [
            "placements",
            "memoryMiB",
            "multiprocessors",
            "giProfileId"
          ]
        }
      ]
    }
  ]
};
