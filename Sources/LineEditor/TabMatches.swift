/// What readline shows for Tab: the candidates that extend the word, and the prefix it inserts.
/// (Which word, and its candidates, are the language's: `CompletionRequest` in NNL.)
enum TabMatches {
    /// The candidates that extend `word`, without repeats, sorted.
    static func matches(for word: String, among candidates: [String]) -> [String] {
        Array(Set(candidates.filter { $0.hasPrefix(word) })).sorted()
    }

    /// The longest common prefix: what Tab inserts when several candidates remain.
    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map(Array.init) else { return "" }
        for word in words.dropFirst() {
            let chars = Array(word)
            var n = 0
            while n < min(prefix.count, chars.count), prefix[n] == chars[n] { n += 1 }
            prefix.removeSubrange(n...)
        }
        return String(prefix)
    }
}
