import TensorKit
import ScriptKit

// Every public type of TensorKit crosses into scripts as a `HostObject` box under its Swift
// name (nested types keep their dots), so binding rows read and return them with
// `args.get(i, as: T.self)` and `value.scriptValue`.

extension Activation: ScriptBound { public static var scriptName: String { "Activation" } }
extension Adam: ScriptBound { public static var scriptName: String { "Adam" } }
extension BLASStatistics: ScriptBound { public static var scriptName: String { "BLASStatistics" } }
extension BatchNorm1d: ScriptBound { public static var scriptName: String { "BatchNorm1d" } }
extension BinaryOperator: ScriptBound { public static var scriptName: String { "BinaryOperator" } }
extension Dropout: ScriptBound { public static var scriptName: String { "Dropout" } }
extension Embedding: ScriptBound { public static var scriptName: String { "Embedding" } }
extension IntegerTensor: ScriptBound { public static var scriptName: String { "IntegerTensor" } }
extension Linear: ScriptBound { public static var scriptName: String { "Linear" } }
extension Loss: ScriptBound { public static var scriptName: String { "Loss" } }
extension Parameter: ScriptBound { public static var scriptName: String { "Parameter" } }
extension SGD: ScriptBound { public static var scriptName: String { "SGD" } }
extension Safetensors: ScriptBound { public static var scriptName: String { "Safetensors" } }
extension SafetensorsContents: ScriptBound { public static var scriptName: String { "SafetensorsContents" } }
extension SeededGenerator: ScriptBound { public static var scriptName: String { "SeededGenerator" } }
extension Sequential: ScriptBound { public static var scriptName: String { "Sequential" } }
extension SparseMatrix: ScriptBound { public static var scriptName: String { "SparseMatrix" } }
extension SparseMatrix.DuplicatePolicy: ScriptBound { public static var scriptName: String { "SparseMatrix.DuplicatePolicy" } }
extension Tensor: ScriptBound { public static var scriptName: String { "Tensor" } }
extension TensorError: ScriptBound { public static var scriptName: String { "TensorError" } }
extension UnaryFunction: ScriptBound { public static var scriptName: String { "UnaryFunction" } }
