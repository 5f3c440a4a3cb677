import NNL

/// Judges notebook cells that answer an exercise of an exported lesson. NNLJupyter knows no
/// lessons: `nnl kernel` plugs in the lessons' judge (NNLLessons' `NotebookExercises`).
public protocol ExerciseChecker: AnyObject {
    /// Whether `code` answers an exercise (it carries the marker an export writes).
    func answers(_ code: String) -> Bool
    /// After an answer cell ran without an error: "✓ Correct." or the diagnosis and a hint
    /// (`passed` false). `before` is the workspace the cell started from.
    func feedback(for code: String, before: Workspace) -> (passed: Bool, text: String)
    /// `:hint` in a cell: the next hint of the exercise last answered.
    func nextHint() -> String
}
