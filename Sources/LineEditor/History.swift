#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ReadlineLineReader {
    /// `$NNL_HISTORY` if set and non-empty, else `~/.nnl_history`.
    public static func defaultHistoryPath() -> String {
        let env = { (name: String) in getenv(name).map { String(cString: $0) } }
        return History.path(override: env("NNL_HISTORY"), home: env("HOME") ?? passwdHome())
    }

    private static func passwdHome() -> String? {
        guard let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir else { return nil }
        return String(cString: dir)
    }
}

/// Pure history rules.
enum History {
    static let limit = 1000

    static func path(override: String?, home: String?) -> String {
        if let override, !override.isEmpty { return override }
        guard let home, !home.isEmpty else { return ".nnl_history" }
        return home.hasSuffix("/") ? home + ".nnl_history" : home + "/.nnl_history"
    }

    /// Blank lines and a repeat of the line just before are not worth recalling.
    static func shouldAdd(_ line: String, previous: String?) -> Bool {
        !line.allSatisfy(\.isWhitespace) && line != previous
    }
}
