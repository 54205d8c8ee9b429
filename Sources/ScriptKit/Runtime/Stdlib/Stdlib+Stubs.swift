extension Registry {
    func addMath() {}
    func addNumberTypes() {}
    func addStringType() {}
    func addArrayType() {}
    func addDictionaryType() {}
}
