public enum NNLLessons {}
