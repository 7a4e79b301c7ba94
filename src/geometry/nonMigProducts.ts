/**
 * NVIDIA data-centre GPUs without MIG, as GFD labels them (`nvidia.com/gpu.product`: the NVML name
 * with spaces turned into `-`, see `gfdProductFromNvmlName`). MIG exists only on the GPUs of the
 * MIG user guide's "Supported GPUs" table (A30, A100, H100, H20, H200, B200, GB200 and the RTX PRO
 * Blackwell cards: docs.nvidia.com/datacenter/tesla/mig-user-guide/supported-gpus.html); these
 * common ones are not in it. GFD's own `nvidia.com/mig.capable=false` says the same and wins when
 * present; the list covers nodes without that label, and tells a known GPU from an unknown one.
 */
import { baseGfdProduct, gfdProductFromNvmlName } from './catalog';

const NVML_NAMES_WITHOUT_MIG = [
  'Tesla T4',
  'Tesla V100-SXM2-16GB',
  'Tesla V100-SXM2-32GB',
  'Tesla V100-PCIE-16GB',
  'Tesla V100-PCIE-32GB',
  'NVIDIA A2',
  'NVIDIA A10',
  'NVIDIA A10G',
  'NVIDIA A16',
  'NVIDIA A40',
  'NVIDIA L4',
  'NVIDIA L40',
  'NVIDIA L40S',
];

const PRODUCTS_WITHOUT_MIG = new Set(
  NVML_NAMES_WITHOUT_MIG.map((name) => gfdProductFromNvmlName(name).toLowerCase()),
);

/** True for a GFD product (suffixes such as `-SHARED` allowed) of a known GPU without MIG. */
export function isKnownGpuWithoutMig(product: string): boolean {
  if (typeof product !== 'string') return false;
  return PRODUCTS_WITHOUT_MIG.has(gfdProductFromNvmlName(baseGfdProduct(product)).toLowerCase());
}
