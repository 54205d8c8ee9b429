import XCTest
@testable import ScriptKit

/// Library-like host types for the tests: a nested configuration struct, a model class,
/// an enum and a protocol, bound through `ScriptBound` and key-path rows.
struct ToyConfiguration: ScriptBound, Equatable {
    static let scriptName = "Toy.Configuration"
    var epochs = 10
    var rate: Float = 0.5
    var name: String? = nil
}

final class Toy: ScriptBound {
    static let scriptName = "Toy"
    var configuration: ToyConfiguration
    var trained = 0
    init(_ c: ToyConfiguration) { configuration = c }
}

enum ToyKind: ScriptBound {
    static let scriptName = "ToyKind"
    case linear, log
}

final class HostBindingTests: XCTestCase {
    func makeInterpreter() -> (Interpreter, () -> String) {
        let registry = Registry.standard()
        registry.type("Trainable", doc: "Something that trains.")
            .method("train() -> Int", doc: "Trains once.") { _, _ in .void }
            .method("trainThrice() -> Int", doc: "An extension method of the protocol.") { this, _ in
                let t = try Toy.fromScript(this)
                t.trained += 3
                return .int(t.trained)
            }
        registry.type("Toy.Configuration", doc: "Hyperparameters.")
            .initializer("init(epochs: Int = 10, rate: Float = 0.5)", doc: "Settings.") { args in
                ToyConfiguration(epochs: try args.get(0), rate: try args.get(1)).scriptValue
            }
            .field("epochs: Int", \ToyConfiguration.epochs, doc: "Epochs.")
            .field("rate: Float", \ToyConfiguration.rate, doc: "Rate.")
            .field("name: String?", \ToyConfiguration.name, doc: "Name.")
        registry.type("Toy", doc: "A model.").referenceType().conforms(to: "Trainable")
            .initializer("init(_ configuration: Toy.Configuration)", doc: "A model.") { args in
                Toy(try args.get(0)).scriptValue
            }
            .readOnly("configuration: Toy.Configuration", \Toy.configuration, doc: "Its settings.")
            .subscriptRow("subscript(_ name: String) -> [Double]", doc: "A series by name.") { this, args in
                let name: String = try args.get(0)
                return [Double(name.count), Double(try Toy.fromScript(this).trained)].scriptValue
            }
            .field("trained: Int", \Toy.trained, doc: "Times trained.")
            .method("train() -> Int", doc: "Trains once.") { this, _ in
                let t = try Toy.fromScript(this)
                t.trained += t.configuration.epochs
                return .int(t.trained)
            }
        registry.typeAlias("Toy.Settings", of: "Toy.Configuration")
        registry.type("Toy.Configuration", doc: "")
            .binaryOperator("+", doc: "Adds epochs; throws on overflow.", throws: true) { a, b in
                var c = try ToyConfiguration.fromScript(a)
                c.epochs += try ToyConfiguration.fromScript(b).epochs
                return c.scriptValue
            }
        registry.type("ToyKind", doc: "A kind.")
            .staticProperty("linear: ToyKind", doc: "Linear.") { ToyKind.linear.scriptValue }
            .staticProperty("log: ToyKind", doc: "Log.") { ToyKind.log.scriptValue }
        registry.function("describe(_ kind: ToyKind) -> String", doc: "Its name.") { args in
            .string("\(try args.get(0, as: ToyKind.self))")
        }
        registry.function("trainTwice(_ model: Trainable) -> Int", doc: "Trains twice.") { args in
            let t = try args.get(0, as: Toy.self)
            t.trained += 2 * t.configuration.epochs
            return .int(t.trained)
        }
        registry.function("load(_ name: String) throws -> Int", doc: "Fails for an empty name, as a throwing loader does.") { args in
            let name: String = try args.get(0)
            if name.isEmpty { throw BindingError("no such file") }
            return .int(name.count)
        }
        registry.function("checkedHalf(_ x: Int) -> Int", doc: "Fails for odd numbers without being declared throwing (a trap in Swift).") { args in
            let x: Int = try args.get(0)
            if x % 2 != 0 { throw BindingError("odd number \(x)") }
            return .int(x / 2)
        }
        XCTAssertTrue(registry.signatureErrors.isEmpty, "\(registry.signatureErrors)")
        let interpreter = Interpreter(registry: registry)
        var out = ""
        interpreter.output = { out += $0 }
        return (interpreter, { out })
    }

    func testNestedTypesFieldsAndValueSemantics() throws {
        let (i, out) = makeInterpreter()
        try i.run("""
            var c = Toy.Configuration(epochs: 3)
            var d = c
            d.epochs = 7
            d.rate = 2
            d.epochs += 1
            d.name = "tuned"
            let e: Toy.Configuration = Toy.Configuration()
            print(c.epochs, d.epochs, d.rate, d.name ?? "none", e.epochs)
            """, origin: "cell")
        XCTAssertEqual(out(), "3 8 2.0 tuned 10\n")
    }

    func testClassesProtocolsAndImplicitMembers() throws {
        let (i, out) = makeInterpreter()
        try i.run("""
            let m = Toy(Toy.Configuration(epochs: 2))
            let alias = m
            m.trained = 1
            print(m.train(), alias.trained, trainTwice(m), describe(.log), describe(ToyKind.linear))
            let t: Trainable = m
            print(m.trainThrice(), t.trainThrice(), t.train())
            """, origin: "cell")
        XCTAssertEqual(out(), "3 3 7 log linear\n10 13 15\n")
    }

    func testSubscriptsAndTypeAliases() throws {
        let (i, out) = makeInterpreter()
        try i.run("""
            let s: Toy.Settings = Toy.Settings(epochs: 4)
            let m = Toy(s)
            let series: [Double] = m["loss"]
            print(series, m.configuration.epochs)
            """, origin: "cell")
        XCTAssertEqual(out(), "[4.0, 0.0] 4\n")
        XCTAssertThrowsError(try i.run("let m = Toy(Toy.Configuration())\nprint(m[3])", origin: "cell")) { e in
            XCTAssertTrue("\(e)".contains("cannot convert value of type 'Int' to expected argument type 'String'"), "\(e)")
        }
    }

    func testHelpAndCompletionReachNestedTypes() throws {
        let (i, _) = makeInterpreter()
        XCTAssertEqual(i.completions(prefix: "Con", context: "let c = Toy."), ["Configuration"])
        XCTAssertEqual(i.completions(prefix: "ep", context: "let c = Toy.Configuration("), ["epochs:"])
        XCTAssertFalse(i.completions(prefix: "To").contains("Toy.Configuration"))
        try i.run("var c = Toy.Configuration()", origin: "cell")
        XCTAssertEqual(i.completions(prefix: "", context: "c."), ["epochs", "name", "rate"])
        let help = try XCTUnwrap(i.registry.help("Toy.Configuration"))
        XCTAssertTrue(help.contains("var epochs: Int"), help)
    }

    func testThrowingOperatorsNeedTry() throws {
        let (i, out) = makeInterpreter()
        try i.run("let a = Toy.Configuration(epochs: 2)\nlet b = try a + a\nprint(b.epochs)", origin: "cell")
        XCTAssertEqual(out(), "4\n")
        XCTAssertThrowsError(try i.run("let c = Toy.Configuration()\nlet d = c + c", origin: "cell")) { e in
            XCTAssertTrue("\(e)".contains("operator can throw but expression is not marked with 'try'"), "\(e)")
        }
    }

    /// `catch` and `try?` handle what a throwing row throws; a failure of a row that is not
    /// declared throwing, or a fault such as overflow, stops the cell as Swift's trap would.
    func testOnlyErrorsOfThrowingCallsAreCaught() throws {
        let (i, out) = makeInterpreter()
        try i.run("""
            do { print(try load("")) } catch { print("caught:", error) }
            print(try? load("") as Any, try? load("abc") as Any)
            """, origin: "cell")
        XCTAssertEqual(out(), "caught: load(_:): no such file\nnil Optional(3)\n")
        for fault in ["do { print(checkedHalf(3)) } catch { print(\"caught\") }",
                      "do { let big = Int.max; print(try load(\"a\") + big) } catch { print(\"caught\") }",
                      "let xs = [1]; let v = try? load(String(xs[2])); print(v as Any)"] {
            XCTAssertThrowsError(try i.run(fault, origin: "cell"), fault) { e in
                XCTAssertTrue("\(e)".contains("odd number 3") || "\(e)".contains("overflow") || "\(e)".contains("out of range"), "\(e)")
            }
        }
        XCTAssertFalse(out().contains("caught\n"), out())
    }

    func testTypeErrorsOnHostRows() {
        let (i, _) = makeInterpreter()
        XCTAssertThrowsError(try i.run("let c = Toy.Configuration()\nc.epochs = 3", origin: "cell")) { e in
            XCTAssertTrue("\(e)".contains("'let' constant"), "\(e)")
        }
        XCTAssertThrowsError(try i.run("var m = Toy(Toy.Configuration())\nm.configuration = Toy.Configuration()", origin: "cell")) { e in
            XCTAssertTrue("\(e)".contains("get-only property"), "\(e)")
        }
        XCTAssertThrowsError(try i.run("var c = Toy.Configuration()\nc.epochs = 2.5", origin: "cell")) { e in
            XCTAssertTrue("\(e)".contains("cannot assign value of type 'Double' to type 'Int'"), "\(e)")
        }
        XCTAssertThrowsError(try i.run("print(trainTwice(Toy.Configuration()))", origin: "cell")) { e in
            XCTAssertTrue("\(e)".contains("cannot convert value of type 'Toy.Configuration' to expected argument type 'Trainable'"), "\(e)")
        }
    }
}
