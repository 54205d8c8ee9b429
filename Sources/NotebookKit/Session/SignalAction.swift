import Foundation

/// Installs `handler` for `signals` with `sigaction` (restarting interrupted system calls).
/// A handler may only store into globals: nothing else is async-signal-safe.
func installSignalHandler(_ handler: @escaping @convention(c) (Int32) -> Void, for signals: [Int32]) {
    var action = sigaction()
    #if os(Linux)
    action.__sigaction_handler.sa_handler = handler
    #else
    action.__sigaction_u.__sa_handler = handler
    #endif
    sigemptyset(&action.sa_mask)
    action.sa_flags = SA_RESTART
    for signal in signals { sigaction(signal, &action, nil) }
}
