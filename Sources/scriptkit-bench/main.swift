import Foundation
import ScriptKit
if CommandLine.arguments.count > 2 && CommandLine.arguments[1] == "--script" {
    let text = try! String(contentsOfFile: CommandLine.arguments[2], encoding: .utf8)
    let i = Interpreter()
    do { if let v = try i.run(text, origin: "script") { print(v.debugDescription) } } catch { print(error) }
}
