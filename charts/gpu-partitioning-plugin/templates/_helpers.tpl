{{/*
The plugin name is compiled into the bundle (package.json consolePlugin.name): the console
requires ConsolePlugin metadata.name to equal it, so it is a constant, not a value.
*/}}
{{- define "gpp.pluginName" -}}gpu-partitioning-plugin{{- end -}}

{{/* Secret that the service CA operator fills with the Service's serving certificate. */}}
{{- define "gpp.certSecretName" -}}{{ include "gpp.pluginName" . }}-cert{{- end -}}

{{/* Where nginx finds that certificate (the secret volume's mount path). */}}
{{- define "gpp.certMountPath" -}}/var/cert{{- end -}}

{{/* Chart label value: name-version, "+" is not allowed in label values. */}}
{{- define "gpp.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels that select the plugin pods; never change them (Deployment selectors are immutable). */}}
{{- define "gpp.selectorLabels" -}}
app.kubernetes.io/name: {{ include "gpp.pluginName" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: console-plugin
{{- end -}}

{{/* Labels on every object. */}}
{{- define "gpp.labels" -}}
{{ include "gpp.selectorLabels" . }}
app.kubernetes.io/part-of: {{ include "gpp.pluginName" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ include "gpp.chart" . }}
{{- with .Values.plugin.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Labels for the console-patching hook objects (not selected by the Deployment). */}}
{{- define "gpp.hookLabels" -}}
app.kubernetes.io/name: {{ include "gpp.pluginName" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: patch-consoles
app.kubernetes.io/part-of: {{ include "gpp.pluginName" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ include "gpp.chart" . }}
{{- with .Values.plugin.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Name of the hook's ServiceAccount, ClusterRole and ClusterRoleBinding. */}}
{{- define "gpp.patchConsolesName" -}}{{ include "gpp.pluginName" . }}-patch-consoles{{- end -}}

{{/* Name of the read-only ClusterRole and Role for people who look at everything the page shows. */}}
{{- define "gpp.viewerRoleName" -}}{{ include "gpp.pluginName" . }}-viewer{{- end -}}

{{/* Name of the minimal ClusterRole for slice availability (nodes and ClusterPolicies only). */}}
{{- define "gpp.availabilityReaderName" -}}{{ include "gpp.pluginName" . }}-availability-reader{{- end -}}

{{/* The GPU operator's namespace, where the page reads ConfigMaps and mig-manager logs. */}}
{{- define "gpp.gpuOperatorNamespace" -}}
{{- required "gpuOperator.namespace is required: the GPU operator's namespace" .Values.gpuOperator.namespace -}}
{{- end -}}

{{/* RBAC subjects from viewerRole.subjects-style entries (kind, name, namespace for ServiceAccounts). */}}
{{- define "gpp.subjects" -}}
{{- range . }}
- kind: {{ .kind }}
  name: {{ .name | quote }}
  {{- if eq .kind "ServiceAccount" }}
  namespace: {{ required "viewerRole.subjects: a ServiceAccount subject needs a namespace" .namespace }}
  {{- else }}
  apiGroup: rbac.authorization.k8s.io
  {{- end }}
{{- end }}
{{- end -}}

{{/*
Refuse to render for Kubernetes older than 1.32 (OpenShift 4.19): the bundle needs console
4.19+ (PatternFly 6, SDK 4.19). Chart.yaml kubeVersion says the same; this guard also covers
tools that ignore kubeVersion and gives a clearer message.
*/}}
{{- define "gpp.assertKubeVersion" -}}
{{- if not (semverCompare ">=1.32.0-0" .Capabilities.KubeVersion.Version) -}}
{{- fail (printf "gpu-partitioning-plugin needs OpenShift 4.19 or newer (Kubernetes >= 1.32); this cluster reports Kubernetes %s. OpenShift 4.18 and older are not supported." .Capabilities.KubeVersion.Version) -}}
{{- end -}}
{{- end -}}

{{/* Fail early with a readable message when the image is missing. */}}
{{- define "gpp.image" -}}
{{- required "plugin.image is required: the plugin image to serve, e.g. --set plugin.image=quay.io/example/gpu-partitioning-plugin:0.1.0" .Values.plugin.image -}}
{{- end -}}
