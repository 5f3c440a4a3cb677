import Testing
@testable import LineEditor

@Suite struct HistoryTests {
    @Test func dropsBlankLinesAndImmediateRepeats() {
        #expect(History.shouldAdd("x = 3", previous: nil))
        #expect(History.shouldAdd("x = 3", previous: "x = 4"))
        #expect(!History.shouldAdd("x = 3", previous: "x = 3"))
        #expect(!History.shouldAdd("", previous: "x"))
        #expect(!History.shouldAdd("  \t", previous: nil))
    }

    @Test func pathPrefersTheOverride() {
        #expect(History.path(override: "/tmp/h", home: "/home/a") == "/tmp/h")
        #expect(History.path(override: "", home: "/home/a") == "/home/a/.nnl_history")
        #expect(History.path(override: nil, home: "/root/") == "/root/.nnl_history")
        #expect(History.path(override: nil, home: nil) == ".nnl_history")
    }
}
