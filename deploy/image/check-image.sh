#!/usr/bin/env bash
# Opens the OCI tarball Jib wrote, as a container runtime would, without one: reads the index,
# the manifest and the config, stacks the layers into a root file system, then runs the image's
# own entrypoint in it (chroot, new mount and PID namespaces with /proc) as its own user.
#   deploy/image/check-image.sh starter/target/jib-image.tar [ROSTER ARGS...]   (as root)
# With no ROSTER ARGS it runs `--version` and `worker --help`; `demo` runs the demo inside it.
set -euo pipefail
tarball=$(readlink -f "${1:?usage: check-image.sh IMAGE.tar [ARGS...]}")
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xf "$tarball" -C "$work"
blob() { echo "$work/blobs/${1/://}"; }
json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$@"; }
manifest=$(blob "$(json "$work/index.json" 'd["manifests"][0]["digest"]')")
config=$(blob "$(json "$manifest" 'd["config"]["digest"]')")
user=$(json "$config" 'd["config"]["User"]')
entrypoint=$(json "$config" '" ".join(d["config"]["Entrypoint"])')
echo "image: $(du -h "$tarball" | cut -f1), user $user, entrypoint: $entrypoint"
root="$work/root"
mkdir -p "$root"
for layer in $(json "$manifest" '" ".join(l["digest"] for l in d["layers"])'); do
  tar --warning=no-unknown-keyword -xzf "$(blob "$layer")" -C "$root"
done
mkdir -p "$root/proc" "$root/dev"
touch "$root/dev/null" "$root/dev/urandom" "$root/dev/random"
run() {
  # shellcheck disable=SC2086
  unshare -m -p -f --mount-proc="$root/proc" sh -c '
    root=$0 user=$1; shift
    for d in null urandom random; do mount --bind /dev/$d "$root/dev/$d"; done
    exec chroot --userspec="$user" "$root" "$@"' "$root" "$user" $entrypoint "$@"
}
if [[ $# -eq 0 ]]; then
  run --version
  run worker --help | head -3
else
  run "$@"
fi
