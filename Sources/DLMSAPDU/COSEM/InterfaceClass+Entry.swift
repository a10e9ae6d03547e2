extension InterfaceClass {
    /// One row of the catalogue: the class name, its attributes from 2 on and
    /// its methods from 1 on. An empty string marks a number the class does
    /// not use (reserved).
    struct Entry: Sendable {
        var name: String
        var attributes: [String]
        var methods: [String]

        init(_ name: String, attributes: [String] = [], methods: [String] = []) {
            self.name = name
            self.attributes = attributes
            self.methods = methods
        }
    }
}
