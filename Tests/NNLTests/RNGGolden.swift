import Testing

/// `rng_golden.txt`, parsed: each header line `seed=S | call` with the first field of the
/// value lines under it (a float.hex, or a decimal integer).
struct RNGGolden {
    struct Section {
        let header: String
        let values: [Substring]
    }
    let sections: [Section]

    init(_ text: String) {
        var sections: [Section] = []
        var header: String?
        var values: [Substring] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            if line.hasPrefix("seed=") {
                if let h = header { sections.append(Section(header: h, values: values)) }
                header = String(line)
                values = []
            } else if let first = line.split(separator: " ").first {
                values.append(first)
            }
        }
        if let h = header { sections.append(Section(header: h, values: values)) }
        self.sections = sections
    }

    /// The values of the one section whose header is `prefix`, or `prefix` and then a space.
    func values(_ prefix: String) throws -> [Substring] {
        let hits = sections.filter { $0.header == prefix || $0.header.hasPrefix(prefix + " ") }
        try #require(hits.count == 1, "golden section '\(prefix)': \(hits.count) matches")
        return hits[0].values
    }
}
