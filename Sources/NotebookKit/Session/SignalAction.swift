import Foundation

/// Installs `handler` for `signals` with `sigaction` (by default restarting interrupted
/// system calls). When `previous` is given, each signal's old action is saved at
/// `previous[signal]`. A handler may only store into globals: nothing else is
/// async-signal-safe.
func installSignalHandler(_ handler: @escaping @convention(c) (Int32) -> Void, for signals: [Int32],
                          flags: Int32 = SA_RESTART, savingPreviousIn previous: UnsafeMutablePointer<sigaction>? = nil) {
    var action = sigaction()
    #if os(Linux)
    action.__sigaction_handler.sa_handler = handler
    #else
    action.__sigaction_u.__sa_handler = handler
    #endif
    sigemptyset(&action.sa_mask)
    action.sa_flags = flags
    for signal in signals { sigaction(signal, &action, previous.map { $0 + Int(signal) }) }
}
