import Foundation
import ScriptKit
import TensorKit

extension TensorKitBindings {
    /// `Safetensors` (read and write the safetensors format), `SafetensorsContents` and
    /// `IntegerTensor`. `URL` and `Data` are bound with the RecommenderKit loaders.
    static func registerSafetensors(in registry: Registry) {
        let type = registry.type("Safetensors", doc: "The safetensors format (Hugging Face): a JSON header, then raw little-endian tensor data.")
        type.staticMethod("save(_ tensors: [String: Tensor], to url: URL, metadata: [String: String] = [:]) throws",
                          doc: "Writes `tensors` to `url` (names sorted, data packed in that order); written to a temporary file then renamed.") { args in
            try Safetensors.save(try args.get(0), to: try args.get(1, as: URL.self), metadata: try args.get(2))
            return .void
        }
        type.staticMethod("encode(_ tensors: [String: Tensor], metadata: [String: String] = [:]) -> Data",
                          doc: "The bytes of a safetensors file holding `tensors`.") { args in
            Safetensors.encode(try args.get(0), metadata: try args.get(1)).scriptValue
        }
        type.staticMethod("load(from url: URL, skippingIntegers: Bool = false) throws -> [String: Tensor]",
                          doc: "The floating-point tensors of the file at `url`, by name.") { args in
            try Safetensors.load(from: try args.get(0, as: URL.self), skippingIntegers: try args.get(1)).scriptValue
        }
        type.staticMethod("read(from url: URL) throws -> SafetensorsContents",
                          doc: "Reads every entry of the file at `url`: float tensors, integer tensors, metadata, and notes on what was converted.") { args in
            try Safetensors.read(from: try args.get(0, as: URL.self)).scriptValue
        }
        type.staticMethod("decode(_ data: Data, skippingIntegers: Bool = false) throws -> [String: Tensor]",
                          doc: "The floating-point tensors in the bytes of a safetensors file.") { args in
            try Safetensors.decode(try args.get(0, as: Data.self), skippingIntegers: try args.get(1)).scriptValue
        }
        type.staticMethod("decodeContents(_ data: Data) throws -> SafetensorsContents", doc: "Every entry in the bytes of a safetensors file.") { args in
            try Safetensors.decodeContents(try args.get(0, as: Data.self)).scriptValue
        }
        type.staticMethod("metadata(from url: URL) throws -> [String: String]",
                          doc: "The `__metadata__` strings of a safetensors file (empty when it has none), read from the header alone.") { args in
            try Safetensors.metadata(from: try args.get(0, as: URL.self)).scriptValue
        }

        registry.type("SafetensorsContents", doc: "Everything in a safetensors file, as `Safetensors.read(from:)` returns it.")
            .field("tensors: [String: Tensor]", \SafetensorsContents.tensors, doc: "The floating-point entries as Float32 tensors.")
            .field("integers: [String: IntegerTensor]", \SafetensorsContents.integers, doc: "The integer and boolean entries, exactly.")
            .field("metadata: [String: String]", \SafetensorsContents.metadata, doc: "The `__metadata__` strings of the header.")
            .field("notes: [String]", \SafetensorsContents.notes, doc: "What reading changed, one line per entry (e.g. an F64 entry narrowed to Float32).")

        registry.type("IntegerTensor", doc: "An integer entry of a safetensors file (I64, I32, I16, I8, U8 or BOOL), kept exact.")
            .initializer("init(shape: [Int], values: [Int64], dtype: String)", doc: "An integer tensor of `shape` holding `values` (from the file's `dtype`).") { args in
                IntegerTensor(shape: try args.get(0), values: try [Int].fromScript(args[1]).map { Int64($0) }, dtype: try args.get(2)).scriptValue
            }
            .field("shape: [Int]", \IntegerTensor.shape, doc: "The size of each axis; `[]` for a scalar.")
            .property("values: [Int64]", doc: "The elements in row-major order.", get: { this in
                .array(try IntegerTensor.fromScript(this).values.map { .int(Int($0)) })
            }, set: { this, newValue in
                var t = try IntegerTensor.fromScript(this)
                t.values = try [Int].fromScript(newValue).map { Int64($0) }
                this = t.scriptValue
            })
            .field("dtype: String", \IntegerTensor.dtype, doc: "The dtype in the file, e.g. `\"I64\"`.")
    }
}
