#!/bin/sh
# Emolens launcher: no arguments start the desktop app, arguments run the command line (emolens --help).
# EMOLENS_JAVA_OPTS adds JVM options (for example -Xmx8g for training).
self=$(readlink -f "$0")
home=$(dirname "$(dirname "$self")")
# Two malloc arenas: with glibc's default of one per thread per core, the native memory that video decoding and
# recording allocate from many threads keeps growing for an hour (docs/BENCHMARKS.md, soak); with two it stays flat.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec "$home/runtime/bin/java" $EMOLENS_JAVA_OPTS -Demolens.home="$home" -jar "$home/app/emolens.jar" "$@"
