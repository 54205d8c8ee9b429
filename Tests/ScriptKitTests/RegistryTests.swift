import XCTest
@testable import ScriptKit

/// A host type for the tests: a tiny vector with an operator and a throwing method.
final class Vec: NativeObject, CustomStringConvertible {
    let values: [Double]
    init(_ values: [Double]) { self.values = values }
    var typeName: String { "Vec" }
    var description: String { "Vec(\(values))" }
}

final class RegistryTests: XCTestCase {
    func makeInterpreter() -> (Interpreter, () -> String) {
        let registry = Registry.standard()
        registry.type("Vec", doc: "A vector of Doubles.")
            .initializer("init(_ values: [Double])", doc: "A vector.") { args in .native(Vec(args.doubles(0))) }
            .property("count: Int", doc: "Number of elements.") { this in .int(this.native(as: Vec.self)?.values.count ?? 0) }
            .method("topK(_ k: Int, largest: Bool = true) -> [Double]", doc: "The k largest values.") { this, args in
                guard let v = this.native(as: Vec.self) else { return .void }
                let k = args.int(0)
                guard k >= 0 && k <= v.values.count else { throw BindingError("k must be in 0...\(v.values.count), got \(k)") }
                let sorted = v.values.sorted(by: args.bool(1) ? { $0 > $1 } : { $0 < $1 })
                return .array(sorted.prefix(k).map { .double($0) })
            }
            .staticMethod("zeros(count: Int) -> Vec", doc: "A vector of zeros.") { args in .native(Vec(Array(repeating: 0, count: max(0, args.int(0))))) }
            .prefixOperator("-", doc: "Elementwise negation.") { a in
                guard case .native(let x as Vec) = a else { throw BindingError("expected a Vec") }
                return .native(Vec(x.values.map { -$0 }))
            }
            .binaryOperator("+", doc: "Elementwise sum, or add a scalar.") { a, b in
                switch (a, b) {
                case (.native(let x as Vec), .native(let y as Vec)):
                    guard x.values.count == y.values.count else { throw BindingError("shapes \(x.values.count) and \(y.values.count) differ") }
                    return .native(Vec(zip(x.values, y.values).map(+)))
                case (.native(let x as Vec), .double(let s)), (.double(let s), .native(let x as Vec)):
                    return .native(Vec(x.values.map { $0 + s }))
                default: throw BindingError("cannot add \(a.typeName) and \(b.typeName)")
                }
            }
        registry.function("mean(_ xs: [Double]) -> Double", doc: "Arithmetic mean.") { args in
            let xs = args.doubles(0)
            return .double(xs.isEmpty ? .nan : xs.reduce(0, +) / Double(xs.count))
        }
        registry.function("strict(_ x: Int) -> Int", doc: "Fails with a message that names itself.") { _ in
            throw BindingError("strict(_:): expected a positive number")
        }
        XCTAssertTrue(registry.signatureErrors.isEmpty, "\(registry.signatureErrors)")
        let interpreter = Interpreter(registry: registry)
        var out = ""
        interpreter.output = { out += $0 }
        return (interpreter, { out })
    }

    func testNativeTypeCallsMethodsAndOperators() throws {
        let (i, out) = makeInterpreter()
        try i.run("""
            let v = Vec([1, 5, 3])
            print(v.count, v.topK(2), v.topK(1, largest: false))
            let w = v + Vec.zeros(count: 3) + 1.5
            print(w, mean([1, 2, 3, 4]))
            """, origin: "cell 1")
        XCTAssertEqual(out(), "3 [5.0, 3.0] [1.0]\nVec([2.5, 6.5, 4.5]) 2.5\n")
        let v = try i.run("v", origin: "cell 2")
        XCTAssertEqual(v?.native(as: Vec.self)?.values, [1, 5, 3])
    }

    func testArgumentErrorsFollowOneTemplate() {
        let (i, _) = makeInterpreter()
        func message(_ code: String) -> String {
            do { try i.run(code, origin: "cell"); return "no error" } catch let e as ScriptError { return e.diagnostics[0].message } catch { return "\(error)" }
        }
        XCTAssertEqual(message("Vec([1.0]).topK(1.5)"), "cannot convert value of type 'Double' to expected argument type 'Int'")
        XCTAssertEqual(message("Vec([1.0]).topK(k: 1)"), "extraneous argument label 'k:' in call")
        XCTAssertEqual(message("Vec([1.0]).topK(5)"), "Vec.topK(_:largest:): k must be in 0...1, got 5")
        XCTAssertEqual(message("mean(\"x\")"), "cannot convert value of type 'String' to expected argument type '[Double]'")
        XCTAssertEqual(message("Vec([1.0]) + Vec([1.0, 2.0])"), "Vec +: shapes 1 and 2 differ")
        XCTAssertEqual(message("Vec([1.0]).nothing"), "value of type 'Vec' has no member 'nothing'")
    }

    func testHelpAndCompletion() throws {
        let (i, _) = makeInterpreter()
        XCTAssertEqual(i.registry.help("mean"), "mean(_ xs: [Double]) -> Double\n    Arithmetic mean.")
        let help = try XCTUnwrap(i.registry.help("Vec"))
        XCTAssertTrue(help.contains("topK(_ k: Int, largest: Bool = true) -> [Double]"), help)
        XCTAssertTrue(help.contains("The k largest values."))
        XCTAssertNotNil(i.registry.help("Vec.topK"))
        XCTAssertNil(i.registry.help("nothingHere"))
        XCTAssertTrue(Registry.standard().signatureErrors.isEmpty)
        try i.run("let vec = Vec([1.0])\nlet numbers = [1, 2]", origin: "cell")
        XCTAssertEqual(i.completions(prefix: "to", context: "vec."), ["topK"])
        XCTAssertEqual(i.completions(prefix: "co", context: "numbers."), ["compactMap", "contains", "count"])
        XCTAssertEqual(i.completions(prefix: "ze", context: "Vec."), ["zeros"])
        XCTAssertEqual(i.completions(prefix: "num", context: "print("), ["numbers"])
        XCTAssertEqual(i.completions(prefix: "lar", context: "vec.topK(1, "), ["largest:"])
        XCTAssertTrue(i.completions(prefix: "pri", context: "").contains("print"))
    }

    func testHelpListsPrefixOperators() throws {
        let (i, _) = makeInterpreter()
        let help = try XCTUnwrap(i.registry.help("Vec"))
        XCTAssertTrue(help.contains("prefix operator -\n      Elementwise negation."), help)
        XCTAssertEqual("\(try XCTUnwrap(i.run("-Vec([1.0, 2.0])", origin: "cell")))", "Vec([-1.0, -2.0])")
    }

    func testHostErrorsNameTheFunctionOnce() {
        let (i, _) = makeInterpreter()
        XCTAssertThrowsError(try i.run("strict(1)", origin: "cell")) { e in
            let text = "\(e)"
            XCTAssertTrue(text.contains("strict(_:): expected a positive number"), text)
            XCTAssertFalse(text.contains("strict(_:): strict(_:)"), text)
        }
    }

    func testLabelsOfScriptFunctionsComplete() throws {
        let (i, _) = makeInterpreter()
        try i.run("func scale(alpha: Int, by factor: Int = 2) -> Int { alpha * factor }", origin: "cell")
        XCTAssertEqual(i.completions(prefix: "al", context: "scale("), ["alpha:"])
        XCTAssertEqual(i.completions(prefix: "b", context: "scale(alpha: 1, "), ["by:", "break"], "labels first, then names")
    }
}
