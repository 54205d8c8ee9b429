// plotkit-bench [ITERATIONS] [--python PYTHON]: times render + save as PNG of every gallery
// figure with PlotKit and with matplotlib (Sources/plotkit-bench/matplotlib_gallery.py), side
// by side in one run, and prints the ratio per figure. Release builds only:
//   swift build -c release --product plotkit-bench && .build/release/plotkit-bench
import Foundation
import PlotKit
import PlotKitGallery

func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }

func machine() -> String {
    let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
        .split(separator: "\n").first { $0.hasPrefix("model name") }?
        .split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
    return "\(cpu), \(ProcessInfo.processInfo.activeProcessorCount) cores"
}

func run() throws -> Int32 {
    var args = Array(CommandLine.arguments.dropFirst())
    var python = "python3"
    if let i = args.firstIndex(of: "--python"), i + 1 < args.count {
        python = args[i + 1]; args.removeSubrange(i...(i + 1))
    }
    let iterations = max(1, args.first.flatMap { Int($0) } ?? 7)
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plotkit-bench-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }

    let data = GalleryData()
    let only = ProcessInfo.processInfo.environment["PLOTKIT_BENCH_ONLY"]
    let entries = Gallery.entries(data, theme: .seaborn).filter { only == nil || $0.name == only }
    var ours: [String: Double] = [:]
    for e in entries {
        let path = dir.appendingPathComponent("\(e.name)-plotkit.png").path
        var times: [Double] = []
        for _ in 0...iterations {  // the first run warms caches and is not counted
            let t0 = DispatchTime.now().uptimeNanoseconds
            let fig = try e.make()
            if ProcessInfo.processInfo.environment["PLOTKIT_BENCH_SPLIT"] != nil {
                let t1 = DispatchTime.now().uptimeNanoseconds
                let png = try fig.pngData()
                let t2 = DispatchTime.now().uptimeNanoseconds
                print(e.name, "make", Double(t1 - t0) / 1e6, "png", Double(t2 - t1) / 1e6, "bytes", png.count)
            }
            try fig.save(path)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
        }
        ours[e.name] = median(Array(times.dropFirst()))
    }

    if python == "none" { return 0 }  // PlotKit only (for profiling)
    let json = dir.appendingPathComponent("gallery.json")
    try JSONEncoder().encode(data).write(to: json)
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("matplotlib_gallery.py")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [python, script.path, json.path, dir.path, String(iterations)]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        print("matplotlib run failed (is matplotlib installed? `pip install matplotlib`)")
        return 1
    }
    var theirs: [String: Double] = [:]
    for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
        let parts = line.split(separator: "\t")
        if parts.count == 2, let t = Double(parts[1]) { theirs[String(parts[0])] = t }
    }

    print("PlotKit vs matplotlib \(matplotlibVersion(python)): render + save PNG, median of \(iterations) runs")
    print("machine: \(machine())")
    print("figure".padding(toLength: 26, withPad: " ", startingAt: 0) + "   PlotKit ms   matplotlib ms   speed-up")
    var worst = Double.infinity
    for e in entries {
        guard let a = ours[e.name], let b = theirs[e.name] else { continue }
        worst = min(worst, b / a)
        print(e.name.padding(toLength: 26, withPad: " ", startingAt: 0)
              + String(format: " %12.2f %15.2f %9.1fx", a * 1000, b * 1000, b / a))
    }
    print(String(format: "slowest ratio: %.1fx (target >= 10x)", worst))
    return 0
}

func matplotlibVersion(_ python: String) -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = [python, "-c", "import matplotlib; print(matplotlib.__version__)"]
    let pipe = Pipe()
    p.standardOutput = pipe
    guard (try? p.run()) != nil else { return "?" }
    let out = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}

do {
    exit(try run())
} catch {
    FileHandle.standardError.write("plotkit-bench: \(error)\n".data(using: .utf8)!)
    exit(1)
}
