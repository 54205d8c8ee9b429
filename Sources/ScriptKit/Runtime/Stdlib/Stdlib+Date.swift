import Foundation

/// A Foundation `Date` held by a script value.
final class DateValue: NativeObject, CustomStringConvertible {
    let date: Date
    init(_ date: Date) { self.date = date }
    var typeName: String { "Date" }
    /// As Swift prints a Date: `2026-12-01 00:41:46 +0000`.
    var description: String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss '+0000'"
        return f.string(from: date)
    }
}

/// Date and TimeInterval, for timing cells (`let start = Date()` ...
/// `Date().timeIntervalSince(start)`) and time stamps.
extension Registry {
    static func date(_ v: Value) -> Date {
        v.native(as: DateValue.self)?.date ?? Date(timeIntervalSince1970: 0)
    }

    func addDateType() {
        typeAlias("TimeInterval", of: "Double")
        let type = self.type("Date", doc: "A point in time.")
        type.initializer("init()", doc: "Now.") { _ in .native(DateValue(Date())) }
        type.initializer("init(timeIntervalSince1970 seconds: Double)", doc: "The moment seconds after 1970-01-01 00:00 UTC.") { args in
            .native(DateValue(Date(timeIntervalSince1970: args.double(0))))
        }
        type.staticProperty("now: Date", doc: "Now.") { .native(DateValue(Date())) }
        type.method("timeIntervalSince(_ other: Date) -> Double", doc: "Seconds from other to this date.") { this, args in
            .double(Registry.date(this).timeIntervalSince(Registry.date(args[0])))
        }
        type.method("addingTimeInterval(_ seconds: Double) -> Date", doc: "The date seconds later.") { this, args in
            .native(DateValue(Registry.date(this).addingTimeInterval(args.double(0))))
        }
        type.property("timeIntervalSinceNow: Double", doc: "Seconds from now to this date (negative for a past date).") { this in
            .double(Registry.date(this).timeIntervalSinceNow)
        }
        type.property("timeIntervalSince1970: Double", doc: "Seconds since 1970-01-01 00:00 UTC.") { this in
            .double(Registry.date(this).timeIntervalSince1970)
        }
    }
}
