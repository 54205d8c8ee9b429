extension Registry {
    /// A registry holding the standard library: printing, math, conversions, and the
    /// members of Int, Double, String, Array, Dictionary and ranges.
    public static func standard() -> Registry {
        let r = Registry()
        r.addCoreFunctions()
        r.addMath()
        r.addNumberTypes()
        r.addStringType()
        r.addArrayType()
        r.addDictionaryType()
        r.addSetType()
        r.addCharacterType()
        r.addFloatType()
        r.addFixedWidthIntegerTypes()
        r.addCharacterSetType()
        r.addDateType()
        r.addStandardAdditions()
        r.addStringIndices()
        return r
    }
}
