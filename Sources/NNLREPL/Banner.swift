/// What a learner sees first: the version and the two ways in.
public func replBanner(version: String) -> String {
    """
    nnl \(version): gradient descent by typing the formulas.
    Type :help for commands, :lesson NAME to start a lesson; Ctrl-D leaves.

    """
}
