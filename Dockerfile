# syntax=docker/dockerfile:1
#
# GPU Partitioning console plugin image: builds dist/ with Node from the lock file, then serves it
# with nginx. The nginx configuration (TLS on 9443 with the service serving certificate, MIME
# types, writable paths under /tmp) comes from the Helm chart's ConfigMap, mounted at
# /etc/nginx/nginx.conf; the Deployment runs this image as a non-root, arbitrary UID with a
# read-only root filesystem and an emptyDir on /tmp.
#
#   podman build -t quay.io/<org>/gpu-partitioning-plugin:<version> .
#
# Base images are pinned by tag and digest (both observed together on the public registry).
# Refresh them with: skopeo inspect docker://registry.access.redhat.com/ubi9/<image>:<tag>

# ---- build ------------------------------------------------------------------------------------
FROM registry.access.redhat.com/ubi9/nodejs-20:9.7-1778648167@sha256:74cc7b1d13592b1e425074f434b90e470ab209da85fd1fdb8e6e9e4cabaec51a AS build

# The UBI Node.js image runs as UID 1001 in /opt/app-root/src.
WORKDIR /opt/app-root/src
ENV NODE_ENV=development \
    CI=true \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false \
    NPM_CONFIG_UPDATE_NOTIFIER=false

# Dependencies first, from the lock file only, so this layer is cached across source changes.
# No dependency needs an install script for the webpack build (native tools ship their binaries
# as optional platform packages), so scripts stay off.
COPY --chown=1001:0 package.json package-lock.json ./
RUN npm ci --ignore-scripts

COPY --chown=1001:0 . .
RUN npm run build && test -f dist/plugin-manifest.json

# ---- runtime ----------------------------------------------------------------------------------
FROM registry.access.redhat.com/ubi9/nginx-124:9.8-1787065328@sha256:3292e9a046b72b18e51229a448f97568a9af26b26bf54488bfd78094800f2e61

LABEL name="gpu-partitioning-plugin" \
      summary="OpenShift console plugin: NVIDIA MIG partitioning" \
      description="Serves the GPU Partitioning console dynamic plugin over HTTPS on port 9443." \
      io.k8s.display-name="GPU Partitioning console plugin" \
      io.k8s.description="Serves the GPU Partitioning console dynamic plugin over HTTPS on port 9443." \
      io.openshift.tags="openshift,console,plugin,nvidia,gpu,mig" \
      org.opencontainers.image.licenses="Apache-2.0"

# Only the static bundle: no Node, npm or sources in the final image.
COPY --from=build --chown=0:0 /opt/app-root/src/dist /usr/share/nginx/html

USER 1001
EXPOSE 9443
# -e: log startup errors to stderr instead of the (read-only) default log file.
CMD ["nginx", "-e", "/dev/stderr", "-g", "daemon off;"]
