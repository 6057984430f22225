#!/bin/sh
# Emolens launcher: no arguments start the desktop app, arguments run the command line (emolens --help).
# EMOLENS_JAVA_OPTS adds JVM options (for example -Xmx8g for training).
self=$(readlink -f "$0")
home=$(dirname "$(dirname "$self")")
exec "$home/runtime/bin/java" $EMOLENS_JAVA_OPTS -Demolens.home="$home" -jar "$home/app/emolens.jar" "$@"
