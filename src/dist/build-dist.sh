#!/usr/bin/env bash
# Builds the self-contained app image and the Debian package from what `mvn package` left in target/:
#   target/dist/emolens-VERSION-linux-x86_64.tar.gz   (emolens/: runtime/, app/, models/, haarcascades/, demo/, bin/emolens)
#   target/dist/emolens_VERSION_amd64.deb             (/opt/emolens, /usr/bin/emolens, desktop entry, icons)
# Called by `mvn -Pdist package` (pom.xml); usable by hand: src/dist/build-dist.sh VERSION TARGET_DIR
set -euo pipefail
version=$1
target=$(cd "$2" && pwd)
repo=$(cd "$(dirname "$0")/../.." && pwd)
dist=$target/dist
work=$target/dist-work
image=$work/emolens
# Java modules the app uses (jdeps --print-module-deps over target/emolens.jar and target/lib, plus what is
# reached by reflection or service lookup: zip file systems, elliptic-curve TLS, extra charsets, JNDI for DL4J's
# environment probe, the keyring's D-Bus connection: jdk.security.auth for the user id, jdk.net for its Unix socket).
modules=java.base,java.compiler,java.desktop,java.prefs,java.sql,java.naming,java.management,jdk.management,jdk.unsupported,jdk.zipfs,jdk.crypto.ec,jdk.charsets,jdk.security.auth,jdk.net

for tool in jlink tar dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "build-dist: $tool is missing (JDK 17 for jlink; Debian's dpkg for dpkg-deb)" >&2; exit 2; }
done
[ -f "$target/emolens.jar" ] && [ -d "$target/lib" ] || { echo "build-dist: run mvn package first (target/emolens.jar, target/lib)" >&2; exit 2; }

rm -rf "$work" "$dist"
mkdir -p "$image/app" "$image/bin" "$dist"
echo "build-dist: Java runtime ($modules)"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 --output "$image/runtime"
cp "$target/emolens.jar" "$image/app/"
cp -r "$target/lib" "$image/app/lib"
for folder in models haarcascades demo; do
  cp -r "$repo/$folder" "$image/$folder"
done
cp "$repo/README.md" "$image/"
cp "$repo/src/main/resources/io/emolens/ui/third-party.txt" "$image/THIRD-PARTY.txt"
mkdir -p "$image/share"
cp "$repo/src/dist/icon/emolens.svg" "$repo/src/main/resources/io/emolens/ui/icon/emolens-256.png" "$image/share/"
cp "$repo/src/dist/emolens.sh" "$image/bin/emolens"
chmod 755 "$image/bin/emolens"
sed "s/@VERSION@/$version/" "$repo/src/dist/emolens.desktop" > "$image/share/emolens.desktop"

echo "build-dist: $dist/emolens-$version-linux-x86_64.tar.gz"
tar -C "$work" -czf "$dist/emolens-$version-linux-x86_64.tar.gz" emolens

echo "build-dist: $dist/emolens_${version}_amd64.deb"
root=$work/deb
mkdir -p "$root/opt" "$root/usr/bin" "$root/usr/share/applications" "$root/DEBIAN"
cp -a "$image" "$root/opt/emolens"
ln -s ../../opt/emolens/bin/emolens "$root/usr/bin/emolens"
cp "$image/share/emolens.desktop" "$root/usr/share/applications/emolens.desktop"
for size in 16 32 48 64 128 256; do
  mkdir -p "$root/usr/share/icons/hicolor/${size}x${size}/apps"
  cp "$repo/src/main/resources/io/emolens/ui/icon/emolens-$size.png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/emolens.png"
done
mkdir -p "$root/usr/share/icons/hicolor/scalable/apps"
cp "$repo/src/dist/icon/emolens.svg" "$root/usr/share/icons/hicolor/scalable/apps/emolens.svg"
installed_kb=$(du -sk "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@INSTALLED_SIZE@/$installed_kb/" "$repo/src/dist/deb/control" > "$root/DEBIAN/control"
install -m 755 "$repo/src/dist/deb/postinst" "$repo/src/dist/deb/postrm" "$root/DEBIAN/"
find "$root" -type d -exec chmod 755 {} +
dpkg-deb --root-owner-group -Zgzip --build "$root" "$dist/emolens_${version}_amd64.deb" >/dev/null
rm -rf "$work"
ls -l "$dist"
