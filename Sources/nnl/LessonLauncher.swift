import Foundation
import LineEditor
import NNL
import NNLLessons
import NNLREPL

/// Runs one lesson at the terminal: progress resumed and saved, readline at the prompt
/// (with completion of the learner's variables), Ctrl-C stopping a long computation.
enum LessonLauncher {
    /// `reader` and `names`: the REPL's, when `:lesson` starts the lesson from it.
    static func run(_ lesson: Lesson, reader: LineReader? = nil, names: CompletionSnapshot? = nil) throws {
        let store = ProgressStore.standard()
        var saved: LessonProgress?
        switch store.load(for: lesson) {
        case .fresh: break
        case .resumed(let progress): saved = progress
        case .setAside(let reason, let movedTo):
            printError("nnl: your saved progress for \(lesson.name) was not used: \(reason); it is kept as \(movedTo)\n")
        }
        Interrupt.install()
        let session = LessonSession(lesson: lesson, resumeFrom: saved,
                                    style: TerminalStyle(enabled: Terminal.colorWanted(on: STDOUT_FILENO)),
                                    display: Terminal.lessonDisplay) {
            FileHandle.standardOutput.write(Data($0.utf8))
        }
        let course = try? Course.standard()
        for needed in course?.unfinishedNeeds(of: lesson, in: store) ?? [] {
            printError("nnl: this lesson builds on \(needed.name) (\(needed.title)), which you have not finished: `nnl learn \(needed.name)`\n")
        }
        session.nextLesson = course?.lesson(after: lesson)
        session.save = { progress in
            do { try store.save(progress) } catch { printError("nnl: could not save progress: \(error.localizedDescription)\n") }
        }
        let names = names ?? CompletionSnapshot(CompletionCandidates(workspace: session.learnerWorkspace,
                                                                     builtinNames: Session().builtinNames,
                                                                     commandNames: session.commandNames))
        let input = ReadlineLessonInput(reader: reader ?? makeLineReader(completer: { names.candidates(for: $0) }),
                                        session: session, names: names)
        runLesson(session, input: input)
    }
}

/// The lesson's lines through the line editor; Ctrl-C clears the line and asks again.
final class ReadlineLessonInput: LessonInput {
    let reader: LineReader
    let session: LessonSession
    let names: CompletionSnapshot

    init(reader: LineReader, session: LessonSession, names: CompletionSnapshot) {
        self.reader = reader
        self.session = session
        self.names = names
    }

    func readLine(prompt: String) -> String? {
        names.update(session.learnerWorkspace)
        while true {
            Interrupt.clear()
            switch reader.readLine(prompt: readlinePrompt(session.prompt)) {
            case .line(let line):
                reader.addToHistory(line)
                // Measured after the wait at the prompt: the window may have been resized meanwhile.
                session.display = Terminal.lessonDisplay
                return line
            case .interrupted:
                session.cancelBlock()  // Ctrl-C at `...>` drops the block, as at the REPL
                continue
            case .endOfInput:
                return nil
            }
        }
    }

    /// Readline measures prompts by their characters: escape codes must be marked invisible.
    private func readlinePrompt(_ prompt: String) -> String {
        guard isInteractiveTerminal() else { return prompt }
        return prompt.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "\u{1}$0\u{2}", options: .regularExpression)
    }
}
