// swift-tools-version:6.0
// SwiftNB: notebooks for recommender systems in Swift. See README.md and ../shared/DESIGN.md.
// Each library adds its targets in its own MARK section below, so edits stay apart.
import PackageDescription

var products: [Product] = []
var dependencies: [Package.Dependency] = []
var targets: [Target] = []

/// Settings shared by every Swift target of ours. No `unsafeFlags`: SwiftPM refuses a
/// package that uses them as a versioned dependency, and the benchmarks hold without them
/// (README, "Using SwiftNB's libraries from another package").
let swiftSettings: [SwiftSetting] = []

// MARK: - System libraries (Debian: libopenblas-dev, libcairo2-dev, libreadline-dev)

targets += [
    .systemLibrary(name: "CBLAS", path: "Sources/CBLAS", pkgConfig: "openblas",
                   providers: [.apt(["libopenblas-dev"])]),
    .systemLibrary(name: "CCairo", path: "Sources/CCairo", pkgConfig: "cairo",
                   providers: [.apt(["libcairo2-dev"])]),
    .systemLibrary(name: "CReadline", path: "Sources/CReadline", pkgConfig: "readline",
                   providers: [.apt(["libreadline-dev"])]),
]

// MARK: - FileKit

/// The atomic file writer every library uses (temporary file + rename). It sits below all
/// of them, so TensorKit, PlotKit and RecommenderKit can use it without importing
/// NotebookKit or each other.
products += [.library(name: "FileKit", targets: ["FileKit"])]
targets += [
    .target(name: "FileKit", swiftSettings: swiftSettings),
    .testTarget(name: "FileKitTests", dependencies: ["FileKit"], swiftSettings: swiftSettings),
]

// MARK: - TensorKit

products += [.library(name: "TensorKit", targets: ["TensorKit"])]
targets += [
    // Header-only: square roots that vectorise without the -fno-math-errno flag.
    .systemLibrary(name: "CFastMath", path: "Sources/CFastMath"),
    .target(name: "TensorKit", dependencies: ["CBLAS", "CFastMath", "FileKit"], swiftSettings: swiftSettings),
    // Shared test helpers (assertClose, checkGradient); other test targets may use them.
    .target(name: "TestSupport", dependencies: ["TensorKit"], path: "Sources/TestSupport",
            swiftSettings: swiftSettings),
    .testTarget(name: "TensorKitTests", dependencies: ["TensorKit", "TestSupport"],
                swiftSettings: swiftSettings),
    .executableTarget(name: "tensorkit-bench", dependencies: ["TensorKit", "CBLAS"],
                      path: "Sources/tensorkit-bench", swiftSettings: swiftSettings),
    // Computes the cases of tensorkit_vs_pytorch.py beside it, which compares with PyTorch.
    .executableTarget(name: "tensorkit-torch-check", dependencies: ["TensorKit"],
                      path: "Benchmarks/tensorkit-torch-check", exclude: ["tensorkit_vs_pytorch.py"],
                      swiftSettings: swiftSettings),
]

// MARK: - PlotKit

products += [
    .library(name: "PlotKit", targets: ["PlotKit"]),
    .executable(name: "plotkit-gallery", targets: ["plotkit-gallery"]),
    .executable(name: "plotkit-bench", targets: ["plotkit-bench"]),
]
targets += [
    .systemLibrary(name: "CPNG", path: "Sources/CPNG", pkgConfig: "libpng",
                   providers: [.apt(["libpng-dev"])]),
    .target(name: "PlotKit", dependencies: ["CCairo", "CPNG", "FileKit"], swiftSettings: swiftSettings),
    .target(name: "PlotKitGallery", dependencies: ["PlotKit"], swiftSettings: swiftSettings),
    .executableTarget(name: "plotkit-gallery", dependencies: ["PlotKitGallery", "PlotKit"],
                      swiftSettings: swiftSettings),
    .executableTarget(name: "plotkit-bench", dependencies: ["PlotKitGallery", "PlotKit"],
                      exclude: ["matplotlib_gallery.py"], swiftSettings: swiftSettings),
    .testTarget(name: "PlotKitTests", dependencies: ["PlotKit"], exclude: ["Golden"],
                swiftSettings: swiftSettings),
]

// MARK: - ScriptKit

products += [.library(name: "ScriptKit", targets: ["ScriptKit"])]
targets += [
    .target(name: "ScriptKit", swiftSettings: swiftSettings),
    .testTarget(name: "ScriptKitTests", dependencies: ["ScriptKit"], exclude: ["Scripts"],
                swiftSettings: swiftSettings),
    .executableTarget(name: "scriptkit-bench", dependencies: ["ScriptKit"],
                      path: "Sources/scriptkit-bench", swiftSettings: swiftSettings),
]

// MARK: - RecommenderKit

dependencies += [
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
]
products += [.library(name: "RecommenderKit", targets: ["RecommenderKit"])]
targets += [
    .target(name: "RecommenderKit",
            dependencies: ["TensorKit", "FileKit",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                           .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "_CryptoExtras", package: "swift-crypto")],
            swiftSettings: swiftSettings),
    .testTarget(name: "RecommenderKitTests", dependencies: ["RecommenderKit"],
                swiftSettings: swiftSettings),
    .executableTarget(name: "recommenderkit-bench", dependencies: ["RecommenderKit"],
                      swiftSettings: swiftSettings),
    // Trains and evaluates the models on ML-100K under RecBole's and Liang's protocols.
    .executableTarget(name: "recommenderkit-eval", dependencies: ["RecommenderKit", "TensorKit"],
                      path: "Benchmarks/recommenderkit-eval", exclude: ["recbole_topn.py", "multvae_torch.py", "analysis_check.py"],
                      swiftSettings: swiftSettings),
]

// MARK: - NotebookKit and the swiftnb tool

dependencies += [
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/JohnSundell/Ink", exact: "0.6.0"),
]
products += [
    .library(name: "NotebookKit", targets: ["NotebookKit"]),
    .executable(name: "swiftnb", targets: ["swiftnb"]),
]
targets += [
    .target(name: "NotebookKit",
            dependencies: ["ScriptKit", "TensorKit", "RecommenderKit", "PlotKit", "FileKit", "CReadline",
                           .product(name: "Ink", package: "Ink"),
                           .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings),
    .executableTarget(name: "swiftnb",
                      dependencies: ["NotebookKit", "RecommenderKit",
                                     .product(name: "ArgumentParser", package: "swift-argument-parser")],
                      swiftSettings: swiftSettings),
    .testTarget(name: "NotebookKitTests", dependencies: ["NotebookKit", "FileKit"], exclude: ["Golden", "BindingCoverage"], swiftSettings: swiftSettings),
    // End-to-end tests run the built `swiftnb` executable on the fixture notebooks.
    .testTarget(name: "swiftnbTests", dependencies: ["swiftnb", "NotebookKit"], exclude: ["Fixtures"],
                swiftSettings: swiftSettings),
]

// MARK: - Test support and benchmarks

let package = Package(
    name: "SwiftNB",
    platforms: [.macOS(.v13)],
    products: products,
    dependencies: dependencies,
    targets: targets,
    swiftLanguageModes: [.v5]
)
