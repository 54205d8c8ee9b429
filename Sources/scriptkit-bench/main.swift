import Foundation
import ScriptKit

// scriptkit-bench: runs the same small programs in the ScriptKit interpreter and in CPython
// (`python3`, a subprocess), best of 3 each, checks that both print the same result and
// prints the ratio python/scriptkit (> 1 means ScriptKit is faster). Also measures the
// interpreter's start-to-first-result time.
//
//   swift run -c release scriptkit-bench            the comparison table
//   swift run -c release scriptkit-bench --script F runs a script file and prints its value

struct Program {
    var name: String
    var script: String
    var python: String
}

let programs = [
    Program(name: "scalar loop 10^7", script: """
        var s = 0
        for i in 0..<10_000_000 {
            s = (s + i * 3) % 1_000_003
        }
        print(s)
        """, python: """
        s = 0
        for i in range(10_000_000):
            s = (s + i * 3) % 1_000_003
        print(s)
        """),
    Program(name: "fib(27) recursive", script: """
        func fib(_ n: Int) -> Int {
            if n < 2 { return n }
            return fib(n - 1) + fib(n - 2)
        }
        print(fib(27))
        """, python: """
        def fib(n):
            if n < 2: return n
            return fib(n - 1) + fib(n - 2)
        print(fib(27))
        """),
    Program(name: "array 10^6 build+sum", script: """
        var xs: [Int] = []
        for i in 0..<1_000_000 {
            xs.append(i * 2)
        }
        var total = 0
        for x in xs {
            total += x
        }
        print(total)
        """, python: """
        xs = []
        for i in range(1_000_000):
            xs.append(i * 2)
        total = 0
        for x in xs:
            total += x
        print(total)
        """),
    Program(name: "array 10^6 xs[i] updates", script: """
        var xs = Array(repeating: 0, count: 1_000_000)
        for i in 0..<1_000_000 {
            xs[i] = i * 2
        }
        var total = 0
        for i in 0..<1_000_000 {
            total += xs[i]
        }
        print(total)
        """, python: """
        xs = [0] * 1_000_000
        for i in range(1_000_000):
            xs[i] = i * 2
        total = 0
        for i in range(1_000_000):
            total += xs[i]
        print(total)
        """),
    Program(name: "calls 10^6 two args", script: """
        func add(_ a: Int, _ b: Int) -> Int { a + b }
        var s = 0
        for i in 0..<1_000_000 {
            s = add(s, i) % 1_000_003
        }
        print(s)
        """, python: """
        def add(a, b): return a + b
        s = 0
        for i in range(1_000_000):
            s = add(s, i) % 1_000_003
        print(s)
        """),
    Program(name: "closures 10^6 map+filter", script: """
        var xs: [Int] = []
        for i in 0..<1_000_000 {
            xs.append(i)
        }
        let ys = xs.map { $0 * 2 }.filter { $0 % 3 == 0 }
        print(ys.count)
        """, python: """
        xs = []
        for i in range(1_000_000):
            xs.append(i)
        ys = list(filter(lambda y: y % 3 == 0, map(lambda x: x * 2, xs)))
        print(len(ys))
        """),
    Program(name: "conversions 10^6 Double(k)", script: """
        var s = 0.0
        for k in 0..<1_000_000 {
            s += Double(k)
        }
        print(s)
        """, python: """
        s = 0.0
        for k in range(1_000_000):
            s += float(k)
        print(s)
        """),
    Program(name: "string build 10^5", script: """
        var s = ""
        for i in 0..<100_000 {
            s += "item \\(i), "
        }
        print(s.count)
        """, python: """
        s = ""
        for i in range(100_000):
            s += f"item {i}, "
        print(len(s))
        """),
    Program(name: "structs 10^5 mutating x10", script: """
        struct Particle {
            var x: Double
            var v: Double
            mutating func step(_ dt: Double) { x += v * dt }
        }
        var ps: [Particle] = []
        for i in 0..<100_000 {
            ps.append(Particle(x: 0, v: Double(i % 10)))
        }
        for _ in 0..<10 {
            for i in 0..<ps.count { ps[i].step(0.5) }
        }
        var total = 0.0
        for p in ps { total += p.x }
        print(total)
        """, python: """
        class Particle:
            __slots__ = ("x", "v")
            def __init__(self, x, v):
                self.x = x
                self.v = v
            def step(self, dt):
                self.x += self.v * dt
        ps = []
        for i in range(100_000):
            ps.append(Particle(0.0, float(i % 10)))
        for _ in range(10):
            for i in range(len(ps)):
                ps[i].step(0.5)
        total = 0.0
        for p in ps:
            total += p.x
        print(total)
        """),
    Program(name: "class list walk 10^6", script: """
        final class Node {
            let value: Int
            let next: Node?
            init(value: Int, next: Node?) {
                self.value = value
                self.next = next
            }
        }
        var head: Node? = nil
        for i in 0..<1000 {
            head = Node(value: i, next: head)
        }
        var total = 0
        for _ in 0..<1000 {
            var n = head
            while let node = n {
                total += node.value
                n = node.next
            }
        }
        print(total)
        """, python: """
        class Node:
            __slots__ = ("value", "next")
            def __init__(self, value, next):
                self.value = value
                self.next = next
        head = None
        for i in range(1000):
            head = Node(i, head)
        total = 0
        for _ in range(1000):
            n = head
            while n is not None:
                total += n.value
                n = n.next
        print(total)
        """),
]

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// Runs `program` in a fresh interpreter; returns (seconds, printed output).
func runScript(_ source: String) -> (Double, String) {
    let interpreter = Interpreter()
    var out = ""
    interpreter.output = { out += $0 }
    let start = now()
    do {
        try interpreter.run(source, origin: "bench")
    } catch {
        out += "error: \(error)\n"
    }
    return (now() - start, out.trimmingCharacters(in: .whitespacesAndNewlines))
}

/// Runs `program` in python3 as the body of a function, timing it inside the process
/// (startup excluded);
/// nil when python3 cannot be run.
func runPython(_ source: String) -> (Double, String)? {
    // Inside a function: CPython's fast path (local variables, and `s += ...` on a local
    // string appends in place, where at module level it copies).
    let body = source.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
    let wrapped = "import time as _t\ndef _main():\n" + body + "\n_start = _t.perf_counter()\n_main()\n"
        + "print('__seconds__', _t.perf_counter() - _start)\n"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", wrapped]
    let pipe = Pipe()
    process.standardOutput = pipe
    do { try process.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    var lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    guard let last = lines.popLast(), last.hasPrefix("__seconds__ "),
          let seconds = Double(last.dropFirst("__seconds__ ".count)) else { return nil }
    return (seconds, lines.joined(separator: "\n"))
}

func bestOf3<T>(_ body: () -> (Double, T)) -> (Double, T) {
    var best = body()
    for _ in 0..<2 {
        let r = body()
        if r.0 < best.0 { best = r }
    }
    return best
}

func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
}

func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }

let arguments = CommandLine.arguments
if arguments.count > 2 && arguments[1] == "--script" {
    guard let text = try? String(contentsOfFile: arguments[2], encoding: .utf8) else {
        print("cannot read \(arguments[2])")
        exit(2)
    }
    let interpreter = Interpreter()
    do {
        if let v = try interpreter.run(text, origin: arguments[2]) { print(v.debugDescription) }
    } catch {
        print(error)
        exit(1)
    }
    exit(0)
}

// Start-to-first-result: a fresh interpreter with the standard library answering `1 + 1`.
var startTimes: [Double] = []
for _ in 0..<3 {
    let start = now()
    let interpreter = Interpreter()
    let v = try? interpreter.run("1 + 1", origin: "start")
    startTimes.append(now() - start)
    if v != .int(2) { print("warning: 1 + 1 gave \(String(describing: v))") }
}
print("ScriptKit start to first result (Interpreter() + run(\"1 + 1\")): first \(ms(startTimes[0])), best \(ms(startTimes.min() ?? 0)) (target < 100 ms)")
print("")
print(pad("program", 26) + pad("ScriptKit", 14) + pad("CPython", 14) + pad("ratio", 8) + "result")
var allMatch = true
for p in programs {
    let (st, sout) = bestOf3 { runScript(p.script) }
    var line = pad(p.name, 26) + pad(ms(st), 14)
    if let (pt, pout) = bestOf3({ runPython(p.python) ?? (.infinity, "python3 failed") }) as (Double, String)?,
       pt.isFinite {
        let same = sout == pout
        allMatch = allMatch && same
        line += pad(ms(pt), 14) + pad(String(format: "%.2fx", pt / st), 8)
            + (same ? "same (\(sout))" : "DIFFERENT: scriptkit \(sout.debugDescription) python \(pout.debugDescription)")
    } else {
        line += pad("n/a", 14) + pad("n/a", 8) + sout
    }
    print(line)
}
print("")
print("ratio = CPython time / ScriptKit time (> 1: ScriptKit is faster); best of 3, run time only (no process start).")
if !allMatch { exit(1) }
