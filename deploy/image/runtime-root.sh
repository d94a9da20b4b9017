#!/usr/bin/env bash
# Lays out the image's root file system beside the application, for Jib to put on `scratch`
# (no base image to pull, no Docker engine): a Java runtime cut to Roster's modules by jlink, the
# shared libraries that runtime links against (copied from this machine), CA certificates, a
# non-root user and the directories Roster writes to.
#   deploy/image/runtime-root.sh OUTPUT_DIR
# JAVA_HOME (or the JDK of `javac` on PATH) must hold jmods, as Debian's and Temurin 17's do.
set -euo pipefail
out=${1:?usage: runtime-root.sh OUTPUT_DIR}
jdk=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
if [[ ! -d "$jdk/jmods" ]]; then
  echo "runtime-root.sh: $jdk has no jmods; set JAVA_HOME to a JDK 17 that has them" >&2
  exit 2
fi
# What jdeps reports for Roster's class path, plus what its libraries load reflectively:
# logging, TLS (EC and Kerberos-free), management for the SDK, zip for jar resources.
modules=java.base,java.compiler,java.desktop,java.logging,java.management,java.naming
modules+=,java.net.http,java.scripting,java.security.jgss,java.sql,java.xml,jdk.crypto.ec
modules+=,jdk.httpserver,jdk.management,jdk.naming.dns,jdk.unsupported,jdk.zipfs

rm -rf "$out"
mkdir -p "$out/opt" "$out/etc" "$out/tmp" "$out/var/lib/roster/imports" "$out/etc/roster"
"$jdk/bin/jlink" --module-path "$jdk/jmods" --add-modules "$modules" --strip-debug \
  --no-man-pages --no-header-files --output "$out/opt/java"

# Debian links cacerts to /etc/ssl/certs/java; the image gets the file itself.
cacerts=$(readlink -f "$jdk/lib/security/cacerts" || true)
if [[ -f "$cacerts" ]]; then
  install -m 0644 "$cacerts" "$out/opt/java/lib/security/cacerts"
fi

# Headless: java.desktop stays for java.beans, its window, font, image and sound libraries go.
for gui in libawt_xawt libawt_headless libsplashscreen libjawt libfontmanager liblcms \
  libjavajpeg libmlib_image libjsound; do
  rm -f "$out/opt/java/lib/$gui.so"
done

# Every shared library the runtime's executables and libraries need, at the same path.
copy_lib() {
  local lib=$1
  [[ -e "$out$lib" ]] && return
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
}
while IFS= read -r elf; do
  while IFS= read -r lib; do
    copy_lib "$lib"
  done < <(ldd "$elf" 2>/dev/null | grep -oE '/[^ ]+\.so[^ ]*' | sort -u)
done < <(find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \))
# glibc resolves host names through NSS (built into libc since 2.34) and reads these.
printf 'hosts: files dns\n' >"$out/etc/nsswitch.conf"
printf 'root:x:0:0:root:/root:/sbin/nologin\nroster:x:10001:10001:roster:/tmp:/sbin/nologin\n' \
  >"$out/etc/passwd"
printf 'root:x:0:\nroster:x:10001:\n' >"$out/etc/group"
echo "runtime-root.sh: $(du -sh "$out" | cut -f1) in $out"
