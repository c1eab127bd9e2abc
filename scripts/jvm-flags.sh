#!/usr/bin/env bash
# Sourced by the launchers of JVMs that read faxes (bin/todoke, scripts/todoke-java.sh, scripts/run.sh).
#
# todoke_jvm_flags prints the JVM flags this machine's kernel calls for. Where transparent huge pages are given only
# on request (madvise, Debian's default), the Java heap asks for them: a reading JVM keeps touching fresh heap (page
# images of several MB each), and with 4 KB pages the page faults cost a noticeable share of its CPU, far more on a
# virtual machine (docs/BENCHMARKS.md, "OpenMP regions and page faults"). With "always" the kernel does it anyway,
# and with "never" the flag would only print a warning.
todoke_jvm_flags() {
  local thp
  thp=$(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || true)
  if [[ $thp == *"[madvise]"* ]]; then
    echo "-XX:+UseTransparentHugePages"
  fi
}
