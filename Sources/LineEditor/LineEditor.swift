public enum LineEditor {}
