/// A continuous colour scale: evenly spaced stops, linearly interpolated.
///
/// The perceptually uniform maps (`viridis`, `magma`, `cividis`) and the diverging ones
/// (`coolwarm`, `rdBu`) are sampled at 17 stops from matplotlib's tables.
public struct Colormap: Equatable, Sendable {
    /// The map's name (matplotlib's spelling).
    public let name: String
    /// Evenly spaced colours from the low end to the high end.
    public let stops: [Color]

    /// Creates a map from at least two stops.
    public init(name: String, stops: [Color]) {
        self.name = name
        self.stops = stops.count >= 2 ? stops : [stops.first ?? .black, stops.first ?? .white]
    }

    init(name: String, hex: [UInt32]) { self.init(name: name, stops: hex.map { Color(hex: $0) }) }

    /// The colour at `t` in 0...1 (clamped; NaN maps to the low end).
    public func color(at t: Double) -> Color {
        let c = t.isNaN ? 0 : min(max(t, 0), 1)
        let pos = c * Double(stops.count - 1)
        let i = min(Int(pos), stops.count - 2)
        return stops[i].mixed(with: stops[i + 1], pos - Double(i))
    }

    /// The same map running the other way, named with matplotlib's `_r` suffix.
    public func reversed() -> Colormap { Colormap(name: name + "_r", stops: stops.reversed()) }

    /// A 256-entry lookup table of opaque `0x00RRGGBB` pixels.
    func lookupTable() -> [UInt32] {
        (0..<256).map { i in
            let c = color(at: Double(i) / 255)
            return UInt32(c.red * 255 + 0.5) << 16 | UInt32(c.green * 255 + 0.5) << 8 | UInt32(c.blue * 255 + 0.5)
        }
    }

    public static let viridis = Colormap(name: "viridis", hex: [
        0x440154, 0x48186A, 0x472D7B, 0x424086, 0x3B528B, 0x33638D, 0x2C728E, 0x26828E, 0x21918C,
        0x1FA088, 0x28AE80, 0x3FBC73, 0x5EC962, 0x84D44B, 0xADDC30, 0xD8E219, 0xFDE725])
    public static let magma = Colormap(name: "magma", hex: [
        0x000004, 0x0A0822, 0x1D1147, 0x36106B, 0x51127C, 0x6A1C81, 0x832681, 0x9C2E7F, 0xB73779,
        0xD0416F, 0xE75263, 0xF56B5C, 0xFC8961, 0xFEA772, 0xFEC488, 0xFDE2A3, 0xFCFDBF])
    public static let cividis = Colormap(name: "cividis", hex: [
        0x00224E, 0x002E6A, 0x1A386F, 0x32436D, 0x434E6C, 0x535A6D, 0x61656F, 0x6F7073, 0x7D7C78,
        0x8C8878, 0x9B9476, 0xABA072, 0xBCAE6C, 0xCDBB63, 0xDEC958, 0xF0D846, 0xFEE838])
    /// Diverging blue (low) to red (high), grey in the middle.
    public static let coolwarm = Colormap(name: "coolwarm", hex: [
        0x3B4CC0, 0x4E68D8, 0x6282EA, 0x779AF7, 0x8DB0FE, 0xA3C2FE, 0xB9D0F9, 0xCCD9ED, 0xDDDCDC,
        0xECD3C5, 0xF5C4AC, 0xF7B093, 0xF4987A, 0xEB7D62, 0xDD5F4B, 0xCA3B37, 0xB40426])
    /// Diverging red (low) to blue (high), white in the middle; `rdBu.reversed()` is `RdBu_r`.
    public static let rdBu = Colormap(name: "RdBu", hex: [
        0x67001F, 0x930E26, 0xBA2832, 0xD05548, 0xE48066, 0xF5AA89, 0xFBCCB4, 0xFBE5D8, 0xF7F6F6,
        0xE0ECF3, 0xC2DDEC, 0x9BC9E0, 0x6BACD1, 0x3F8EC0, 0x2A71B2, 0x175290, 0x053061])
    /// Sequential white to blue.
    public static let blues = Colormap(name: "Blues", hex: [
        0xF7FBFF, 0xEAF3FB, 0xDEEBF7, 0xD2E3F3, 0xC6DBEF, 0xB2D2E8, 0x9DCAE1, 0x84BCDB, 0x6AAED6,
        0x56A0CE, 0x4191C6, 0x3181BD, 0x2070B4, 0x1460A8, 0x08509B, 0x084082, 0x08306B])
}
