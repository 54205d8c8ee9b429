/// Matching call-site arguments against registered signatures, with one message template:
/// `bad argument 'k' to 'topK(_:k:)': expected Int, got Double`.
extension Runtime {
    /// Picks the first overload whose labels and types fit, converts the arguments, and calls it.
    func callNative(_ overloads: [Overload], this: Value?, labels: [String?], values: [Value],
                    at location: SourceLocation, writes: InoutWrites? = nil) throws -> Value {
        let (overload, args) = try bind(overloads, labels: labels, values: values, at: location, writes: writes)
        return try invokeNative(overload, this: this, args, at: location)
    }

    func invokeNative(_ overload: Overload, this: Value?, _ args: Arguments, at location: SourceLocation) throws -> Value {
        do {
            switch overload.body {
            case .function(let f): return try f(args)
            case .method(let f): return try f(this ?? .void, args)
            case .mutatingMethod(let f):
                var copy = this ?? .void
                return try f(&copy, args)
            case .property(let f): return try f(this ?? .void)
            case .staticProperty(let f): return try f()
            }
        } catch let e as LocatedError {
            throw e
        } catch let e as Interrupted {
            throw e
        } catch let e as ThrownError {
            throw e
        } catch {
            throw LocatedError(message: Runtime.hostMessage(error, in: overload.qualifiedName), location: location,
                               catchable: overload.signature.throwing)
        }
    }

    static func hostMessage(_ error: Error, in name: String) -> String {
        let text = String(describing: error)
        // Library errors often name their operation already (`Tensor(shape:scalars:): ...`).
        return text.hasPrefix("\(name):") ? text : "\(name): \(text)"
    }

    func bind(_ overloads: [Overload], labels: [String?], values: [Value],
              at location: SourceLocation, writes: InoutWrites? = nil) throws -> (Overload, Arguments) {
        var firstError: LocatedError? = nil
        var labelMatchError: LocatedError? = nil
        // A trailing closure goes to a function-typed parameter first (`contains { ... }` is
        // `contains(where:)`), and only then to a generic one (`fns.append { ... }`).
        let passes = labels.contains(trailingClosureLabel) ? [false, true] : [false]
        for lenient in passes {
            for o in overloads {
                if case .success(let args) = match(o, labels: labels, values: values, lenientTrailing: lenient, at: location, writes: writes) {
                    return (o, args)
                }
            }
        }
        for o in overloads {
            switch match(o, labels: labels, values: values, lenientTrailing: true, at: location, writes: writes) {
            case .success(let args): return (o, args)
            case .failure(let e, let labelsMatched):
                if firstError == nil { firstError = e }
                if labelsMatched && labelMatchError == nil { labelMatchError = e }
            }
        }
        if overloads.count > 1, labelMatchError != nil, let name = overloads.first?.qualifiedName {
            // Several overloads share these labels but none takes these types.
            let got = values.map(\.typeName).joined(separator: ", ")
            let candidates = overloads.map { $0.signature.text }.joined(separator: "; ")
            if overloads.allSatisfy({ $0.signature.swiftName == overloads[0].signature.swiftName }) {
                throw LocatedError(message: "no '\(name)' accepts arguments of type (\(got)); candidates: \(candidates)", location: location)
            }
        }
        throw labelMatchError ?? firstError ?? LocatedError(message: "no function to call", location: location)
    }

    private enum MatchResult {
        case success(Arguments)
        case failure(LocatedError, labelsMatched: Bool)
    }

    private func match(_ o: Overload, labels: [String?], values: [Value], lenientTrailing: Bool,
                       at location: SourceLocation, writes: InoutWrites? = nil) -> MatchResult {
        func closureFits(_ t: TypeRef) -> Bool { lenientTrailing ? t.acceptsClosure : t.isFunction }
        let sig = o.signature
        var name: String { o.qualifiedName }   // built only for a message
        var out: [Value] = []
        out.reserveCapacity(sig.parameters.count)
        var ai = 0
        writes?.sources = Array(repeating: -1, count: sig.parameters.count)
        var typeError: LocatedError? = nil
        func fail(_ m: String) -> MatchResult { .failure(LocatedError(message: m, location: location), labelsMatched: false) }
        for p in sig.parameters {
            if p.isVariadic {
                var items: [Value] = []
                if ai < labels.count && labelFits(labels[ai], p.label) && (labels[ai] != trailingClosureLabel || closureFits(p.type)) {
                    repeat {
                        items.append(values[ai])
                        ai += 1
                    } while ai < labels.count && labels[ai] == nil
                }
                for (k, item) in items.enumerated() {
                    var v = item
                    if case .native(let n) = v, n is ImplicitMember {
                        do { v = try resolveImplicitMember(v, p.type, at: location) } catch let e as LocatedError {
                            return .failure(e, labelsMatched: true)
                        } catch { return fail("\(error)") }
                    }
                    if let c = conform(v, to: p.type) { items[k] = c } else if typeError == nil {
                        typeError = LocatedError(message: "bad argument '\(p.name)' to '\(name)': expected \(p.type), got \(v.typeName)", location: location)
                    }
                }
                out.append(.array(items))
                continue
            }
            if ai < labels.count && labelFits(labels[ai], p.label) && (labels[ai] != trailingClosureLabel || closureFits(p.type)) {
                var v = values[ai]
                if let writes { writes.sources[out.count] = ai }
                ai += 1
                if case .native(let n) = v, n is ImplicitMember {
                    do { v = try resolveImplicitMember(v, p.type, at: location) } catch let e as LocatedError {
                        return .failure(e, labelsMatched: true)
                    } catch { return fail("\(error)") }
                }
                if let c = conform(v, to: p.type) {
                    out.append(c)
                } else {
                    if typeError == nil {
                        typeError = LocatedError(message: "bad argument '\(p.label ?? p.name)' to '\(name)': expected \(p.type), got \(v.typeName)", location: location)
                    }
                    out.append(v)
                }
            } else if let d = p.defaultValue {
                out.append(d)
            } else if ai < labels.count {
                let have = labels[ai].map { $0 == trailingClosureLabel ? "a trailing closure" : "'\($0):'" } ?? "no label"
                let want = p.label.map { "'\($0):'" } ?? "no label"
                return fail("incorrect argument label in call to '\(name)' (have \(have), expected \(want))")
            } else {
                return fail("missing argument for parameter '\(p.label ?? p.name)' in call to '\(name)'")
            }
        }
        if ai < labels.count {
            let what = labels[ai].map { "argument '\($0):'" } ?? "argument"
            return fail("extra \(what) in call to '\(name)'")
        }
        if let typeError { return .failure(typeError, labelsMatched: true) }
        return .success(Arguments(values: out, runtime: self, location: location, writes: writes))
    }
}
