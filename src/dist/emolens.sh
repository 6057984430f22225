#!/bin/sh
# Emolens launcher: no arguments start the desktop app, arguments run the command line (emolens --help).
# EMOLENS_JAVA_OPTS adds JVM options (for example -Xmx8g for training).
self=$(readlink -f "$0")
home=$(dirname "$(dirname "$self")")
# Two malloc arenas and a heap that gives back what it does not use: with glibc's default arenas the native memory
# of video decoding and recording on many threads kept growing for the whole hour of the soak (RSS +42% from minute
# 10 to 62); with these settings it levels off (docs/BENCHMARKS.md, "Soak").
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec "$home/runtime/bin/java" -XX:MaxHeapFreeRatio=30 -XX:MinHeapFreeRatio=10 $EMOLENS_JAVA_OPTS -Demolens.home="$home" -jar "$home/app/emolens.jar" "$@"
