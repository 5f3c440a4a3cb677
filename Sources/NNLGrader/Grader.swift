public enum NNLGrader {}
