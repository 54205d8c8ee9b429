#!/usr/bin/env bash
# Proves that SwiftNB's libraries can be a versioned dependency of another package (SwiftPM
# refuses packages with unsafeFlags there): clones this repository's HEAD into a temporary
# folder, tags it 0.1.0 there, writes a package that depends on it with
# `.package(url: "file://...", from: "0.1.0")` and all five library products, builds it
# and runs main.swift. Takes minutes (a cold debug build of everything); not part of
# `swift test`. Usage: Tests/ExternalPackage/check.sh [WORKDIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-$(mktemp -d /tmp/swiftnb-consumer.XXXXXX)}"
mkdir -p "$work"
rm -rf "$work/swiftnb" "$work/consumer"
git clone --quiet "file://$root" "$work/swiftnb"
git -C "$work/swiftnb" tag 0.1.0
mkdir -p "$work/consumer/Sources/consumer"
cp "$root/Tests/ExternalPackage/main.swift" "$work/consumer/Sources/consumer/main.swift"
cat > "$work/consumer/Package.swift" <<MANIFEST
// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "consumer",
    platforms: [.macOS(.v13)],
    dependencies: [.package(url: "file://$work/swiftnb", from: "0.1.0")],
    targets: [
        .executableTarget(name: "consumer", dependencies: [
            .product(name: "TensorKit", package: "swiftnb"),
            .product(name: "RecommenderKit", package: "swiftnb"),
            .product(name: "PlotKit", package: "swiftnb"),
            .product(name: "ScriptKit", package: "swiftnb"),
            .product(name: "NotebookKit", package: "swiftnb"),
        ]),
    ],
    swiftLanguageModes: [.v5]
)
MANIFEST
cd "$work/consumer"
swift build --product consumer
"$(swift build --show-bin-path)/consumer"
grep -A6 '"identity" : "swiftnb"' Package.resolved | grep -E 'location|version'
echo "external package check passed: $work/consumer depends on swiftnb 0.1.0 ($(git -C "$work/swiftnb" rev-parse --short HEAD))"
